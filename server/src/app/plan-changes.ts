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

/** The author as last read, by user and project, and when. */
type AuthorCache = Map<string, { author: Promise<PlanAuthor>; at: number }>;

/** Entries kept at most: past it, the expired ones are dropped. */
const AUTHOR_CACHE_SIZE = 10_000;

function cachedAuthor(cache: AuthorCache, principal: Principal, projectId: string, read: () => Promise<PlanAuthor>): Promise<PlanAuthor> {
  const key = `${principal.user.id}:${projectId}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < AUTHOR_TTL_MS) return hit.author;
  if (cache.size >= AUTHOR_CACHE_SIZE) {
    for (const [k, entry] of cache) if (now - entry.at >= AUTHOR_TTL_MS) cache.delete(k);
  }
  const author = read();
  cache.set(key, { author, at: now });
  // A failed read is not kept: the next event asks again.
  author.catch(() => cache.delete(key));
  return author;
}

/**
 * One planChanged topic for both sides: the API's changes (told by PlanDocuments) and browsers' edits (told by the
 * collaboration server, whose authors are named by the organisation they take part for). Published on the pub/sub,
 * so subscribers on every instance hear them.
 */
export function planChangeTelling(orm: MikroORM, pubSub: AppPubSub['pubSub']) {
  const publish: PlanChangePublisher = (projectId, description, authors) => pubSub.publish('PLAN_CHANGED', payloadOf(projectId, description, authors));
  const authors: AuthorCache = new Map();
  const onPlanEdited: PlanEditListener = (documentName, description, principals) => {
    const address = parseDocumentName(documentName);
    if (address?.kind !== 'project-plan') return;
    const read = (principal: Principal) => () => new ProjectService(orm.em.fork(), pubSub).planAuthor(principal.viewer, address.ownerId);
    (async () => {
      const named = await Promise.all(principals.map((principal) => cachedAuthor(authors, principal, address.ownerId, read(principal))));
      publish(address.ownerId, description, named);
    })()
      .catch((error: unknown) => console.error('Telling a plan change failed:', error instanceof Error ? error.message : error));
  };
  return { publish, onPlanEdited };
}
