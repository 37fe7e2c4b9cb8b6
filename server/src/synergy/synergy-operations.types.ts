import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SynergyNode } from './view/synergy.types.js';

/** GraphQL types of what the synergy operations answer: a detection run, a live suggestion. */

@ObjectType('DetectionReport', { description: 'What a detection run did.' })
export class DetectionReportNode {
  @Field(() => ID, { nullable: true, description: 'The run, as `detectionProgress` names it.' }) runId!: string | null;
  @Field(() => Int, { description: 'Synergies the engine found.' }) detected!: number;
  @Field(() => Int, { description: 'New (or suggested again) synergies.' }) suggested!: number;
  @Field(() => Int, { description: 'Known synergies refreshed.' }) updated!: number;
  @Field(() => Int, { description: 'Decided synergies whose flows changed materially.' }) stale!: number;
  @Field(() => Int, { description: 'Undecided synergies that no longer hold.' }) withdrawn!: number;
}

@ObjectType('SynergyEvent', { description: 'A synergy was suggested to one of your organisations.' })
export class SynergyEventNode {
  @Field(() => ID, { description: 'Global ID of the synergy.' }) synergyId!: string;
  @Field(() => SynergyNode, { description: 'The synergy as you may see it.' }) synergy!: SynergyNode;
}
