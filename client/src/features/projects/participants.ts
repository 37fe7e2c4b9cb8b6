import type { InvitationStatus, ProjectRole } from '../../gql/graphql';

/** A participant as the API gives it: the organisation is null while the viewer may not know who it is. */
export interface ProjectParticipantView {
  isYours: boolean;
  role: ProjectRole;
  status: InvitationStatus;
  organization: { id: string; name: string } | null;
}

const ROLE_ORDER: Record<ProjectRole, number> = { LEAD: 0, FACILITATOR: 1, PARTNER: 2, OBSERVER: 3 };
const STATUS_ORDER: Record<InvitationStatus, number> = { ACCEPTED: 0, INVITED: 1, DECLINED: 2, REMOVED: 3 };

/**
 * Participants as a reader scans them: those taking part first (lead, facilitator, partners, observers), then the
 * pending invitations, then those who declined or were removed. Ties keep the API's order.
 */
export function orderedParticipants<P extends ProjectParticipantView>(participants: readonly P[]): P[] {
  return [...participants].sort(
    (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || ROLE_ORDER[a.role] - ROLE_ORDER[b.role],
  );
}

/** Whom the board shows on a card: those taking part and the pending invitations; not who declined or was removed. */
export function currentParticipants<P extends ProjectParticipantView>(participants: readonly P[]): P[] {
  return orderedParticipants(participants.filter((p) => p.status === 'ACCEPTED' || p.status === 'INVITED'));
}

/**
 * Whether a manager may remove this participant from the interface: someone still in the project or invited, whose
 * identity the API gave (managers are always told whom they invited).
 */
export function isRemovable(participant: ProjectParticipantView): participant is ProjectParticipantView & { organization: { id: string; name: string } } {
  return participant.organization !== null && (participant.status === 'ACCEPTED' || participant.status === 'INVITED');
}

/** Organisation ids already in the project or invited: not offered again in the invitation picker. */
export function takenOrganizationIds(participants: readonly ProjectParticipantView[]): Set<string> {
  return new Set(
    participants.flatMap((p) => (p.organization && (p.status === 'ACCEPTED' || p.status === 'INVITED') ? [p.organization.id] : [])),
  );
}
