import { isFacilitatorOf, isMemberOf, type MaybeViewer } from './viewer.js';

/**
 * Who sees and does what in a synergy project (docs/THREAT_MODEL.md). A project is seen by the facilitators of its
 * territory and by members of the organisations that accepted to take part; to everyone else — a stranger,
 * another company, a facilitator of another territory, an organisation that declined or was removed — it does
 * not exist. An organisation still INVITED sees the invitation only (the project's title and who invites), never
 * the project itself, until one of its members accepts.
 */
export type ProjectRoleFact = 'LEAD' | 'PARTNER' | 'OBSERVER' | 'FACILITATOR';
export type InvitationStatusFact = 'INVITED' | 'ACCEPTED' | 'DECLINED' | 'REMOVED';

export interface ProjectParticipantFacts {
  organizationId: string;
  role: ProjectRoleFact;
  status: InvitationStatusFact;
}

export interface ProjectFacts {
  territoryId: string;
  participants: ProjectParticipantFacts[];
}

/** FACILITATOR: of the project's territory. PARTICIPANT: member of an organisation that accepted. NONE: not even its existence. */
export type ProjectAccess = 'FACILITATOR' | 'PARTICIPANT' | 'NONE';

/** The participations of the viewer's organisations that accepted. */
function acceptedParticipationsOf(viewer: MaybeViewer, p: ProjectFacts): ProjectParticipantFacts[] {
  return p.participants.filter((x) => x.status === 'ACCEPTED' && isMemberOf(viewer, x.organizationId));
}

export function projectAccess(viewer: MaybeViewer, p: ProjectFacts): ProjectAccess {
  if (isFacilitatorOf(viewer, p.territoryId)) return 'FACILITATOR';
  return acceptedParticipationsOf(viewer, p).length > 0 ? 'PARTICIPANT' : 'NONE';
}

/** Changing the stage, inviting and removing: the territory's facilitators and the LEAD or FACILITATOR organisations. */
export function canManageProject(viewer: MaybeViewer, p: ProjectFacts): boolean {
  if (isFacilitatorOf(viewer, p.territoryId)) return true;
  return acceptedParticipationsOf(viewer, p).some((x) => x.role === 'LEAD' || x.role === 'FACILITATOR');
}

/** The live plan: WRITE for managers and partners, READ for observers (whose updates the server drops), NONE otherwise. */
export type PlanAccess = 'WRITE' | 'READ' | 'NONE';

export function planAccess(viewer: MaybeViewer, p: ProjectFacts): PlanAccess {
  if (isFacilitatorOf(viewer, p.territoryId)) return 'WRITE';
  const mine = acceptedParticipationsOf(viewer, p);
  if (mine.length === 0) return 'NONE';
  return mine.some((x) => x.role !== 'OBSERVER') ? 'WRITE' : 'READ';
}

/**
 * Who a participant is. An organisation that has not accepted (yet) did not agree to be known to the others:
 * they see "invitation pending" without a name. Managers know whom they invited; an organisation knows itself.
 */
export function canSeeParticipantIdentity(viewer: MaybeViewer, p: ProjectFacts, participant: ProjectParticipantFacts): boolean {
  if (projectAccess(viewer, p) === 'NONE') return false;
  if (participant.status === 'ACCEPTED' || isMemberOf(viewer, participant.organizationId)) return true;
  return canManageProject(viewer, p);
}

/** Answering an invitation is done by a member of the invited organisation, while it is pending. */
export function canRespondToInvitation(viewer: MaybeViewer, p: ProjectFacts, organizationId: string): boolean {
  return isMemberOf(viewer, organizationId) && p.participants.some((x) => x.organizationId === organizationId && x.status === 'INVITED');
}

/** What is known of the synergy a project would start from. */
export interface OriginSynergyFacts {
  territoryId: string;
  parties: { organizationId: string; consent: 'PENDING' | 'ACCEPTED' | 'DECLINED' }[];
}

/**
 * Starting a project: a facilitator of the territory (from a synergy or from scratch), or a party of a synergy
 * once every side consented to be put in touch (identities are revealed then, so inviting the others reveals
 * nothing). FACILITATOR and PARTY tell which role the creator's organisation takes.
 */
export function projectCreation(viewer: MaybeViewer, territoryId: string, origin: OriginSynergyFacts | null): 'FACILITATOR' | 'PARTY' | null {
  if (isFacilitatorOf(viewer, territoryId)) return 'FACILITATOR';
  if (!origin || origin.parties.length < 2 || !origin.parties.every((x) => x.consent === 'ACCEPTED')) return null;
  return origin.parties.some((x) => isMemberOf(viewer, x.organizationId)) ? 'PARTY' : null;
}

/**
 * The same rule as projectAccess as sets a query can filter on: a project is visible when its territory is in
 * `territoryIds`, or one of `organizationIds` takes part with an ACCEPTED invitation. A property test keeps the
 * two forms equal.
 */
export interface ProjectReadScope {
  territoryIds: string[];
  organizationIds: string[];
}

export function projectReadScope(viewer: MaybeViewer): ProjectReadScope {
  if (viewer === null) return { territoryIds: [], organizationIds: [] };
  return { territoryIds: [...viewer.facilitatedTerritoryIds], organizationIds: [...viewer.memberships.keys()] };
}
