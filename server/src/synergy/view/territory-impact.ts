import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { ImpactFigure } from '../engine/engine.types.js';
import { ANY_UUID, sqlList } from '../../db/sql.js';

@ObjectType('ImpactTotal', { description: 'The sum of one indicator over a group of synergies.' })
export class ImpactTotalNode {
  @Field(() => String, { description: 'Indicator (see ImpactFigure).' }) indicator!: string;
  @Field(() => String, { description: 'Unit.' }) unit!: string;
  @Field(() => Float, { description: 'Sum of the low estimates.' }) low!: number;
  @Field(() => Float, { description: 'Sum of the central estimates.' }) central!: number;
  @Field(() => Float, { description: 'Sum of the high estimates.' }) high!: number;
}

@ObjectType('ImpactGroup', { description: 'Synergies at one stage, and their summed impacts.' })
export class ImpactGroupNode {
  @Field(() => Int, { description: 'How many synergies.' }) synergyCount!: number;
  @Field(() => [ImpactTotalNode], { description: 'Summed impacts.' }) totals!: ImpactTotalNode[];
}

@ObjectType('TerritoryImpact', { description: 'Impacts of the synergies of a territory by stage (docs/impact-method.md).' })
export class TerritoryImpactNode {
  @Field(() => ImpactGroupNode, { description: 'Suggested by the engine, not yet taken up.' }) suggested!: ImpactGroupNode;
  @Field(() => ImpactGroupNode, { description: 'Contact requested or accepted: being worked on.' }) inProgress!: ImpactGroupNode;
  @Field(() => ImpactGroupNode, { description: 'Running.' }) operational!: ImpactGroupNode;
}

/** Impact totals of the synergies of `territoryIds`, by stage; euros only when `withEuros` (territoryIndicatorAccess). */
export async function territoryImpact(em: EntityManager, territoryIds: string[], withEuros: boolean): Promise<TerritoryImpactNode> {
  const rows: { status: string; operational: boolean; impacts: ImpactFigure[] | string }[] = await em.execute(
    `select status, operational, impacts from synergy where territory_id = ${ANY_UUID}
     and status in ('SUGGESTED', 'CONTACT_REQUESTED', 'ACCEPTED') and (current or origin = 'RECORDED')`,
    [sqlList(territoryIds)],
  );
  const groups = { suggested: [] as ImpactFigure[][], inProgress: [] as ImpactFigure[][], operational: [] as ImpactFigure[][] };
  for (const row of rows) {
    const impacts = typeof row.impacts === 'string' ? (JSON.parse(row.impacts) as ImpactFigure[]) : row.impacts;
    const group = row.operational ? groups.operational : row.status === 'SUGGESTED' ? groups.suggested : groups.inProgress;
    group.push(impacts.filter((f) => withEuros || f.indicator !== 'EUROS_SAVED'));
  }
  const sum = (list: ImpactFigure[][]): ImpactGroupNode => {
    const totals = new Map<string, ImpactTotalNode>();
    for (const f of list.flat()) {
      const key = `${f.indicator}|${f.unit}`;
      const t = totals.get(key) ?? { indicator: f.indicator, unit: f.unit, low: 0, central: 0, high: 0 };
      t.low += f.low;
      t.central += f.central;
      t.high += f.high;
      totals.set(key, t);
    }
    return { synergyCount: list.length, totals: [...totals.values()].sort((a, b) => a.indicator.localeCompare(b.indicator)) };
  };
  return { suggested: sum(groups.suggested), inProgress: sum(groups.inProgress), operational: sum(groups.operational) };
}
