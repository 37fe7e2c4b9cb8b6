import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImpactFigure } from '../engine/engine.types.js';
import { ANY_UUID, sqlList } from '../../db/sql.js';

/** The sum of one indicator over a group of synergies. */
export interface ImpactTotal {
  indicator: string;
  unit: string;
  low: number;
  central: number;
  high: number;
}

/** Synergies at one stage, and their summed impacts. */
export interface ImpactGroup {
  synergyCount: number;
  totals: ImpactTotal[];
}

/** Impacts of the synergies of a territory, by stage. */
export interface TerritoryImpactTotals {
  suggested: ImpactGroup;
  inProgress: ImpactGroup;
  operational: ImpactGroup;
}

/** Impact totals of the synergies of `territoryIds`, by stage; euros only when `withEuros` (territoryIndicatorAccess). */
export async function territoryImpact(em: EntityManager, territoryIds: string[], withEuros: boolean): Promise<TerritoryImpactTotals> {
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
  const sum = (list: ImpactFigure[][]): ImpactGroup => {
    const totals = new Map<string, ImpactTotal>();
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
