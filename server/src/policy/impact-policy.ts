import { isFacilitatorOf, isMemberOf, type MaybeViewer } from './viewer.js';

/**
 * Who reads which impact figures (docs/impact-method.md). Euros saved rest on the costs organisations declare,
 * which are confidential: they are read by the organisation that saves them and by its territory's facilitators.
 */
export interface EurosFacts {
  /** The territory of the synergy (or of the total) the figure belongs to. */
  territoryId: string;
  /** The organisation that saves them; null for a total over several organisations. */
  organizationId: string | null;
}

export function canSeeEuros(viewer: MaybeViewer, figure: EurosFacts): boolean {
  return isFacilitatorOf(viewer, figure.territoryId) || (figure.organizationId !== null && isMemberOf(viewer, figure.organizationId));
}

/**
 * Figures built on a party's declared counterfactual (its heat supply today, the share of its source already used):
 * diagnostic data, read as its cost is — by its members and its territory's facilitators. Every declaring party of
 * the figure must allow it; anyone else reads the same figure as if nothing were declared.
 */
export function canSeeDeclaredCounterfactuals(viewer: MaybeViewer, facts: { territoryId: string; organizationIds: readonly string[] }): boolean {
  return isFacilitatorOf(viewer, facts.territoryId) || (facts.organizationIds.length > 0 && facts.organizationIds.every((o) => isMemberOf(viewer, o)));
}

/**
 * A territory's impact totals: its facilitators read them whole; members of the territory read them without euros
 * (authorities report them, but euros sum confidential costs); anyone else not at all.
 */
export type TerritoryIndicatorAccess = 'WITH_EUROS' | 'WITHOUT_EUROS' | 'NONE';

/** The k of the aggregates' k-anonymity when the configuration does not set it (DESIGN.md §6). */
export const DEFAULT_AGGREGATE_MIN_ORGANIZATIONS = 3;

/**
 * A total over a territory's synergies sums figures computed from quantities its readers may not see. Its
 * facilitators read it EXACT; members read it ROUNDED, and only where at least `k` organisations contribute, so
 * that no total is one organisation's figure and a small change of one's own declaration moves it by nothing
 * readable; otherwise HIDDEN (the sums go). Members read the count of synergies rounded as well.
 */
export type AggregateDisclosure = 'EXACT' | 'ROUNDED' | 'HIDDEN';

export function aggregateDisclosure(viewer: MaybeViewer, territoryId: string, organizations: number, k: number): AggregateDisclosure {
  if (isFacilitatorOf(viewer, territoryId)) return 'EXACT';
  return organizations >= k ? 'ROUNDED' : 'HIDDEN';
}

/**
 * Which synergies a member's totals sum: not those its own organisations take part in. Rounding alone would let a
 * member step its own declared quantity until its synergy with a PRIVATE flow moves the total across a rounding
 * boundary; without its own synergies, nothing the member declares moves what it reads. Facilitators: all.
 */
export function countsInAggregate(viewer: MaybeViewer, territoryId: string, participantOrganizationIds: readonly string[]): boolean {
  return isFacilitatorOf(viewer, territoryId) || !participantOrganizationIds.some((o) => isMemberOf(viewer, o));
}

/** How members read an aggregate: one significant digit (12 345 → 10 000). */
export function roundAggregate(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(1)) : x;
}

export function territoryIndicatorAccess(viewer: MaybeViewer, territoryId: string): TerritoryIndicatorAccess {
  if (canSeeEuros(viewer, { territoryId, organizationId: null })) return 'WITH_EUROS';
  if (viewer !== null && viewer.memberTerritoryIds.has(territoryId)) return 'WITHOUT_EUROS';
  return 'NONE';
}
