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
 * A territory's impact totals: its facilitators read them whole; members of the territory read them without euros
 * (authorities report them, but euros sum confidential costs); anyone else not at all.
 */
export type TerritoryIndicatorAccess = 'WITH_EUROS' | 'WITHOUT_EUROS' | 'NONE';

export function territoryIndicatorAccess(viewer: MaybeViewer, territoryId: string): TerritoryIndicatorAccess {
  if (canSeeEuros(viewer, { territoryId, organizationId: null })) return 'WITH_EUROS';
  if (viewer !== null && viewer.memberTerritoryIds.has(territoryId)) return 'WITHOUT_EUROS';
  return 'NONE';
}
