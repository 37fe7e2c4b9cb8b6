import { planDocumentName } from '../project/plan-document.port.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import type { CollabServer } from './collab-server.js';

/**
 * Every instance hears project changes on the pub/sub and re-checks its own connections to the project's plan when
 * a participant was removed, so the removed organisation's members lose the document within a second everywhere.
 */
export function followAccessChanges(pubSub: AppPubSub['pubSub'], collab: Pick<CollabServer, 'recheckAccess'>) {
  const iterator = pubSub.subscribe('PROJECT_CHANGED')[Symbol.asyncIterator]();
  const loop = (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      if (next.value.change !== 'PARTICIPANT_REMOVED') continue;
      collab.recheckAccess(planDocumentName(next.value.projectId)).catch((error: unknown) => {
        console.error('Re-checking live document access failed:', error instanceof Error ? error.message : error);
      });
    }
  })();
  return {
    async stop() {
      await iterator.return?.();
      await loop.catch(() => {});
    },
  };
}
