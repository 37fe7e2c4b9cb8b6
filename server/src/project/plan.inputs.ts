import { Field, Float, ID, InputType } from 'type-graphql';
import { ImpactIndicatorCode } from '../vocabulary/impact.enums.js';
import { PlanActionStatus, PlanNoteBlockKind } from './plan.types.js';

@InputType({ description: 'A new action of the plan.' })
export class NewPlanActionInput {
  @Field(() => String, { description: 'What is to be done, at most 300 characters.' }) title!: string;
  @Field(() => ID, { nullable: true, description: 'The organisation that carries it: one taking part in the project.' })
  ownerOrganizationId?: string | null;
  @Field(() => String, { nullable: true, description: 'When it is due (YYYY-MM-DD).' }) dueDate?: string | null;
  @Field(() => PlanActionStatus, { nullable: true, description: 'Where it stands; TODO when omitted.' }) status?: PlanActionStatus | null;
}

@InputType({ description: 'Changes to an action: omitted fields stay as they are; null clears the owner or the due date.' })
export class PlanActionChangesInput {
  @Field(() => String, { nullable: true, description: 'What is to be done, at most 300 characters.' }) title?: string | null;
  @Field(() => ID, { nullable: true, description: 'The organisation that carries it (one taking part in the project), or null for none.' })
  ownerOrganizationId?: string | null;
  @Field(() => String, { nullable: true, description: 'When it is due (YYYY-MM-DD), or null for no date.' }) dueDate?: string | null;
  @Field(() => PlanActionStatus, { nullable: true, description: 'Where it stands.' }) status?: PlanActionStatus | null;
}

@InputType({ description: 'A budget line, added or replaced by its id.' })
export class PlanBudgetLineInput {
  @Field(() => ID, { nullable: true, description: 'The line to replace; omitted for a new line (the server chooses its id).' }) id?: string | null;
  @Field(() => String, { description: 'What it pays for, at most 300 characters.' }) label!: string;
  @Field(() => Float, { description: 'Amount in euros, 0 to 1,000,000,000.' }) amountEur!: number;
  @Field(() => String, { nullable: true, description: 'Who funds it, at most 200 characters.' }) funder?: string | null;
}

@InputType({ description: 'An expected indicator, set by its name and unit (one value per pair).' })
export class PlanIndicatorInput {
  @Field(() => String, { description: 'The indicator, like the synergy\'s impact figures (e.g. "tCO2e évitées").' }) indicator!: string;
  @Field(() => String, { description: 'Its unit (e.g. "t/an").' }) unit!: string;
  @Field(() => Float, { description: 'The value expected.' }) expected!: number;
  @Field(() => ImpactIndicatorCode, {
    nullable: true,
    description: "Links it to one of the synergy's impact figures, whose estimate is then shown beside it; only for a project that came from a synergy.",
  })
  figure?: ImpactIndicatorCode | null;
}

@InputType({ description: 'A block of rich text for the notes.' })
export class PlanNoteBlockInput {
  @Field(() => PlanNoteBlockKind, { description: 'A heading or a paragraph.' }) kind!: PlanNoteBlockKind;
  @Field(() => String, { description: 'Its text, at most 10,000 characters.' }) text!: string;
}
