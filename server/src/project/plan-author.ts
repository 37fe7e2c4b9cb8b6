import { isMemberOf, type Viewer } from '../policy/viewer.js';
import type { PlanAuthor } from './plan-document.port.js';
import { InvitationStatus, ProjectRole } from './project.enums.js';
import type { ProjectRecord } from './project.records.js';

/**
 * In whose name a user changes the plan: the organisation of theirs that takes part with a role that writes (an
 * observer's does not), or null for a territory's facilitator acting for the territory.
 */
export function planAuthorOf(viewer: Viewer, record: ProjectRecord): PlanAuthor {
  const mine = record.participants.filter((p) => p.status === InvitationStatus.ACCEPTED && isMemberOf(viewer, p.organization.id));
  const writing = mine.find((p) => p.role !== ProjectRole.OBSERVER) ?? mine[0];
  return { userId: viewer.userId, organizationId: writing?.organization.id ?? null };
}
