import { Field, Float, InterfaceType } from 'type-graphql';

/**
 * What every estimate with its range has, a synergy's figure (ImpactFigure) and a territory's total (ImpactTotal)
 * alike: clients select these fields once, through one fragment on this interface.
 */
@InterfaceType('ImpactRange', { description: 'An estimated indicator with its range: low, central and high, in a unit.' })
export abstract class ImpactRangeNode {
  @Field(() => String, { description: 'TONNES_DIVERTED, MWH_RECOVERED, WATER_M3_SAVED, CO2E_AVOIDED_T, EUROS_SAVED, JOBS or INSERTION_JOBS.' })
  indicator!: string;

  @Field(() => Float, { description: 'Low estimate.' }) low!: number;
  @Field(() => Float, { description: 'Central estimate.' }) central!: number;
  @Field(() => Float, { description: 'High estimate.' }) high!: number;
  @Field(() => String, { description: 'Unit.' }) unit!: string;
}
