import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { OrganizationNode } from '../organization/organization.types.js';
import { ProjectPlanNode } from './plan.types.js';

/** Part of the public API: add values, never rename them. */
export enum PlanPart {
  SUMMARY = 'SUMMARY',
  NOTES = 'NOTES',
  ACTIONS = 'ACTIONS',
  BUDGET = 'BUDGET',
  INDICATORS = 'INDICATORS',
}

registerEnumType(PlanPart, { name: 'PlanPart', description: 'A part of a project plan.' });

@ObjectType('PlanItemChanges', { description: 'Items of one part of the plan added, removed or changed, by id.' })
export class PlanItemChangesNode {
  @Field(() => [ID], { description: 'Items added.' }) added!: string[];
  @Field(() => [ID], { description: 'Items removed.' }) removed!: string[];
  @Field(() => [ID], { description: 'Items whose fields changed.' }) changed!: string[];
}

@ObjectType('PlanChangeAuthor', { description: 'Someone whose edit is in this change.' })
export class PlanChangeAuthorNode {
  @Field(() => String, { description: 'Their name.' }) name!: string;
  @Field(() => OrganizationNode, {
    nullable: true,
    description: 'The organisation they take part for; null for a facilitator acting for the territory.',
  })
  organization!: OrganizationNode | null;
  @Field(() => Boolean, { description: 'Whether it is you (another of your sessions or tokens).' }) isYou!: boolean;
}

@ObjectType('PlanChangedEvent', { description: 'A plan you may read changed, in a browser or through the API: who changed what.' })
export class PlanChangedEventNode {
  projectDbId!: string;

  @Field(() => ID, { description: 'Global ID of the project.' }) projectId!: string;
  @Field(() => [PlanChangeAuthorNode], { description: 'Whose edits these are (several when browsers typed at the same moment).' })
  authors!: PlanChangeAuthorNode[];
  @Field(() => [PlanPart], { description: 'The parts that changed.' }) changedParts!: PlanPart[];
  @Field(() => PlanItemChangesNode, { description: 'Actions added, removed, changed (PlanAction.id).' }) actions!: PlanItemChangesNode;
  @Field(() => PlanItemChangesNode, { description: 'Budget lines added, removed, changed (PlanBudgetLine.id).' }) budget!: PlanItemChangesNode;
  @Field(() => PlanItemChangesNode, { description: 'Expected indicators added, removed, changed, each as "indicator|unit".' })
  indicators!: PlanItemChangesNode;
  @Field(() => ProjectPlanNode, { nullable: true, description: 'The plan as it stands when the event reaches you.' }) plan?: ProjectPlanNode | null;
}
