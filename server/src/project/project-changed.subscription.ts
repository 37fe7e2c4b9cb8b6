import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import { toGlobalId } from '../graphql/global-id.js';
import type { ProjectChangedPayload } from '../pubsub/pubsub.js';
import type { ProjectResolverContext } from './project.context.js';
import { projectEventsHeard } from './project-events.js';
import { ProjectChange } from './project.enums.js';
import { viewProject } from './project-view.js';
import { ProjectChangedEventNode } from './project.types.js';

@Resolver()
export class ProjectChangedResolver {
  @Subscription(() => ProjectChangedEventNode, {
    description:
      'Changes to a project (stage, invitations, participants), each built for you when it is delivered: events reach you only while you ' +
      'may see the project. Subscribing to a project you may not see is accepted and stays silent, exactly like one that does not exist.',
    subscribe: ({ args, context }) => projectEventsHeard(context as ProjectResolverContext, 'PROJECT_CHANGED', args.projectId),
  })
  async projectChanged(
    @Root() payload: ProjectChangedPayload,
    @Arg('projectId', () => ID, { description: 'The project to follow.' }) _projectId: string,
    @Ctx() ctx: ProjectResolverContext,
  ): Promise<ProjectChangedEventNode> {
    const record = await ctx.services.projects.fresh().find(ctx.viewer, payload.projectId);
    return {
      change: payload.change as ProjectChange,
      projectId: toGlobalId('SynergyProject', payload.projectId),
      project: record ? viewProject(record, ctx.viewer) : null,
    };
  }
}
