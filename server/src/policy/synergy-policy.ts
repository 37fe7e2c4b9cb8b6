import { isFacilitatorOf, isMemberOf, type MaybeViewer } from './viewer.js';

/**
 * Who sees what of a synergy (docs/THREAT_MODEL.md, rows 17–19). The engine sees everything; a party sees its own side
 * and an anonymised counterpart until every side has consented; facilitators of the synergy's territory see all.
 */
export interface SynergyFacts {
  territoryId: string;
  participants: { organizationId: string; consent: 'PENDING' | 'ACCEPTED' | 'DECLINED' }[];
}

/** FULL: everything. PARTY: a participant's view (anonymised counterparts until consent). NONE: not even its existence. */
export type SynergyAccess = 'FULL' | 'PARTY' | 'NONE';

export function synergyAccess(viewer: MaybeViewer, s: SynergyFacts): SynergyAccess {
  if (isFacilitatorOf(viewer, s.territoryId)) return 'FULL';
  if (s.participants.some((p) => isMemberOf(viewer, p.organizationId))) return 'PARTY';
  return 'NONE';
}

/** Identities are revealed to the parties only once every side has consented to be put in touch. */
export function identitiesRevealed(s: SynergyFacts): boolean {
  return s.participants.length > 1 && s.participants.every((p) => p.consent === 'ACCEPTED');
}

/** Whether the viewer may see who this participant is. */
export function canSeeParticipant(viewer: MaybeViewer, s: SynergyFacts, organizationId: string): boolean {
  const access = synergyAccess(viewer, s);
  if (access === 'FULL') return true;
  if (access === 'NONE') return false;
  return isMemberOf(viewer, organizationId) || identitiesRevealed(s);
}

/** Consenting, requesting contact or declining is done for one's own organisation's side. */
export function canDecideFor(viewer: MaybeViewer, organizationId: string): boolean {
  return isMemberOf(viewer, organizationId);
}

/** Running detection and recording synergies by hand: the territory's facilitators. */
export function canManageSynergies(viewer: MaybeViewer, territoryId: string): boolean {
  return isFacilitatorOf(viewer, territoryId);
}
