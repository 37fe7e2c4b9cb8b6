import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, forbidden, notFound, unauthenticated } from '../errors/domain-errors.js';
import { planAccess } from '../policy/project-policy.js';
import type { MaybeViewer } from '../policy/viewer.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import { planAuthorOf } from './plan-author.js';
import type { PlanChange, PlanDocuments, PlanReading } from './plan-document.port.js';
import { InvitationStatus } from './project.enums.js';
import { projectFactsOf, type ProjectRecord } from './project.records.js';
import { ProjectService } from './project.service.js';

export interface PlanOfProject {
  record: ProjectRecord;
  plan: PlanReading;
}

/**
 * The plan of a project through the API: who may read and write it is the project's policy (participants and the
 * territory's facilitators read, observers only read), the document itself is reached through the PlanDocuments
 * port. Knows nothing of GraphQL nor of Yjs.
 */
export class PlanService {
  private readonly projects: ProjectService;

  constructor(
    private readonly em: EntityManager,
    private readonly pubSub: AppPubSub['pubSub'],
    private readonly documents: PlanDocuments,
  ) {
    this.projects = new ProjectService(em, pubSub);
  }

  /** The same service over a fresh unit of work (long-lived subscriptions). */
  fresh(): PlanService {
    return new PlanService(this.em.fork(), this.pubSub, this.documents);
  }

  /** The plan, or null when the viewer may not see the project (it then does not exist for them). */
  async read(viewer: MaybeViewer, projectId: string): Promise<PlanOfProject | null> {
    const record = await this.projects.find(viewer, projectId);
    return record ? this.readOf(viewer, record) : null;
  }

  /**
   * The plan of a project already loaded for this viewer (a list's projects: no second load per project), or null
   * when the viewer may see the project but not its plan.
   */
  async readOf(viewer: MaybeViewer, record: ProjectRecord): Promise<PlanOfProject | null> {
    if (planAccess(viewer, projectFactsOf(record)) === 'NONE') return null;
    return { record, plan: await this.documents.read(record.project.id) };
  }

  /**
   * Applies a change made through the API: NOT_FOUND for a project the viewer may not see, FORBIDDEN for an
   * observer, BAD_USER_INPUT for an owner that is not a participant; nothing is written on any error.
   */
  async apply(viewer: MaybeViewer, projectId: string, change: PlanChange): Promise<PlanOfProject> {
    if (!viewer) throw unauthenticated();
    const record = await this.projects.find(viewer, projectId);
    if (!record) throw notFound('Project');
    if (planAccess(viewer, projectFactsOf(record)) !== 'WRITE') {
      throw forbidden("Observers follow the plan read-only: only the project's lead, partners and facilitators change it.");
    }
    if (change.kind === 'SET_INDICATOR' && change.indicator.figure && !record.project.synergy) {
      throw badInput("Only a project that came from a synergy links its indicators to the synergy's figures.", [
        { field: 'figure', message: 'the project did not come from a synergy' },
      ]);
    }
    const owner = ownerOf(change);
    if (owner && !record.participants.some((p) => p.organization.id === owner && p.status === InvitationStatus.ACCEPTED)) {
      throw badInput('The owner of an action must be an organisation taking part in the project.', [
        { field: 'ownerOrganizationId', message: 'is not an organisation taking part in this project' },
      ]);
    }
    const plan = await this.documents.apply(projectId, change, planAuthorOf(viewer, record));
    return { record, plan };
  }
}

function ownerOf(change: PlanChange): string | null {
  if (change.kind === 'ADD_ACTION') return change.action.ownerOrganizationId ?? null;
  if (change.kind === 'UPDATE_ACTION') return change.fields.ownerOrganizationId ?? null;
  return null;
}
