import type { SynergyStatus } from '../../gql/graphql';

/**
 * Where a synergy stands, as far as its status tells the viewer: the API does not say per synergy whether it runs
 * (only the territory's totals count operational ones), so the pictures stop at "accepted".
 */
export type SynergyStage = 'suggested' | 'contactRequested' | 'accepted';

export const STAGES: readonly SynergyStage[] = ['suggested', 'contactRequested', 'accepted'];

/** The stage of an open synergy; null for a declined or stale one, which the pictures leave out. */
export function stageOf(status: SynergyStatus): SynergyStage | null {
  switch (status) {
    case 'SUGGESTED':
      return 'suggested';
    case 'CONTACT_REQUESTED':
      return 'contactRequested';
    case 'ACCEPTED':
      return 'accepted';
    default:
      return null;
  }
}

/** One colour per stage, shared by the map, the network and their legends. */
export const STAGE_COLOURS: Record<SynergyStage, string> = {
  suggested: '#8a94a6',
  contactRequested: '#d97706',
  accepted: '#15803d',
};
