import { toGlobalId } from '../graphql/global-id.js';
import { OrganizationNode } from '../organization/organization.types.js';
import { canManageProject, canSeeParticipantIdentity, planAccess } from '../policy/project-policy.js';
import { isMemberOf, type MaybeViewer } from '../policy/viewer.js';
import { planDocumentName } from './plan-document.port.js';
import { nextStages } from './project-stages.js';
import type { ProjectParticipant } from './project.entity.js';
import { InvitationStatus } from './project.enums.js';
import { projectFactsOf, type ProjectRecord } from './project.records.js';
import { ProjectInvitationNode, ProjectParticipantNode, ProjectStageChangeNode, SynergyProjectNode } from './project.types.js';

/**
 * Builds a project *for one viewer*: who has not accepted yet is not named to those who need not know, so no
 * resolver downstream can leak it. Only records the viewer may see reach here (the service checks).
 */
export function viewProject(record: ProjectRecord, viewer: MaybeViewer): SynergyProjectNode {
  const { project, participants, stageChanges } = record;
  const facts = projectFactsOf(record);
  const manager = canManageProject(viewer, facts);
  return Object.assign(new SynergyProjectNode(), {
    id: toGlobalId('SynergyProject', project.id),
    dbId: project.id,
    record,
    territoryDbId: project.territory.id,
    synergyDbId: project.synergy?.id ?? null,
    title: project.title,
    stage: project.stage,
    abandonReason: project.abandonReason ?? null,
    nextStages: manager ? nextStages(project.stage) : [],
    participants: participants.map((p, i) => viewParticipant(p, canSeeParticipantIdentity(viewer, facts, facts.participants[i]), viewer)),
    stageHistory: stageChanges.map((c) =>
      Object.assign(new ProjectStageChangeNode(), {
        from: c.fromStage ?? null,
        to: c.toStage,
        reason: c.reason ?? null,
        changedByName: c.changedBy?.name ?? null,
        changedAt: c.createdAt,
      }),
    ),
    viewerRoles: participants.filter((p) => p.status === InvitationStatus.ACCEPTED && isMemberOf(viewer, p.organization.id)).map((p) => p.role),
    viewerCanManage: manager,
    viewerCanEditPlan: planAccess(viewer, facts) === 'WRITE',
    planDocumentName: planDocumentName(project.id),
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
  });
}

function viewParticipant(p: ProjectParticipant, named: boolean, viewer: MaybeViewer): ProjectParticipantNode {
  return Object.assign(new ProjectParticipantNode(), {
    organization: named ? OrganizationNode.from(p.organization) : null,
    role: p.role,
    status: p.status,
    isYours: isMemberOf(viewer, p.organization.id),
    invitedAt: p.invitedAt,
    invitedByOrganization: named && p.invitedByOrganization ? OrganizationNode.from(p.invitedByOrganization) : null,
    invitedByName: named ? (p.invitedBy?.name ?? null) : null,
    respondedAt: p.respondedAt ?? null,
    removedAt: p.removedAt ?? null,
  });
}

/** An invitation as its addressee sees it: the title and who invites, nothing else of the project. */
export function viewInvitation(p: ProjectParticipant): ProjectInvitationNode {
  return Object.assign(new ProjectInvitationNode(), {
    projectId: toGlobalId('SynergyProject', p.project.id),
    projectTitle: p.project.title,
    organization: OrganizationNode.from(p.organization),
    role: p.role,
    invitedByOrganization: p.invitedByOrganization ? OrganizationNode.from(p.invitedByOrganization) : null,
    invitedByName: p.invitedBy?.name ?? null,
    invitedAt: p.invitedAt,
  });
}
