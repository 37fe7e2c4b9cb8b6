import type { MikroORM } from '@mikro-orm/postgresql';
import { parseDocumentName } from '../collab/connection/document-name.js';
import type { PlanEditListener } from '../collab/extensions/plan-changes.extension.js';
import type { PlanChangePublisher } from '../collab/plan-documents.js';
import type { PlanChangeDescription } from '../collab/plan/plan-diff.js';
import type { Principal } from '../auth/principal.loader.js';
import type { PlanAuthor } from '../project/plan-document.port.js';
import { ProjectService } from '../project/project.service.js';
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
 * How long the organisation a user writes a plan for is reused before it is read again. Browsers' edits are told
 * every 100 ms per plan: reading the project for each event cost more CPU than the edits themselves (the
 * benchmark's profile), and the reads held the pool's connections. A participant removed loses its connections at
 * once anyway; the name of its organisation on events may lag this long.
 */
const AUTHOR_TTL_MS = 10_000;

/** Entries kept at most: past it, the ones stale for a whole TTL are dropped. */
const AUTHOR_CACHE_SIZE = 10_000;

/**
 * The author as last read, by user and project. An entry is fresh for a random span between half the TTL and the
 * TTL, so that the entries read together (every writer's, as a benchmark or a meeting starts) do not expire
 * together: they did, and every 10 s the event loop read sixty projects in one burst, which held the relays of
 * every document (the relay's p99). A stale entry is still answered at once while one read refreshes it behind:
 * telling an edit never waits for the database, and the name on an event lags at most the TTL and that read.
 */
export class AuthorCache {
  private readonly entries = new Map<string, { author: Promise<PlanAuthor>; freshUntil: number; refreshing: boolean }>();

  constructor(
    private readonly ttlMs = AUTHOR_TTL_MS,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  get(key: string, read: () => Promise<PlanAuthor>): Promise<PlanAuthor> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && (now < hit.freshUntil || hit.refreshing)) return hit.author;
    if (hit) {
      hit.refreshing = true;
      const next = read();
      next.then(
        () => this.entries.set(key, { author: next, freshUntil: this.freshUntil(), refreshing: false }),
        // A failed refresh keeps the last answer; the next event asks again.
        () => (hit.refreshing = false),
      );
      return hit.author;
    }
    if (this.entries.size >= AUTHOR_CACHE_SIZE) {
      for (const [k, entry] of this.entries) if (now - entry.freshUntil >= this.ttlMs && !entry.refreshing) this.entries.delete(k);
    }
    const author = read();
    this.entries.set(key, { author, freshUntil: this.freshUntil(), refreshing: false });
    // A failed first read is not kept: the next event asks again.
    author.catch(() => this.entries.delete(key));
    return author;
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
  const onPlanEdited: PlanEditListener = (documentName, description, principals) => {
    const address = parseDocumentName(documentName);
    if (address?.kind !== 'project-plan') return;
    const read = (principal: Principal) => () => new ProjectService(orm.em.fork(), pubSub).planAuthor(principal.viewer, address.ownerId);
    (async () => {
      const named = await Promise.all(principals.map((principal) => authors.get(`${principal.user.id}:${address.ownerId}`, read(principal))));
      publish(address.ownerId, description, named);
    })()
      .catch((error: unknown) => console.error('Telling a plan change failed:', error instanceof Error ? error.message : error));
  };
  return { publish, onPlanEdited };
}
