import { isFacilitatorOf, type MaybeViewer } from './viewer.js';

/**
 * Joining is approved (DESIGN.md §6, docs/THREAT_MODEL.md): a new organisation waits for a facilitator of its
 * territory, a new member for the organisation's admin or a facilitator. Until then the viewer facts leave them
 * out (auth/principal.loader.ts), so that they see what a visitor sees.
 */
export type Approval = 'PENDING' | 'APPROVED' | 'REJECTED';

export interface JoiningOrganizationFacts {
  territoryId: string;
  approval: Approval;
}

/** Approving or refusing an organisation's place in a territory: its facilitators. */
export function canReviewOrganization(viewer: MaybeViewer, org: JoiningOrganizationFacts): boolean {
  return isFacilitatorOf(viewer, org.territoryId);
}

/** Approving or refusing a member: the organisation's (approved) admins, and its territory's facilitators. */
export function canReviewMembership(viewer: MaybeViewer, org: { organizationId: string; territoryId: string }): boolean {
  return (viewer !== null && viewer.memberships.get(org.organizationId) === 'ADMIN') || isFacilitatorOf(viewer, org.territoryId);
}

/**
 * An organisation not yet approved is not part of the network: it is in the directory of its territory's
 * facilitators only (who must see it to approve it). Signed-in users see approved organisations.
 */
export function canSeeInDirectory(viewer: MaybeViewer, org: JoiningOrganizationFacts): boolean {
  if (viewer === null) return false;
  return org.approval === 'APPROVED' || isFacilitatorOf(viewer, org.territoryId);
}

/**
 * The same rule as canSeeInDirectory, as a set a query can filter on: an organisation is listed when approved, or
 * its territory is in `anyApprovalTerritoryIds`. A property test keeps the two forms equal.
 */
export function directoryScope(viewer: MaybeViewer): { anyApprovalTerritoryIds: string[] } | null {
  return viewer === null ? null : { anyApprovalTerritoryIds: [...viewer.facilitatedTerritoryIds] };
}
