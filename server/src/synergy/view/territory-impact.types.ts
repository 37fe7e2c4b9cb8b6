import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { ImpactGroup, ImpactTotal, TerritoryImpactTotals } from './territory-impact.js';

@ObjectType('ImpactTotal', { description: 'The sum of one indicator over a group of synergies.' })
export class ImpactTotalNode implements ImpactTotal {
  @Field(() => String, { description: 'Indicator (see ImpactFigure).' }) indicator!: string;
  @Field(() => String, { description: 'Unit.' }) unit!: string;
  @Field(() => Float, { description: 'Sum of the low estimates.' }) low!: number;
  @Field(() => Float, { description: 'Sum of the central estimates.' }) central!: number;
  @Field(() => Float, { description: 'Sum of the high estimates.' }) high!: number;
}

@ObjectType('ImpactGroup', { description: 'Synergies at one stage, and their summed impacts.' })
export class ImpactGroupNode implements ImpactGroup {
  @Field(() => Int, { description: 'How many synergies.' }) synergyCount!: number;
  @Field(() => [ImpactTotalNode], { description: 'Summed impacts.' }) totals!: ImpactTotalNode[];
}

@ObjectType('TerritoryImpact', { description: 'Impacts of the synergies of a territory by stage (docs/impact-method.md).' })
export class TerritoryImpactNode implements TerritoryImpactTotals {
  @Field(() => ImpactGroupNode, { description: 'Suggested by the engine, not yet taken up.' }) suggested!: ImpactGroupNode;
  @Field(() => ImpactGroupNode, { description: 'Contact requested or accepted: being worked on.' }) inProgress!: ImpactGroupNode;
  @Field(() => ImpactGroupNode, { description: 'Running.' }) operational!: ImpactGroupNode;
}
