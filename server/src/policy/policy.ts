import { isFacilitatorOf, isMemberOf, type MaybeViewer } from './viewer.js';

/**
 * FE2I's authorisation rules, in one place (docs/THREAT_MODEL.md). Pure: facts in, decisions out. Services gather the
 * facts and ask; resolvers and the collaboration server never decide access themselves.
 */

export type FlowVisibility = 'PRIVATE' | 'TERRITORY' | 'PUBLIC';

/** What is known of a flow when deciding who may see it. */
export interface FlowFacts {
  organizationId: string;
  territoryId: string;
  visibility: FlowVisibility;
}

/**
 * FULL: everything but costs (see canSeeFlowCosts). ANONYMOUS: the flow without who declared it or where.
 * NONE: not even its existence.
 */
export type FlowAccess = 'FULL' | 'ANONYMOUS' | 'NONE';

export function flowAccess(viewer: MaybeViewer, flow: FlowFacts): FlowAccess {
  if (flow.visibility === 'PUBLIC') return 'FULL';
  if (viewer === null) return 'NONE';
  if (isMemberOf(viewer, flow.organizationId) || isFacilitatorOf(viewer, flow.territoryId)) return 'FULL';
  if (flow.visibility === 'TERRITORY' && viewer.memberTerritoryIds.has(flow.territoryId)) return 'ANONYMOUS';
  return 'NONE';
}

/** Yearly costs are diagnostic data: the organisation and its facilitators only, whatever the visibility. */
export function canSeeFlowCosts(viewer: MaybeViewer, flow: Omit<FlowFacts, 'visibility'>): boolean {
  return isMemberOf(viewer, flow.organizationId) || isFacilitatorOf(viewer, flow.territoryId);
}

/**
 * The same rule as flowAccess, as sets a query can filter on: a flow is visible when PUBLIC, or its organisation
 * is in `fullOrganizationIds`, or its territory in `fullTerritoryIds`, or it is TERRITORY and its territory in
 * `anonymousTerritoryIds`. A property test keeps the two forms equal.
 */
export interface FlowReadScope {
  fullOrganizationIds: string[];
  fullTerritoryIds: string[];
  anonymousTerritoryIds: string[];
}

export function flowReadScope(viewer: MaybeViewer): FlowReadScope {
  if (viewer === null) return { fullOrganizationIds: [], fullTerritoryIds: [], anonymousTerritoryIds: [] };
  return {
    fullOrganizationIds: [...viewer.memberships.keys()],
    fullTerritoryIds: [...viewer.facilitatedTerritoryIds],
    anonymousTerritoryIds: [...viewer.memberTerritoryIds],
  };
}

export interface OrganizationFacts {
  organizationId: string;
  territoryId: string;
}

/** Members edit their own organisation (its profile, sites and flows); facilitators edit all in their territories. */
export function canEditOrganization(viewer: MaybeViewer, org: OrganizationFacts): boolean {
  return isMemberOf(viewer, org.organizationId) || isFacilitatorOf(viewer, org.territoryId);
}

/** Who may see an organisation's members and API-level private details (e.g. the SIREN is public, members are not). */
export function canSeeOrganizationMembers(viewer: MaybeViewer, org: OrganizationFacts): boolean {
  return canEditOrganization(viewer, org);
}

/** Any signed-in user may register an organisation in an existing territory; they become its ADMIN. */
export function canCreateOrganization(viewer: MaybeViewer): boolean {
  return viewer !== null;
}

/** Bulk import writes many organisations at once: facilitators of the target territory only. */
export function canImportInto(viewer: MaybeViewer, territoryId: string): boolean {
  return isFacilitatorOf(viewer, territoryId);
}

/**
 * The directory (organisations, their profile and sites) is visible to every signed-in user: being on the map of
 * the network is the point of joining it. Visitors who are not signed in see PUBLIC flows and nomenclatures only.
 */
export function canSeeDirectory(viewer: MaybeViewer): boolean {
  return viewer !== null;
}
