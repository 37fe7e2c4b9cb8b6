import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImpactFigure } from '../engine/engine.types.js';
import { ANY_UUID, sqlList } from '../../db/sql.js';
import { roundAggregate, type AggregateDisclosure } from '../../policy/impact-policy.js';

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

/**
 * Impact totals of the synergies of `territoryIds`, by stage; euros only when `withEuros` (territoryIndicatorAccess);
 * each group's sums as `disclose` decides from the number of organisations taking part in it (aggregateDisclosure),
 * over the synergies `counts` keeps (countsInAggregate).
 */
export async function territoryImpact(
  em: EntityManager,
  territoryIds: string[],
  withEuros: boolean,
  disclose: (organizations: number) => AggregateDisclosure = () => 'EXACT',
  counts: (organizations: string[]) => boolean = () => true,
): Promise<TerritoryImpactTotals> {
  const rows: { status: string; operational: boolean; impacts: ImpactFigure[] | string; organizations: string[] }[] = await em.execute(
    `select status, operational, impacts,
       array(select distinct p.organization_id::text from synergy_participant p where p.synergy_id = synergy.id) as organizations
     from synergy where territory_id = ${ANY_UUID}
     and status in ('SUGGESTED', 'CONTACT_REQUESTED', 'ACCEPTED') and (current or origin = 'RECORDED')`,
    [sqlList(territoryIds)],
  );
  const groups = { suggested: [] as ImpactFigure[][], inProgress: [] as ImpactFigure[][], operational: [] as ImpactFigure[][] };
  const contributors = { suggested: new Set<string>(), inProgress: new Set<string>(), operational: new Set<string>() };
  for (const row of rows.filter((r) => counts(r.organizations))) {
    const impacts = typeof row.impacts === 'string' ? (JSON.parse(row.impacts) as ImpactFigure[]) : row.impacts;
    const stage = row.operational ? 'operational' : row.status === 'SUGGESTED' ? 'suggested' : 'inProgress';
    groups[stage].push(impacts.filter((f) => withEuros || f.indicator !== 'EUROS_SAVED'));
    for (const o of row.organizations) contributors[stage].add(o);
  }
  const gate = (group: ImpactGroup, organizations: Set<string>): ImpactGroup => {
    const disclosure = disclose(organizations.size);
    if (disclosure === 'EXACT') return group;
    const round = (t: ImpactTotal): ImpactTotal => ({ ...t, low: roundAggregate(t.low), central: roundAggregate(t.central), high: roundAggregate(t.high) });
    // The count too: which synergies the engine suggests moves with every declaration, the reader's included.
    return { synergyCount: roundAggregate(group.synergyCount), totals: disclosure === 'ROUNDED' ? group.totals.map(round) : [] };
  };
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
  return {
    suggested: gate(sum(groups.suggested), contributors.suggested),
    inProgress: gate(sum(groups.inProgress), contributors.inProgress),
    operational: gate(sum(groups.operational), contributors.operational),
  };
}
