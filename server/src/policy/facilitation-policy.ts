import { synergyAccess, type SynergyFacts } from './synergy-policy.js';
import { isFacilitatorOf, isMemberOf, type MaybeViewer } from './viewer.js';

/**
 * The facilitators' tools on a synergy (docs/THREAT_MODEL.md, rows 52–53): putting the parties in touch, seeing who
 * answered, internal notes and assignment. All of them belong to the facilitators of the synergy's territory; the
 * parties, another territory's facilitators and everyone else neither use nor see them.
 */
export function canFacilitate(viewer: MaybeViewer, s: Pick<SynergyFacts, 'territoryId'>): boolean {
  return isFacilitatorOf(viewer, s.territoryId);
}

/**
 * How a refused facilitator action is answered: FORBIDDEN to a party, who knows the synergy exists; NOT_FOUND to
 * anyone else, exactly as for a synergy that does not exist.
 */
export function facilitationRefusal(viewer: MaybeViewer, s: SynergyFacts): 'FORBIDDEN' | 'NOT_FOUND' {
  return synergyAccess(viewer, s) === 'NONE' ? 'NOT_FOUND' : 'FORBIDDEN';
}

/**
 * Who may be assigned a synergy: a facilitator of its territory. `facilitatedTerritoryIds` are the candidate's, with
 * every territory nested in those they facilitate (as a Viewer holds them).
 */
export function canBeAssigned(candidate: { facilitatedTerritoryIds: ReadonlySet<string> }, s: Pick<SynergyFacts, 'territoryId'>): boolean {
  return candidate.facilitatedTerritoryIds.has(s.territoryId);
}

/** What a change to a synergy concerns: who takes part, and whether only facilitators hear of it (notes, assignment). */
export interface SynergyChangeFacts {
  territoryId: string;
  organizationIds: string[];
  facilitatorsOnly: boolean;
}

/**
 * A change to a synergy is told live to its territory's facilitators and, unless it is facilitators' business only,
 * to the members of the organisations taking part: each event then carries the synergy as that viewer may see it.
 */
export function isToldOfSynergyChange(viewer: MaybeViewer, change: SynergyChangeFacts): boolean {
  if (isFacilitatorOf(viewer, change.territoryId)) return true;
  return !change.facilitatorsOnly && change.organizationIds.some((o) => isMemberOf(viewer, o));
}
