import { planDocumentName } from '../project/plan-document.port.js';
import { followTopic } from '../pubsub/follow-topic.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import type { CollabServer } from './collab-server.js';

/**
 * Every instance hears project changes on the pub/sub and re-checks its own connections to the project's plan when
 * a participant was removed, so the removed organisation's members lose the document within a second everywhere.
 */
export function followAccessChanges(pubSub: AppPubSub['pubSub'], collab: Pick<CollabServer, 'recheckAccess'>) {
  return followTopic(pubSub, 'PROJECT_CHANGED', 'Re-checking live document access failed', (change) =>
    change.change === 'PARTICIPANT_REMOVED' ? collab.recheckAccess(planDocumentName(change.projectId)) : undefined,
  );
}
