import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { expectId } from '../graphql/global-id.js';
import type { PlanVersionResolverContext } from './plan-version.context.js';
import { viewComparison, viewVersion } from './plan-version-view.js';
import { PlanComparisonNode, PlanVersionNode } from './plan-version.types.js';
import type { PlanVersionContent } from './plan-versions.port.js';
import { ProjectPlanNode } from './plan.types.js';
import { viewPlan } from './plan-view.js';
import { SynergyProjectNode } from './project.types.js';

/** A version as read by projectPlanVersion: its content came with it. */
type LoadedVersion = PlanVersionNode & { content?: PlanVersionContent };

@Resolver(() => PlanVersionNode)
export class PlanVersionResolver {
  @Query(() => PlanVersionNode, {
    description: "One named version of a plan you may read (observers included); NOT_FOUND for any other, exactly as if it did not exist.",
  })
  async projectPlanVersion(@Arg('id', () => ID, { description: 'Global ID of the version.' }) id: string, @Ctx() ctx: PlanVersionResolverContext): Promise<PlanVersionNode> {
    const version = await ctx.services.planVersions.get(ctx.viewer, expectId(id, 'PlanVersion'));
    return Object.assign(viewVersion(version), { content: version.content });
  }

  @Query(() => PlanComparisonNode, {
    description:
      'What differs from a version of a plan to another version of the same plan, or to the plan as it stands now when `to` is omitted: ' +
      'actions, budget lines and indicators added, removed or changed; whether the summary and the notes changed.',
  })
  async compareProjectPlanVersions(
    @Arg('from', () => ID, { description: 'Global ID of the version to compare from.' }) from: string,
    @Arg('to', () => ID, { nullable: true, description: 'Global ID of a version of the same plan; omitted: the plan now.' }) to: string | undefined,
    @Ctx() ctx: PlanVersionResolverContext,
  ): Promise<PlanComparisonNode> {
    const comparison = await ctx.services.planVersions.compare(ctx.viewer, expectId(from, 'PlanVersion', 'from'), to ? expectId(to, 'PlanVersion', 'to') : null);
    const record = await ctx.services.projects.get(ctx.viewer, comparison.projectId);
    return viewComparison(comparison, record, ctx.viewer);
  }

  @Mutation(() => PlanVersionNode, {
    description:
      'Saves the plan as it stands now under a name (1 to 200 characters, one line). Participants who may edit the plan and the ' +
      "territory's facilitators; observers cannot.",
  })
  async saveProjectPlanVersion(
    @Arg('projectId', () => ID, { description: 'Global ID of the project.' }) projectId: string,
    @Arg('name', () => String, { description: 'e.g. "après le comité de pilotage du 12 mars".' }) name: string,
    @Ctx() ctx: PlanVersionResolverContext,
  ): Promise<PlanVersionNode> {
    return viewVersion(await ctx.services.planVersions.save(ctx.viewer, expectId(projectId, 'SynergyProject', 'projectId'), name));
  }

  @Mutation(() => ProjectPlanNode, {
    description:
      'Makes the plan show a version again, through a new change on top of its history (never rewritten: every version stays as saved). ' +
      'Open editors receive it at once. Returns the plan after the restore. Observers cannot.',
  })
  async restoreProjectPlanVersion(@Arg('id', () => ID, { description: 'Global ID of the version.' }) id: string, @Ctx() ctx: PlanVersionResolverContext): Promise<ProjectPlanNode> {
    const version = await ctx.services.planVersions.restore(ctx.viewer, expectId(id, 'PlanVersion'));
    const record = await ctx.services.projects.get(ctx.viewer, version.projectId);
    return viewPlan(await ctx.services.planVersions.current(ctx.viewer, version.projectId), record, ctx.viewer);
  }

  @FieldResolver(() => ProjectPlanNode, { description: 'What the plan showed when the version was saved (read-only).' })
  async plan(@Root() version: LoadedVersion, @Ctx() ctx: PlanVersionResolverContext): Promise<ProjectPlanNode> {
    const content = version.content ?? (await ctx.services.planVersions.get(ctx.viewer, version.dbId)).content;
    return viewPlan(content, await ctx.services.projects.get(ctx.viewer, version.projectDbId), ctx.viewer);
  }
}

@Resolver(() => SynergyProjectNode)
export class ProjectPlanVersionsResolver {
  @FieldResolver(() => [PlanVersionNode], { description: "The plan's named versions, newest first." })
  async planVersions(@Root() project: SynergyProjectNode, @Ctx() ctx: PlanVersionResolverContext): Promise<PlanVersionNode[]> {
    return (await ctx.services.planVersions.list(ctx.viewer, project.dbId)).map(viewVersion);
  }
}
