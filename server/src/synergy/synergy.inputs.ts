import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { SynergyKind, SynergyStatus } from './model/synergy.enums.js';
import { Language } from './view/knowledge.types.js';

@InputType({ description: 'Narrows a list of synergies.' })
export class SynergyFilterInput {
  @Field(() => ID, { nullable: true, description: 'Synergies of this territory and those nested in it.' }) territoryId?: string;
  @Field(() => [SynergyKind], { nullable: true, description: 'Kinds to keep.' }) kinds?: SynergyKind[];
  @Field(() => [SynergyStatus], { nullable: true, description: 'Statuses to keep (default: SUGGESTED, CONTACT_REQUESTED, ACCEPTED).' }) statuses?: SynergyStatus[];
  @Field(() => ID, { nullable: true, description: 'Synergies this organisation takes part in: one of yours, or of a territory you facilitate (any other is BAD_USER_INPUT).' }) organizationId?: string;
  @Field(() => Float, { nullable: true, description: 'Minimum score, 0–1.' }) minScore?: number;
  @Field(() => Boolean, { nullable: true, description: 'Only the synergies assigned to you (in the territories you facilitate).' }) assignedToMe?: boolean;
}

@ArgsType()
export class SynergiesArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 0 to 100.' }) first?: number;
  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' }) after?: string;
  @Field(() => SynergyFilterInput, { nullable: true, description: 'Filters.' }) filter?: SynergyFilterInput;
  @Field(() => Language, { nullable: true, defaultValue: Language.FR, description: 'Language of the explanation sentences.' }) language?: Language;
}

@InputType({ description: 'A synergy recorded by hand by a facilitator.' })
export class RecordSynergyInput {
  @Field(() => ID, { description: 'Territory it belongs to (you must facilitate it).' }) territoryId!: string;
  @Field(() => SynergyKind, { description: 'Substitution or mutualisation.' }) kind!: SynergyKind;
  @Field(() => [ID], { description: 'The organisations taking part (at least two), in territories you facilitate; any other is NOT_FOUND.' }) organizationIds!: string[];
  @Field(() => [ID], { nullable: true, description: 'Their flows concerned, if any.' }) flowIds?: string[];
  @Field(() => String, { nullable: true, description: 'What was agreed, where it stands.' }) note?: string;
  @Field(() => SynergyStatus, { nullable: true, description: 'Default ACCEPTED (the parties already agreed).' }) status?: SynergyStatus;
  @Field(() => Boolean, { nullable: true, description: 'Already running.' }) operational?: boolean;
}
