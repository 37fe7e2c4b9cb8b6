import { Arg, Ctx, FieldResolver, ID, Resolver, Root, Subscription } from 'type-graphql';
import { toGlobalId } from '../graphql/global-id.js';
import { OrganizationNode } from '../organization/organization.types.js';
import { canSeeParticipantIdentity } from '../policy/project-policy.js';
import type { PlanChangedPayload, PlanItemIds } from '../pubsub/pubsub.js';
import { PlanChangeAuthorNode, PlanChangedEventNode, PlanItemChangesNode, PlanPart } from './plan-event.types.js';
import { viewPlan } from './plan-view.js';
import { ProjectPlanNode } from './plan.types.js';
import type { ProjectResolverContext } from './project.context.js';
import { projectEventsHeard } from './project-events.js';
import { projectFactsOf, type ProjectRecord } from './project.records.js';

const items = (ids: PlanItemIds) => Object.assign(new PlanItemChangesNode(), ids);
const touched = (ids: PlanItemIds) => ids.added.length + ids.removed.length + ids.changed.length > 0;

@Resolver(() => PlanChangedEventNode)
export class PlanChangedResolver {
  @Subscription(() => PlanChangedEventNode, {
    description:
      "Changes to a project's plan, from any side (browsers on the live document, or the API), each built for you when it is delivered: " +
      'events reach you only while you may read the plan. Subscribing to a project you may not see is accepted and stays silent, exactly ' +
      'like one that does not exist.',
    subscribe: ({ args, context }) => projectEventsHeard(context as ProjectResolverContext, 'PLAN_CHANGED', args.projectId),
  })
  async planChanged(
    @Root() payload: PlanChangedPayload,
    @Arg('projectId', () => ID, { description: 'The project whose plan to follow.' }) _projectId: string,
    @Ctx() ctx: ProjectResolverContext,
  ): Promise<PlanChangedEventNode> {
    const record = await ctx.services.projects.fresh().find(ctx.viewer, payload.projectId);
    const parts: [PlanPart, boolean][] = [
      [PlanPart.SUMMARY, payload.summaryChanged],
      [PlanPart.NOTES, payload.notesChanged],
      [PlanPart.ACTIONS, touched(payload.actions)],
      [PlanPart.BUDGET, touched(payload.budget)],
      [PlanPart.INDICATORS, touched(payload.indicators)],
    ];
    return Object.assign(new PlanChangedEventNode(), {
      projectDbId: payload.projectId,
      projectId: toGlobalId('SynergyProject', payload.projectId),
      authors: record ? await this.authors(payload, record, ctx) : [],
      changedParts: parts.filter(([, changed]) => changed).map(([part]) => part),
      actions: items(payload.actions),
      budget: items(payload.budget),
      indicators: items(payload.indicators),
    });
  }

  @FieldResolver(() => ProjectPlanNode, { nullable: true, description: 'The plan as it stands when the event reaches you.' })
  async plan(@Root() event: PlanChangedEventNode, @Ctx() ctx: ProjectResolverContext): Promise<ProjectPlanNode | null> {
    const found = await ctx.services.plans.fresh().read(ctx.viewer, event.projectDbId);
    return found ? viewPlan(found.plan, found.record, ctx.viewer) : null;
  }

  /** Authors by name; their organisation only when the viewer may know that participant. */
  private async authors(payload: PlanChangedPayload, record: ProjectRecord, ctx: ProjectResolverContext): Promise<PlanChangeAuthorNode[]> {
    const users = await ctx.services.projects.fresh().userNames(payload.authors.map((a) => a.userId));
    const facts = projectFactsOf(record);
    return payload.authors.map((author) => {
      const index = record.participants.findIndex((p) => p.organization.id === author.organizationId);
      const named = index >= 0 && canSeeParticipantIdentity(ctx.viewer, facts, facts.participants[index]);
      return Object.assign(new PlanChangeAuthorNode(), {
        name: users.get(author.userId) ?? '',
        organization: named ? OrganizationNode.from(record.participants[index].organization) : null,
        isYou: ctx.viewer?.userId === author.userId,
      });
    });
  }
}
