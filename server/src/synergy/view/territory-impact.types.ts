import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ImpactRangeNode } from './impact-range.types.js';
import type { ImpactGroup, ImpactTotal, TerritoryImpactTotals } from './territory-impact.js';

@ObjectType('ImpactTotal', { implements: ImpactRangeNode, description: 'The sum of one indicator over a group of synergies.' })
export class ImpactTotalNode implements ImpactTotal {
  @Field(() => String, { description: 'Indicator (see ImpactFigure).' }) indicator!: string;
  @Field(() => String, { description: 'Unit.' }) unit!: string;
  @Field(() => Float, { description: 'Sum of the low estimates.' }) low!: number;
  @Field(() => Float, { description: 'Sum of the central estimates.' }) central!: number;
  @Field(() => Float, { description: 'Sum of the high estimates.' }) high!: number;
}

@ObjectType('ImpactGroup', { description: 'Synergies at one stage, and their summed impacts: each flow counted once, what is expected of them, and the gross potential beside.' })
export class ImpactGroupNode implements ImpactGroup {
  @Field(() => Int, { description: 'How many synergies.' }) synergyCount!: number;
  @Field(() => [ImpactTotalNode], {
    description:
      'Once-counted impacts: each output and input contributes at most its declared quantity across all the synergies of the territory, allocated greedily (operational first, then in progress, then suggested; substitutions before pools; highest score first) before summing. The figures to report (docs/impact-method.md §7).',
  })
  totals!: ImpactTotalNode[];
  @Field(() => [ImpactTotalNode], {
    description:
      'Expected impacts: the once-counted totals × the probability that a synergy at this stage happens. Suggested: 138 of 588 detected synergies concretised in the French PNSI 2015–2017 (23.5 %, low and high the 95 % interval of that count; source iec-pnsi-2017). In progress: an assumption, between that rate and certainty (central 61.7 %). Operational: whole. The central to quote for what the territory can expect (docs/impact-method.md §1).',
  })
  expectedTotals!: ImpactTotalNode[];
  @Field(() => [ImpactTotalNode], {
    description:
      'Gross potential: the plain sum of every synergy’s impacts, as if each got its whole match. Competing suggestions (several sources for one need, a pool over flows already substituted) are counted as many times as they are suggested: an upper bound, not a figure to report.',
  })
  grossTotals!: ImpactTotalNode[];
}

@ObjectType('TerritoryImpact', { description: 'Impacts of the synergies of a territory by stage, each flow counted once, with the gross potential beside (docs/impact-method.md).' })
export class TerritoryImpactNode implements TerritoryImpactTotals {
  @Field(() => ImpactGroupNode, { description: 'Suggested by the engine, not yet taken up.' }) suggested!: ImpactGroupNode;
  @Field(() => ImpactGroupNode, { description: 'Contact requested or accepted: being worked on.' }) inProgress!: ImpactGroupNode;
  @Field(() => ImpactGroupNode, { description: 'Running.' }) operational!: ImpactGroupNode;
}
