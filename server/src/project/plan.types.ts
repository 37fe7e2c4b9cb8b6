/**
 * The GraphQL face of a project's live plan: its structured parts as the API reads them out of the Yjs document.
 * Objects are built *for* a viewer (project/plan-view.ts): an action's owner organisation is set only when the
 * viewer may know it, so no resolver downstream can leak it.
 */
import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { OrganizationNode } from '../organization/organization.types.js';
import { ImpactIndicatorCode } from '../vocabulary/impact.enums.js';

/** Part of the public API: add values, never rename them. Same strings as the document's `status` field. */
export enum PlanActionStatus {
  TODO = 'TODO',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}

registerEnumType(PlanActionStatus, {
  name: 'PlanActionStatus',
  description: 'Where an action of the plan stands.',
  valuesConfig: {
    TODO: { description: 'Not started (also what an action with an unreadable status shows).' },
    IN_PROGRESS: { description: 'Under way.' },
    DONE: { description: 'Done.' },
  },
});

/** Part of the public API: add values, never rename them. */
export enum PlanNoteBlockKind {
  HEADING = 'HEADING',
  PARAGRAPH = 'PARAGRAPH',
}

registerEnumType(PlanNoteBlockKind, { name: 'PlanNoteBlockKind', description: 'A kind of block of the rich-text notes.' });

@ObjectType('PlanAction', { description: 'Who does what by when: one line of the action table.' })
export class PlanActionNode {
  /** The owner's database id, kept for the view; not a field. */
  ownerOrganizationDbId!: string | null;

  @Field(() => ID, { description: 'Identifier of the action within its plan (stable across edits).' }) id!: string;
  @Field(() => String, { description: 'What is to be done.' }) title!: string;
  @Field(() => OrganizationNode, {
    nullable: true,
    description:
      'The organisation that carries it. Null when none is set, or when it is not an organisation you may know in this project ' +
      '(e.g. one whose invitation is still pending).',
  })
  ownerOrganization!: OrganizationNode | null;
  @Field(() => String, { nullable: true, description: 'When it is due (YYYY-MM-DD).' }) dueDate!: string | null;
  @Field(() => PlanActionStatus, { description: 'Where it stands.' }) status!: PlanActionStatus;
}

@ObjectType('PlanBudgetLine', { description: 'One line of the budget: what it pays for, how much, and who funds it.' })
export class PlanBudgetLineNode {
  @Field(() => ID, { description: 'Identifier of the line within its plan (chosen by whoever adds it).' }) id!: string;
  @Field(() => String, { description: 'What it pays for.' }) label!: string;
  @Field(() => Float, { description: 'Amount in euros.' }) amountEur!: number;
  @Field(() => String, { nullable: true, description: 'Who funds it (e.g. "ADEME", "Région Grand Est"), free text.' }) funder!: string | null;
}

@ObjectType('PlanIndicator', {
  description:
    "An expected impact, one per indicator and unit; when linked to one of the synergy's impact figures (`figure`), " +
    "the synergy's estimate is shown beside the target (`synergyFigures`).",
})
export class PlanIndicatorNode {
  /** The database id of the synergy the project came from, for `synergyFigures`; not a field. */
  synergyDbId!: string | null;
  /** Shared by the indicators of one plan as built for one viewer, so that their synergy is read once; not a field. */
  planView!: object;

  @Field(() => String, { description: 'The indicator (e.g. "tCO2e évitées").' }) indicator!: string;
  @Field(() => String, { description: 'Its unit (e.g. "t/an").' }) unit!: string;
  @Field(() => Float, { description: 'The value expected.' }) expected!: number;
  @Field(() => ImpactIndicatorCode, {
    nullable: true,
    description: "The synergy's impact figure this target is linked to (e.g. CO2E_AVOIDED_T); null when it is linked to none.",
  })
  figure!: ImpactIndicatorCode | null;
}

@ObjectType('ProjectPlan', {
  description:
    "A project's plan, read from the live document that participants co-edit in the browser: an API change appears at once in " +
    'every open editor, and a browser edit at once here.',
})
export class ProjectPlanNode {
  @Field(() => String, { description: 'The summary of the plan (empty when none).' }) summary!: string;
  @Field(() => String, { description: 'The rich-text notes as plain text, one line per paragraph.' }) notesText!: string;
  @Field(() => [PlanActionNode], { description: 'The actions, in the order of the table.' }) actions!: PlanActionNode[];
  @Field(() => [PlanBudgetLineNode], { description: 'The budget lines, in the order of the table.' }) budget!: PlanBudgetLineNode[];
  @Field(() => [PlanIndicatorNode], { description: 'The expected indicators, by indicator then unit.' }) indicators!: PlanIndicatorNode[];
}
