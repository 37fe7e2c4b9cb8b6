import { expectId } from '../graphql/global-id.js';
import { eventsHeard } from '../pubsub/events-heard.js';
import type { ProjectResolverContext } from './project.context.js';

/**
 * The events of one project (the subscription's `projectId`) that reach a subscriber: only while they may see the
 * project, decided at each delivery on current rows (a participant removed a moment ago hears nothing more).
 * Subscribing to a project one may not see is accepted and stays silent, exactly like one that does not exist.
 */
export function projectEventsHeard(ctx: ProjectResolverContext, topic: 'PROJECT_CHANGED' | 'PLAN_CHANGED', projectIdArg: unknown) {
  const projectId = expectId(projectIdArg as string, 'SynergyProject', 'projectId');
  return eventsHeard(ctx.pubSub, topic, async (p) => p.projectId === projectId && (await ctx.services.projects.fresh().find(ctx.viewer, projectId)) !== null);
}
