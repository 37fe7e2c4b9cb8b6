import type { SynergyResponseState, SynergyStatus } from '../../../gql/graphql';
import type { MessageKey } from '../../../i18n/messages';

export const RESPONSE_STATE_MESSAGES: Record<SynergyResponseState, MessageKey> = {
  NOT_ASKED: 'facilitation.state.NOT_ASKED',
  NO_ANSWER: 'facilitation.state.NO_ANSWER',
  ACCEPTED: 'facilitation.state.ACCEPTED',
  DECLINED: 'facilitation.state.DECLINED',
};

/**
 * Whether "Mettre en relation" is offered: the synergy is still open and a side has not answered. The server decides
 * (CONFLICT otherwise); this only avoids offering a button that can only fail.
 */
export function canPutInTouch(synergy: { status: SynergyStatus; responses?: readonly { state: SynergyResponseState }[] | null }): boolean {
  const open = synergy.status === 'SUGGESTED' || synergy.status === 'CONTACT_REQUESTED';
  return open && (synergy.responses ?? []).some((r) => r.state === 'NOT_ASKED' || r.state === 'NO_ANSWER');
}
