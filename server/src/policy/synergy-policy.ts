import type { FlowVisibility } from './policy.js';
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

/**
 * The same rule as synergyAccess, as sets a query can filter on: a synergy is visible (FULL or PARTY) when its
 * territory is in `territoryIds` or one of its participants in `organizationIds`. A property test keeps the two
 * forms equal.
 */
export interface SynergyReadScope {
  territoryIds: string[];
  organizationIds: string[];
}

export function synergyReadScope(viewer: MaybeViewer): SynergyReadScope {
  if (viewer === null) return { territoryIds: [], organizationIds: [] };
  return { territoryIds: [...viewer.facilitatedTerritoryIds], organizationIds: [...viewer.memberships.keys()] };
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

/** A participant's flow, as far as showing figures goes: whose it is and how it was declared. */
export interface ParticipantFlowFacts {
  organizationId: string;
  visibility: FlowVisibility;
}

/**
 * Exact figures about the other parties (score, coverages, distance, quantities, impact formulas): facilitators
 * always; parties once identities are revealed and none of the others' flows is PRIVATE (consenting to contact is
 * not consenting to show private data). Otherwise figures are rounded or left out.
 */
export function canSeeExactFigures(viewer: MaybeViewer, s: SynergyFacts, flows: ParticipantFlowFacts[]): boolean {
  const access = synergyAccess(viewer, s);
  if (access !== 'PARTY') return access === 'FULL';
  return identitiesRevealed(s) && !flows.some((f) => f.visibility === 'PRIVATE' && !isMemberOf(viewer, f.organizationId));
}

/**
 * Derived figures are data too (DESIGN.md §6): a number shown to someone who may not read a flow's quantity is never
 * computed from it. A party reads a counterpart's quantity unless its flow is PRIVATE (the anonymous description
 * shows the others); facilitators read every quantity.
 * - EXACT: every figure (canSeeExactFigures).
 * - ROUNDED: figures computed from quantities the viewer may read, rounded until consent.
 * - OWN_SIDE: another side's quantity is hidden from the viewer: only what its own side and the knowledge base give
 *   (no impact, no coverage, the score's quantity part as if quantities were unknown, no over-allocation notice).
 */
export type FigureAccess = 'EXACT' | 'ROUNDED' | 'OWN_SIDE';

export function figureAccess(viewer: MaybeViewer, s: SynergyFacts, flows: ParticipantFlowFacts[]): FigureAccess {
  if (canSeeExactFigures(viewer, s, flows)) return 'EXACT';
  return flows.some((f) => !canSeeParticipantQuantity(viewer, s, f)) ? 'OWN_SIDE' : 'ROUNDED';
}

/** Whether the viewer may read the quantity of this participant's flow. */
export function canSeeParticipantQuantity(viewer: MaybeViewer, s: SynergyFacts, flow: ParticipantFlowFacts): boolean {
  const access = synergyAccess(viewer, s);
  if (access !== 'PARTY') return access === 'FULL';
  return isMemberOf(viewer, flow.organizationId) || flow.visibility !== 'PRIVATE';
}

/**
 * The over-allocation notice sums the coverages of every suggestion a flow takes part in, which are computed from
 * the other sides' quantities: it is for the facilitators, who read them all.
 */
export function canSeeOverAllocation(viewer: MaybeViewer, s: SynergyFacts): boolean {
  return synergyAccess(viewer, s) === 'FULL';
}

/**
 * `synergies(filter: {organizationId})` is honoured for the viewer's own organisations and for organisations of
 * the territories they facilitate: for anyone else, which synergies an organisation takes part in is exactly what
 * anonymity hides (asking once per directory entry would name every anonymous counterpart). The answer to a refused
 * filter depends on the viewer's memberships and the public directory only, so it tells nothing either.
 */
export function canFilterSynergiesBy(viewer: MaybeViewer, org: { organizationId: string; territoryId: string }): boolean {
  return isMemberOf(viewer, org.organizationId) || isFacilitatorOf(viewer, org.territoryId);
}

/** A new suggestion is announced live to the members of the organisations taking part in it. */
export function isToldOfSuggestion(viewer: MaybeViewer, participantOrganizationIds: string[]): boolean {
  return participantOrganizationIds.some((o) => isMemberOf(viewer, o));
}

/** Consenting, requesting contact or declining is done for one's own organisation's side. */
export function canDecideFor(viewer: MaybeViewer, organizationId: string): boolean {
  return isMemberOf(viewer, organizationId);
}

/** Running detection and recording synergies by hand: the territory's facilitators. */
export function canManageSynergies(viewer: MaybeViewer, territoryId: string): boolean {
  return isFacilitatorOf(viewer, territoryId);
}
