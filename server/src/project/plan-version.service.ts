import { forbidden, notFound, ProblemList, unauthenticated } from '../errors/domain-errors.js';
import type { MaybeViewer, Viewer } from '../policy/viewer.js';
import { checkText } from '../validation/field-checks.js';
import type { PlanVersionContent, PlanVersionDiff, PlanVersionRecord, PlanVersions } from './plan-versions.port.js';
import type { ProjectService } from './project.service.js';

export const MAX_VERSION_NAME = 200;

/** One side of a comparison: a version, or the plan as it stands now (`version` null). */
export interface ComparedState {
  version: PlanVersionRecord | null;
  content: PlanVersionContent;
}

export interface PlanComparison {
  projectId: string;
  from: { version: PlanVersionRecord; content: PlanVersionContent };
  to: ComparedState;
  diff: PlanVersionDiff;
}

/**
 * Named versions of a project's plan, for those the project's policy lets read it (participants who accepted,
 * observers included, and the territory's facilitators); saving and restoring need write access (not observers).
 * A version of a project the viewer may not read is NOT_FOUND, exactly like one that does not exist.
 */
export class PlanVersionService {
  constructor(
    private readonly projects: ProjectService,
    private readonly versions: PlanVersions,
  ) {}

  async list(viewer: MaybeViewer, projectId: string): Promise<PlanVersionRecord[]> {
    await this.readable(viewer, projectId);
    return this.versions.list(projectId);
  }

  async save(viewer: MaybeViewer, projectId: string, name: string): Promise<PlanVersionRecord> {
    const problems = new ProblemList();
    const cleaned = checkText(problems, 'name', name, { required: true, max: MAX_VERSION_NAME });
    // A name is one line: a line break would let it pass for two entries in the history.
    if (cleaned && /[\n\r\t]/.test(cleaned)) problems.add('name', 'must be on one line');
    const who = await this.writable(viewer, projectId);
    problems.throwIfAny('Cannot save this version.');
    return this.versions.save(projectId, cleaned!, who.userId);
  }

  async get(viewer: MaybeViewer, versionId: string): Promise<PlanVersionRecord & { content: PlanVersionContent }> {
    const version = await this.versions.find(versionId);
    if (!version || (await this.projects.planAccess(viewer, version.projectId)) === 'NONE') throw notFound('Plan version');
    return version;
  }

  /** From a version to another of the same plan, or to the plan as it stands now when `toId` is absent. */
  async compare(viewer: MaybeViewer, fromId: string, toId?: string | null): Promise<PlanComparison> {
    const from = await this.get(viewer, fromId);
    let to: ComparedState;
    if (toId) {
      const other = await this.get(viewer, toId);
      // Two plans' versions are not compared: to the viewer, the other one does not exist in this plan.
      if (other.projectId !== from.projectId) throw notFound('Plan version');
      to = { version: other, content: other.content };
    } else {
      to = { version: null, content: await this.versions.current(from.projectId) };
    }
    const diff = this.versions.compare(from.content, to.content);
    return { projectId: from.projectId, from: { version: from, content: from.content }, to, diff };
  }

  /** Restores a version as a new change to its plan; returns the version restored. */
  async restore(viewer: MaybeViewer, versionId: string): Promise<PlanVersionRecord> {
    const version = await this.get(viewer, versionId);
    const who = await this.writable(viewer, version.projectId);
    await this.versions.restore(version.id, await this.projects.planAuthor(who, version.projectId));
    return version;
  }

  /** The plan as it stands durably now, for a viewer who may read it. */
  async current(viewer: MaybeViewer, projectId: string): Promise<PlanVersionContent> {
    await this.readable(viewer, projectId);
    return this.versions.current(projectId);
  }

  private async readable(viewer: MaybeViewer, projectId: string): Promise<Viewer> {
    if (!viewer) throw unauthenticated();
    if ((await this.projects.planAccess(viewer, projectId)) === 'NONE') throw notFound('Project');
    return viewer;
  }

  private async writable(viewer: MaybeViewer, projectId: string): Promise<Viewer> {
    if (!viewer) throw unauthenticated();
    const access = await this.projects.planAccess(viewer, projectId);
    if (access === 'NONE') throw notFound('Project');
    if (access !== 'WRITE') throw forbidden('Observers read the plan and its versions; they cannot save or restore them.');
    return viewer;
  }
}
