import type { MikroORM } from '@mikro-orm/postgresql';
import { parseDocumentName } from '../collab/connection/document-name.js';
import type { PlanEditListener } from '../collab/extensions/plan-changes.extension.js';
import type { PlanChangePublisher } from '../collab/plan-documents.js';
import type { PlanChangeDescription } from '../collab/plan/plan-diff.js';
import type { Principal } from '../auth/principal.loader.js';
import type { PlanAuthor } from '../project/plan-document.port.js';
import { ProjectService } from '../project/project.service.js';
import { followTopic } from '../pubsub/follow-topic.js';
import type { AppPubSub, PlanChangedPayload } from '../pubsub/pubsub.js';

function payloadOf(projectId: string, d: PlanChangeDescription, authors: PlanAuthor[]): PlanChangedPayload {
  return {
    projectId,
    authors: authors.map(({ userId, organizationId }) => ({ userId, organizationId })),
    actions: d.actions,
    budget: d.budget,
    indicators: d.indicators,
    summaryChanged: d.summaryChanged,
    notesChanged: d.notesChanged,
  };
}

/**
 * How long the organisation a user writes a plan for is reused at most before it is read again. What it depends on
 * changes only with the project's participants (PROJECT_CHANGED, heard on the pub/sub from every instance, drops the
 * project's entries at once: see `forgetProject`) or with the user's memberships (ACCESS_CHANGED drops the user's);
 * this span is only a backstop for an event missed while Redis was down. Read every 5–10 s instead, the refreshes
 * were a tenth of the collaboration server's CPU under the benchmark's typing (three ORM queries with populate each,
 * per user and plan), on the machine that also relays the edits.
 */
const AUTHOR_TTL_MS = 5 * 60_000;

/** Entries kept at most: past it, the ones stale for a whole TTL are dropped. */
const AUTHOR_CACHE_SIZE = 10_000;

interface AuthorEntry {
  author: Promise<PlanAuthor>;
  freshUntil: number;
  refreshing: boolean;
}

/**
 * The author as last read, by user and project. An entry is fresh for a random span between half the TTL and the
 * TTL, so that the entries read together (every writer's, as a benchmark or a meeting starts) do not expire
 * together: they did, and the event loop read sixty projects in one burst, which held the relays of every document
 * (the relay's p99). A stale entry is still answered at once while one read refreshes it behind: telling an edit
 * never waits for the database. A change to the project or to the user's access forgets the entries it concerns
 * (and a read that was in flight then is not kept), so the next event reads them again.
 */
export class AuthorCache {
  /** By project, then by user. */
  private readonly entries = new Map<string, Map<string, AuthorEntry>>();
  private size = 0;

  constructor(
    private readonly ttlMs = AUTHOR_TTL_MS,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  get(projectId: string, userId: string, read: () => Promise<PlanAuthor>): Promise<PlanAuthor> {
    const now = this.now();
    const hit = this.entries.get(projectId)?.get(userId);
    if (hit && (now < hit.freshUntil || hit.refreshing)) return hit.author;
    if (hit) {
      hit.refreshing = true;
      const next = read();
      next.then(
        // Kept only if the entry was not forgotten meanwhile (the project or the user's access changed).
        () => this.entries.get(projectId)?.get(userId) === hit && this.set(projectId, userId, { author: next, freshUntil: this.freshUntil(), refreshing: false }),
        // A failed refresh keeps the last answer; the next event asks again.
        () => (hit.refreshing = false),
      );
      return hit.author;
    }
    if (this.size >= AUTHOR_CACHE_SIZE) this.dropStale(now);
    const author = read();
    const entry: AuthorEntry = { author, freshUntil: this.freshUntil(), refreshing: false };
    this.set(projectId, userId, entry);
    // A failed first read is not kept: the next event asks again.
    author.catch(() => this.entries.get(projectId)?.get(userId) === entry && this.delete(projectId, userId));
    return author;
  }

  /** The project's participants changed: its authors are read again. */
  forgetProject(projectId: string): void {
    this.size -= this.entries.get(projectId)?.size ?? 0;
    this.entries.delete(projectId);
  }

  /** The user's memberships or access changed: their authors are read again, in every project. */
  forgetUser(userId: string): void {
    for (const projectId of [...this.entries.keys()]) this.delete(projectId, userId);
  }

  private set(projectId: string, userId: string, entry: AuthorEntry): void {
    let users = this.entries.get(projectId);
    if (!users) this.entries.set(projectId, (users = new Map()));
    if (!users.has(userId)) this.size += 1;
    users.set(userId, entry);
  }

  private delete(projectId: string, userId: string): void {
    const users = this.entries.get(projectId);
    if (!users?.delete(userId)) return;
    this.size -= 1;
    if (!users.size) this.entries.delete(projectId);
  }

  private dropStale(now: number): void {
    for (const [projectId, users] of [...this.entries]) {
      for (const [userId, entry] of [...users]) if (now - entry.freshUntil >= this.ttlMs && !entry.refreshing) this.delete(projectId, userId);
    }
  }

  private freshUntil(): number {
    return this.now() + this.ttlMs * (0.5 + this.random() / 2);
  }
}

/**
 * One planChanged topic for both sides: the API's changes (told by PlanDocuments) and browsers' edits (told by the
 * collaboration server, whose authors are named by the organisation they take part for). Published on the pub/sub,
 * so subscribers on every instance hear them.
 */
export function planChangeTelling(orm: MikroORM, pubSub: AppPubSub['pubSub']) {
  const publish: PlanChangePublisher = (projectId, description, authors) => pubSub.publish('PLAN_CHANGED', payloadOf(projectId, description, authors));
  const authors = new AuthorCache();
  // Every instance hears these (Redis), so each forgets what it cached of a changed project or user.
  const followers = [
    followTopic(pubSub, 'PROJECT_CHANGED', 'Forgetting a project\'s plan authors failed', ({ projectId }) => authors.forgetProject(projectId)),
    followTopic(pubSub, 'CREDENTIAL_CHANGED', 'Forgetting a user\'s plan authors failed', ({ change, id }) => change === 'ACCESS_CHANGED' && authors.forgetUser(id)),
  ];
  const onPlanEdited: PlanEditListener = (documentName, description, principals) => {
    const address = parseDocumentName(documentName);
    if (address?.kind !== 'project-plan') return;
    const read = (principal: Principal) => () => new ProjectService(orm.em.fork(), pubSub).planAuthor(principal.viewer, address.ownerId);
    (async () => {
      const named = await Promise.all(principals.map((principal) => authors.get(address.ownerId, principal.user.id, read(principal))));
      publish(address.ownerId, description, named);
    })()
      .catch((error: unknown) => console.error('Telling a plan change failed:', error instanceof Error ? error.message : error));
  };
  return {
    publish,
    onPlanEdited,
    async stop() {
      await Promise.all(followers.map((f) => f.stop()));
    },
  };
}
