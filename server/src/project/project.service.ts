import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../auth/user.entity.js';
import { badInput, conflict, forbidden, notFound, ProblemList, unauthenticated } from '../errors/domain-errors.js';
import { Organization } from '../organization/organization.entity.js';
import type { PageRequest } from '../paging/page.js';
import { canManageProject, canRespondToInvitation, planAccess, projectAccess, type PlanAccess } from '../policy/project-policy.js';
import { isMemberOf, type MaybeViewer, type Viewer } from '../policy/viewer.js';
import type { AppPubSub, ProjectChangedPayload } from '../pubsub/pubsub.js';
import { createProject, type NewProject } from './create-project.js';
import { planAuthorOf } from './plan-author.js';
import type { PlanAuthor } from './plan-document.port.js';
import { followStage, loadOriginSynergy, recordPartyJoined } from './origin-synergy.js';
import { canMoveStage } from './project-stages.js';
import { ProjectParticipant, ProjectStageChange } from './project.entity.js';
import { InvitationStatus, ProjectChange, ProjectRole, ProjectStage } from './project.enums.js';
import { loadProjectRecords, pageProjects, pendingInvitations, projectFactsOf, type ProjectFilter, type ProjectRecord } from './project.records.js';

const MAX_REASON = 2000;

/** Synergy projects: creation, invitations, participants and stages. Knows nothing of GraphQL nor of live documents. */
export class ProjectService {
  constructor(
    private readonly em: EntityManager,
    private readonly pubSub: AppPubSub['pubSub'],
  ) {}

  /** The same service over a fresh unit of work: long-lived subscriptions read current rows, not cached ones. */
  fresh(): ProjectService {
    return new ProjectService(this.em.fork(), this.pubSub);
  }

  async page(viewer: MaybeViewer, filter: ProjectFilter, page: PageRequest) {
    if (!viewer) throw unauthenticated();
    return pageProjects(this.em, viewer, filter, page);
  }

  /** One project the viewer may see; NOT_FOUND otherwise, exactly as if it did not exist. */
  async get(viewer: MaybeViewer, id: string): Promise<ProjectRecord> {
    const record = await this.find(viewer, id);
    if (!record) throw notFound('Project');
    return record;
  }

  async find(viewer: MaybeViewer, id: string): Promise<ProjectRecord | null> {
    const [record] = await loadProjectRecords(this.em, [id]);
    return record && projectAccess(viewer, projectFactsOf(record)) !== 'NONE' ? record : null;
  }

  /** Invitations waiting for an answer from the viewer's organisations: all they may know of those projects. */
  async invitations(viewer: MaybeViewer): Promise<ProjectParticipant[]> {
    if (!viewer) throw unauthenticated();
    return pendingInvitations(this.em, [...viewer.memberships.keys()]);
  }

  /** Names of users, for the authors of plan changes shown to the project's participants. */
  async userNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const users = await this.em.find(User, { id: { $in: ids } });
    return new Map(users.map((u) => [u.id, u.name]));
  }

  /** In whose name this user's edits of the plan are made (their browser's edits, told by the collaboration server). */
  async planAuthor(viewer: Viewer, id: string): Promise<PlanAuthor> {
    const record = await this.find(viewer, id);
    return record ? planAuthorOf(viewer, record) : { userId: viewer.userId, organizationId: null };
  }

  /** What the viewer may do with the project's live plan (the collaboration server asks this). */
  async planAccess(viewer: MaybeViewer, id: string): Promise<PlanAccess> {
    const record = await this.find(viewer, id);
    return record ? planAccess(viewer, projectFactsOf(record)) : 'NONE';
  }

  async create(viewer: MaybeViewer, input: NewProject): Promise<ProjectRecord> {
    if (!viewer) throw unauthenticated();
    const project = await createProject(this.em, viewer, input);
    return (await loadProjectRecords(this.em, [project.id]))[0];
  }

  async invite(viewer: MaybeViewer, projectId: string, organizationId: string, role: ProjectRole): Promise<ProjectRecord> {
    const { record, viewer: who } = await this.managed(viewer, projectId);
    if (record.project.stage === ProjectStage.ABANDONED) throw conflict('This project is abandoned: reopen it before inviting anyone.');
    const organization = await this.em.findOne(Organization, { id: organizationId });
    if (!organization) throw badInput('organizationId is not an organisation.', [{ field: 'organizationId', message: 'is not an organisation' }]);
    const existing = record.participants.find((p) => p.organization.id === organizationId);
    if (existing && (existing.status === InvitationStatus.INVITED || existing.status === InvitationStatus.ACCEPTED)) {
      throw conflict('This organisation is already invited to the project.');
    }
    const invitation = {
      role,
      status: InvitationStatus.INVITED,
      invitedBy: this.em.getReference(User, who.userId),
      invitedByOrganization: inviterOrganization(who, record),
      invitedAt: new Date(),
      respondedBy: null,
      respondedAt: null,
      removedBy: null,
      removedAt: null,
    };
    // Someone who declined or was removed may be asked again: the same row, a fresh invitation.
    if (existing) Object.assign(existing, invitation);
    else this.em.create(ProjectParticipant, { project: record.project, organization, ...invitation });
    record.project.updatedAt = new Date();
    await this.em.flush();
    return this.changed(projectId, ProjectChange.PARTICIPANT_INVITED);
  }

  /**
   * A member of an invited organisation accepts or declines. Until then the project does not exist for it, so an
   * answer about a project it was not invited to is NOT_FOUND. Returns the project, which a decliner no longer sees.
   */
  async respond(viewer: MaybeViewer, projectId: string, accept: boolean, organizationId?: string): Promise<ProjectRecord> {
    if (!viewer) throw unauthenticated();
    const [record] = await loadProjectRecords(this.em, [projectId]);
    if (!record) throw notFound('Project');
    const facts = projectFactsOf(record);
    const mine = record.participants.filter(
      (p) => (!organizationId || p.organization.id === organizationId) && canRespondToInvitation(viewer, facts, p.organization.id),
    );
    if (mine.length === 0) {
      if (projectAccess(viewer, facts) === 'NONE') throw notFound('Project');
      throw conflict('There is no pending invitation of your organisation to this project.');
    }
    const now = new Date();
    const origin = accept && record.project.synergy ? await loadOriginSynergy(this.em, record.project.synergy.id) : null;
    for (const p of mine) {
      Object.assign(p, { status: accept ? InvitationStatus.ACCEPTED : InvitationStatus.DECLINED, respondedBy: this.em.getReference(User, viewer.userId), respondedAt: now });
      if (origin) recordPartyJoined(this.em, origin, p.organization.id, viewer.userId, now);
    }
    record.project.updatedAt = now;
    await this.em.flush();
    return this.changed(projectId, accept ? ProjectChange.INVITATION_ACCEPTED : ProjectChange.INVITATION_DECLINED);
  }

  /** The lead or a facilitator takes an organisation off the project: from now on it sees nothing of it. */
  async remove(viewer: MaybeViewer, projectId: string, organizationId: string): Promise<ProjectRecord> {
    const { record, viewer: who } = await this.managed(viewer, projectId);
    const target = record.participants.find(
      (p) => p.organization.id === organizationId && (p.status === InvitationStatus.INVITED || p.status === InvitationStatus.ACCEPTED),
    );
    if (!target) throw notFound('Project participant');
    Object.assign(target, { status: InvitationStatus.REMOVED, removedBy: this.em.getReference(User, who.userId), removedAt: new Date() });
    record.project.updatedAt = new Date();
    await this.em.flush();
    return this.changed(projectId, ProjectChange.PARTICIPANT_REMOVED);
  }

  async changeStage(viewer: MaybeViewer, projectId: string, to: ProjectStage, reason?: string | null): Promise<ProjectRecord> {
    const { record, viewer: who } = await this.managed(viewer, projectId);
    const { project } = record;
    const from = project.stage;
    const problems = new ProblemList();
    const why = reason?.trim() || null;
    if (why && why.length > MAX_REASON) problems.add('reason', `must be at most ${MAX_REASON} characters`);
    if (to === ProjectStage.ABANDONED && !why) problems.add('reason', 'is required to abandon a project');
    problems.throwIfAny('Cannot change the stage of this project.');
    if (!canMoveStage(from, to)) throw conflict(`A project cannot move from ${from} to ${to}.`);
    if (project.synergy) {
      const origin = await loadOriginSynergy(this.em, project.synergy.id);
      if (origin) followStage(origin, from, to);
    }
    project.stage = to;
    project.abandonReason = to === ProjectStage.ABANDONED ? why : null;
    project.updatedAt = new Date();
    this.em.create(ProjectStageChange, { project, fromStage: from, toStage: to, reason: why, changedBy: this.em.getReference(User, who.userId) });
    await this.em.flush();
    return this.changed(projectId, ProjectChange.STAGE_CHANGED);
  }

  /** A project the viewer may see and manage: NOT_FOUND when hidden, FORBIDDEN when only readable. */
  private async managed(viewer: MaybeViewer, projectId: string): Promise<{ record: ProjectRecord; viewer: Viewer }> {
    if (!viewer) throw unauthenticated();
    const record = await this.get(viewer, projectId);
    if (!canManageProject(viewer, projectFactsOf(record))) {
      throw forbidden("Only the project's lead and the territory's facilitators may do this.");
    }
    return { record, viewer };
  }

  /** Tells the project's subscribers (ids only) and returns the project as it now stands. */
  private async changed(projectId: string, change: ProjectChange): Promise<ProjectRecord> {
    this.pubSub.publish('PROJECT_CHANGED', { projectId, change } satisfies ProjectChangedPayload);
    return (await loadProjectRecords(this.em, [projectId]))[0];
  }
}

/** The organisation in whose name a manager invites: their LEAD or FACILITATOR organisation in the project, if any. */
function inviterOrganization(viewer: Viewer, record: ProjectRecord): Organization | null {
  const managing = record.participants.find(
    (p) =>
      p.status === InvitationStatus.ACCEPTED &&
      (p.role === ProjectRole.LEAD || p.role === ProjectRole.FACILITATOR) &&
      isMemberOf(viewer, p.organization.id),
  );
  return managing?.organization ?? null;
}
