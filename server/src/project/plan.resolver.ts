import { randomUUID } from 'node:crypto';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { expectId } from '../graphql/global-id.js';
import type { PlanChange } from './plan-document.port.js';
import { NewPlanActionInput, PlanActionChangesInput, PlanBudgetLineInput, PlanIndicatorInput, PlanNoteBlockInput } from './plan.inputs.js';
import type { ProjectResolverContext } from './project.context.js';
import { ProjectPlanNode } from './plan.types.js';
import { SynergyProjectNode } from './project.types.js';
import { viewPlan } from './plan-view.js';

const PROJECT_ID = { description: 'Global ID of the project.' };
const WRITES =
  ' Applied as one change to the live document, logged durably like a browser\'s edit: every open editor shows it at once and planChanged fires. ' +
  'NOT_FOUND for a project you may not see, FORBIDDEN for an observer; on any error nothing changes.';

/** An owner given as a global ID, or null to clear it; undefined leaves it as it is. */
function ownerId(value: string | null | undefined): string | null | undefined {
  return value ? expectId(value, 'Organization', 'ownerOrganizationId') : value;
}

@Resolver(() => SynergyProjectNode)
export class ProjectPlanResolver {
  @FieldResolver(() => ProjectPlanNode, {
    nullable: true,
    description:
      'The plan, read from the live document participants co-edit: actions, budget, expected indicators, summary and notes. ' +
      'Null when you may not read it.',
  })
  async plan(@Root() project: SynergyProjectNode, @Ctx() ctx: ProjectResolverContext): Promise<ProjectPlanNode | null> {
    const found = await ctx.services.plans.readOf(ctx.viewer, project.record);
    return found ? viewPlan(found.plan, found.record, ctx.viewer) : null;
  }

  @Mutation(() => ProjectPlanNode, { description: 'Adds an action at the end of the action table.' + WRITES })
  async addPlanAction(
    @Arg('projectId', () => ID, PROJECT_ID) projectId: string,
    @Arg('input', () => NewPlanActionInput, { description: 'The action.' }) input: NewPlanActionInput,
    @Ctx() ctx: ProjectResolverContext,
  ): Promise<ProjectPlanNode> {
    return this.apply(ctx, projectId, {
      kind: 'ADD_ACTION',
      action: { title: input.title, ownerOrganizationId: ownerId(input.ownerOrganizationId) ?? null, dueDate: input.dueDate ?? null, status: input.status ?? 'TODO' },
    });
  }

  @Mutation(() => ProjectPlanNode, { description: 'Changes an action (NOT_FOUND when it is not in the plan).' + WRITES })
  async updatePlanAction(
    @Arg('projectId', () => ID, PROJECT_ID) projectId: string,
    @Arg('actionId', () => ID, { description: 'The action (PlanAction.id).' }) actionId: string,
    @Arg('input', () => PlanActionChangesInput, { description: 'What changes.' }) input: PlanActionChangesInput,
    @Ctx() ctx: ProjectResolverContext,
  ): Promise<ProjectPlanNode> {
    const fields: Extract<PlanChange, { kind: 'UPDATE_ACTION' }>['fields'] = {};
    if (input.title !== undefined) fields.title = input.title as string;
    if (input.ownerOrganizationId !== undefined) fields.ownerOrganizationId = ownerId(input.ownerOrganizationId) ?? null;
    if (input.dueDate !== undefined) fields.dueDate = input.dueDate;
    if (input.status !== undefined) fields.status = input.status as PlanActionStatusValue;
    return this.apply(ctx, projectId, { kind: 'UPDATE_ACTION', id: actionId, fields });
  }

  @Mutation(() => ProjectPlanNode, { description: 'Removes an action (NOT_FOUND when it is not in the plan).' + WRITES })
  async removePlanAction(
    @Arg('projectId', () => ID, PROJECT_ID) projectId: string,
    @Arg('actionId', () => ID, { description: 'The action (PlanAction.id).' }) actionId: string,
    @Ctx() ctx: ProjectResolverContext,
  ): Promise<ProjectPlanNode> {
    return this.apply(ctx, projectId, { kind: 'REMOVE_ACTION', id: actionId });
  }

  @Mutation(() => ProjectPlanNode, { description: 'Adds a budget line, or replaces the one with the id given.' + WRITES })
  async setPlanBudgetLine(
    @Arg('projectId', () => ID, PROJECT_ID) projectId: string,
    @Arg('input', () => PlanBudgetLineInput, { description: 'The line.' }) input: PlanBudgetLineInput,
    @Ctx() ctx: ProjectResolverContext,
  ): Promise<ProjectPlanNode> {
    const line = { id: input.id ?? randomUUID(), label: input.label, amountEur: input.amountEur, funder: input.funder ?? null };
    return this.apply(ctx, projectId, { kind: 'SET_BUDGET_LINE', line });
  }

  @Mutation(() => ProjectPlanNode, { description: 'Removes a budget line (NOT_FOUND when it is not in the plan).' + WRITES })
  async removePlanBudgetLine(
    @Arg('projectId', () => ID, PROJECT_ID) projectId: string,
    @Arg('lineId', () => ID, { description: 'The line (PlanBudgetLine.id).' }) lineId: string,
    @Ctx() ctx: ProjectResolverContext,
  ): Promise<ProjectPlanNode> {
    return this.apply(ctx, projectId, { kind: 'REMOVE_BUDGET_LINE', id: lineId });
  }

  @Mutation(() => ProjectPlanNode, { description: 'Sets the value expected for an indicator and unit (adds it, or replaces its value).' + WRITES })
  async setPlanIndicator(
    @Arg('projectId', () => ID, PROJECT_ID) projectId: string,
    @Arg('input', () => PlanIndicatorInput, { description: 'The expected indicator.' }) input: PlanIndicatorInput,
    @Ctx() ctx: ProjectResolverContext,
  ): Promise<ProjectPlanNode> {
    return this.apply(ctx, projectId, {
      kind: 'SET_INDICATOR',
      indicator: { indicator: input.indicator, unit: input.unit, expected: input.expected, figure: input.figure ?? null },
    });
  }

  @Mutation(() => ProjectPlanNode, { description: 'Removes the expected indicator of this name and unit (NOT_FOUND when it is not in the plan).' + WRITES })
  async removePlanIndicator(
    @Arg('projectId', () => ID, PROJECT_ID) projectId: string,
    @Arg('indicator', () => String, { description: 'The indicator.' }) indicator: string,
    @Arg('unit', () => String, { description: 'Its unit.' }) unit: string,
    @Ctx() ctx: ProjectResolverContext,
  ): Promise<ProjectPlanNode> {
    return this.apply(ctx, projectId, { kind: 'REMOVE_INDICATOR', indicator, unit });
  }

  @Mutation(() => ProjectPlanNode, { description: 'Sets the summary of the plan (at most 5000 characters; an empty one clears it).' + WRITES })
  async setPlanSummary(
    @Arg('projectId', () => ID, PROJECT_ID) projectId: string,
    @Arg('summary', () => String, { description: 'The summary.' }) summary: string,
    @Ctx() ctx: ProjectResolverContext,
  ): Promise<ProjectPlanNode> {
    return this.apply(ctx, projectId, { kind: 'SET_SUMMARY', summary });
  }

  @Mutation(() => ProjectPlanNode, {
    description: 'Appends blocks (headings, paragraphs) at the end of the rich-text notes, e.g. the minutes of a meeting; 1 to 100 blocks.' + WRITES,
  })
  async appendPlanNotes(
    @Arg('projectId', () => ID, PROJECT_ID) projectId: string,
    @Arg('blocks', () => [PlanNoteBlockInput], { description: 'The blocks, in order.' }) blocks: PlanNoteBlockInput[],
    @Ctx() ctx: ProjectResolverContext,
  ): Promise<ProjectPlanNode> {
    return this.apply(ctx, projectId, { kind: 'APPEND_NOTES', blocks: blocks.map((b) => ({ kind: b.kind, text: b.text })) });
  }

  private async apply(ctx: ProjectResolverContext, projectId: string, change: PlanChange): Promise<ProjectPlanNode> {
    const id = expectId(projectId, 'SynergyProject', 'projectId');
    const { plan, record } = await ctx.services.plans.apply(ctx.viewer, id, change);
    return viewPlan(plan, record, ctx.viewer);
  }
}

type PlanActionStatusValue = Extract<PlanChange, { kind: 'ADD_ACTION' }>['action']['status'];
