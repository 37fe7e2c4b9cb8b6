/**
 * Plain facts about who is asking. Gathered once per request (or WebSocket connection) by the auth service;
 * the policy decides from these alone.
 */
export interface Viewer {
  userId: string;
  /** Organisations the user belongs to, with the role held in each: approved memberships of approved organisations only. */
  memberships: ReadonlyMap<string, 'ADMIN' | 'MEMBER'>;
  /** Territories the user's organisations are in, and every territory enclosing them. */
  memberTerritoryIds: ReadonlySet<string>;
  /** Territories the user facilitates, and every territory nested in them. */
  facilitatedTerritoryIds: ReadonlySet<string>;
}

/** Nobody logged in: public data only. */
export type MaybeViewer = Viewer | null;

export function isFacilitatorOf(viewer: MaybeViewer, territoryId: string): boolean {
  return viewer !== null && viewer.facilitatedTerritoryIds.has(territoryId);
}

export function isMemberOf(viewer: MaybeViewer, organizationId: string): boolean {
  return viewer !== null && viewer.memberships.has(organizationId);
}

export function isFacilitator(viewer: MaybeViewer): boolean {
  return viewer !== null && viewer.facilitatedTerritoryIds.size > 0;
}
