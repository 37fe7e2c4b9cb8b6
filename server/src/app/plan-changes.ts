import type { MikroORM } from '@mikro-orm/postgresql';
import { parseDocumentName } from '../collab/connection/document-name.js';
import type { PlanEditListener } from '../collab/extensions/plan-changes.extension.js';
import type { PlanChangePublisher } from '../collab/plan-documents.js';
import type { PlanChangeDescription } from '../collab/plan/plan-diff.js';
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
 * One planChanged topic for both sides: the API's changes (told by PlanDocuments) and browsers' edits (told by the
 * collaboration server, whose authors are named by the organisation they take part for). Published on the pub/sub,
 * so subscribers on every instance hear them.
 */
export function planChangeTelling(orm: MikroORM, pubSub: AppPubSub['pubSub']) {
  const publish: PlanChangePublisher = (projectId, description, authors) => pubSub.publish('PLAN_CHANGED', payloadOf(projectId, description, authors));
  const onPlanEdited: PlanEditListener = (documentName, description, principals) => {
    const address = parseDocumentName(documentName);
    if (address?.kind !== 'project-plan') return;
    const projects = new ProjectService(orm.em.fork(), pubSub);
    (async () => {
      const authors: PlanAuthor[] = [];
      for (const principal of principals) authors.push(await projects.planAuthor(principal.viewer, address.ownerId));
      publish(address.ownerId, description, authors);
    })()
      .catch((error: unknown) => console.error('Telling a plan change failed:', error instanceof Error ? error.message : error));
  };
  return { publish, onPlanEdited };
}
