/**
 * The GraphQL face of a plan's named versions: a version (name, who saved it, when), what it shows (a ProjectPlan,
 * read-only), and a comparison of two states of the plan.
 */
import { Field, ID, ObjectType } from 'type-graphql';
import { PlanActionNode, PlanBudgetLineNode, PlanIndicatorNode, ProjectPlanNode } from './plan.types.js';

@ObjectType('PlanVersion', {
  description:
    'A named state of a project\'s plan ("après le comité de pilotage du 12 mars"), kept as saved: restoring it makes the plan ' +
    'show it again through a new change, and the history is never rewritten.',
})
export class PlanVersionNode {
  dbId!: string;
  projectDbId!: string;

  @Field(() => ID, { description: 'Global ID of the version.' }) id!: string;
  @Field(() => String, { description: 'The name it was saved under.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'The name of the person who saved it (null once their account is gone).' })
  savedByName!: string | null;
  @Field(() => Date, { description: 'When it was saved.' }) savedAt!: Date;
}

@ObjectType('PlanActionChange', { description: 'An action present on both sides whose fields differ.' })
export class PlanActionChangeNode {
  @Field(() => PlanActionNode, { description: 'The action before.' }) before!: PlanActionNode;
  @Field(() => PlanActionNode, { description: 'The action after.' }) after!: PlanActionNode;
  @Field(() => [String], { description: 'The fields that differ (title, ownerOrganizationId, dueDate, status).' }) fields!: string[];
}

@ObjectType('PlanActionChanges', { description: 'Actions added, removed and changed from one state of the plan to the other.' })
export class PlanActionChangesNode {
  @Field(() => [PlanActionNode], { description: 'Only on the "to" side.' }) added!: PlanActionNode[];
  @Field(() => [PlanActionNode], { description: 'Only on the "from" side.' }) removed!: PlanActionNode[];
  @Field(() => [PlanActionChangeNode], { description: 'On both sides, with different fields.' }) changed!: PlanActionChangeNode[];
}

@ObjectType('PlanBudgetLineChange', { description: 'A budget line present on both sides whose fields differ.' })
export class PlanBudgetLineChangeNode {
  @Field(() => PlanBudgetLineNode, { description: 'The line before.' }) before!: PlanBudgetLineNode;
  @Field(() => PlanBudgetLineNode, { description: 'The line after.' }) after!: PlanBudgetLineNode;
  @Field(() => [String], { description: 'The fields that differ (label, amountEur, funder).' }) fields!: string[];
}

@ObjectType('PlanBudgetChanges', { description: 'Budget lines added, removed and changed.' })
export class PlanBudgetChangesNode {
  @Field(() => [PlanBudgetLineNode], { description: 'Only on the "to" side.' }) added!: PlanBudgetLineNode[];
  @Field(() => [PlanBudgetLineNode], { description: 'Only on the "from" side.' }) removed!: PlanBudgetLineNode[];
  @Field(() => [PlanBudgetLineChangeNode], { description: 'On both sides, with different fields.' }) changed!: PlanBudgetLineChangeNode[];
}

@ObjectType('PlanIndicatorChange', { description: 'An expected indicator (same indicator and unit) whose value differs.' })
export class PlanIndicatorChangeNode {
  @Field(() => PlanIndicatorNode, { description: 'The expectation before.' }) before!: PlanIndicatorNode;
  @Field(() => PlanIndicatorNode, { description: 'The expectation after.' }) after!: PlanIndicatorNode;
  @Field(() => [String], { description: 'The fields that differ (expected).' }) fields!: string[];
}

@ObjectType('PlanIndicatorChanges', { description: 'Expected indicators added, removed and changed.' })
export class PlanIndicatorChangesNode {
  @Field(() => [PlanIndicatorNode], { description: 'Only on the "to" side.' }) added!: PlanIndicatorNode[];
  @Field(() => [PlanIndicatorNode], { description: 'Only on the "from" side.' }) removed!: PlanIndicatorNode[];
  @Field(() => [PlanIndicatorChangeNode], { description: 'On both sides, with a different value.' }) changed!: PlanIndicatorChangeNode[];
}

@ObjectType('PlanComparison', { description: 'What differs from one state of a plan (a version) to another (a version, or the plan now).' })
export class PlanComparisonNode {
  @Field(() => PlanVersionNode, { description: 'The version compared from.' }) from!: PlanVersionNode;
  @Field(() => PlanVersionNode, { nullable: true, description: 'The version compared to; null when compared to the plan as it stands now.' })
  to!: PlanVersionNode | null;
  @Field(() => ProjectPlanNode, { description: 'What the plan showed on the "from" side.' }) fromPlan!: ProjectPlanNode;
  @Field(() => ProjectPlanNode, { description: 'What the plan shows on the "to" side.' }) toPlan!: ProjectPlanNode;
  @Field(() => PlanActionChangesNode, { description: 'Actions added, removed, changed.' }) actions!: PlanActionChangesNode;
  @Field(() => PlanBudgetChangesNode, { description: 'Budget lines added, removed, changed.' }) budget!: PlanBudgetChangesNode;
  @Field(() => PlanIndicatorChangesNode, { description: 'Expected indicators added, removed, changed.' }) indicators!: PlanIndicatorChangesNode;
  @Field(() => Boolean, { description: 'Whether the summary text differs (fromPlan.summary, toPlan.summary).' }) summaryChanged!: boolean;
  @Field(() => Boolean, { description: 'Whether the notes differ as text (fromPlan.notesText, toPlan.notesText).' }) notesChanged!: boolean;
}
