import type { Consent, SynergyStatus } from '../../gql/graphql';
import type { MessageKey } from '../../i18n/messages';

/** What a viewer may do about a synergy. */
export type SynergyAction = 'REQUEST_CONTACT' | 'ACCEPT_CONTACT' | 'REFUSE_CONTACT' | 'DECLINE';

/** The rights and state the API gives with a synergy, as these functions need them. */
export interface SynergyDecisionState {
  status: SynergyStatus;
  identitiesRevealed: boolean;
  viewerCanRequestContact: boolean;
  viewerCanRespond: boolean;
  viewerCanDecline: boolean;
  participants: readonly { isYours: boolean; consent: Consent }[];
}

/**
 * The actions to offer, most expected first. The API decides what is allowed; this only chooses how to offer it.
 * When the viewer is asked to answer a contact request, "refuse" is the way to say no (declining would do the
 * same), so the two are not offered side by side.
 */
export function availableActions(s: SynergyDecisionState): SynergyAction[] {
  if (s.viewerCanRespond) return ['ACCEPT_CONTACT', 'REFUSE_CONTACT'];
  const actions: SynergyAction[] = [];
  if (s.viewerCanRequestContact) actions.push('REQUEST_CONTACT');
  if (s.viewerCanDecline) actions.push('DECLINE');
  return actions;
}

/** Whether an action needs a second, explicit confirmation (it cannot be undone from the interface). */
export function needsConfirmation(action: SynergyAction): boolean {
  return action === 'DECLINE' || action === 'REFUSE_CONTACT';
}

/** A sentence telling the viewer where the synergy stands for them, or null when there is nothing to say. */
export function decisionHint(s: SynergyDecisionState): MessageKey | null {
  const mine = s.participants.filter((p) => p.isYours);
  if (mine.length === 0) return null; // a facilitator's view: the parties decide
  if (s.identitiesRevealed) return 'actions.hint.revealed';
  if (s.viewerCanRespond) return 'actions.hint.respond';
  if (s.status === 'CONTACT_REQUESTED' && mine.every((p) => p.consent === 'ACCEPTED')) return 'actions.hint.waiting';
  if (availableActions(s).length === 0) return 'actions.hint.closed';
  return null;
}

/** The label of an action's button. */
export const ACTION_MESSAGES: Record<SynergyAction, MessageKey> = {
  REQUEST_CONTACT: 'actions.requestContact',
  ACCEPT_CONTACT: 'actions.accept',
  REFUSE_CONTACT: 'actions.refuse',
  DECLINE: 'actions.decline',
};
