import type { InvitationStatus, ProjectRole, ProjectStage } from '../../gql/graphql';
import type { MessageKey } from '../../i18n/messages';

/** The words of each stage, role and invitation status; a value added to the schema does not compile until named here. */
export const STAGE_MESSAGES: Record<ProjectStage, MessageKey> = {
  IDEA: 'project.stage.IDEA',
  STUDY: 'project.stage.STUDY',
  IMPLEMENTATION: 'project.stage.IMPLEMENTATION',
  OPERATIONAL: 'project.stage.OPERATIONAL',
  ABANDONED: 'project.stage.ABANDONED',
};

export const ROLE_MESSAGES: Record<ProjectRole, MessageKey> = {
  LEAD: 'project.role.LEAD',
  PARTNER: 'project.role.PARTNER',
  OBSERVER: 'project.role.OBSERVER',
  FACILITATOR: 'project.role.FACILITATOR',
};

export const INVITATION_MESSAGES: Record<InvitationStatus, MessageKey> = {
  INVITED: 'project.invitation.INVITED',
  ACCEPTED: 'project.invitation.ACCEPTED',
  DECLINED: 'project.invitation.DECLINED',
  REMOVED: 'project.invitation.REMOVED',
};

/** Roles a manager may offer when inviting, most common first (FACILITATOR is the territory's own organisation). */
export const INVITABLE_ROLES: readonly ProjectRole[] = ['PARTNER', 'OBSERVER', 'LEAD'];
