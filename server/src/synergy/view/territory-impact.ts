import type { EntityManager } from '@mikro-orm/postgresql';
import { allocateQuantities, sumFigures, type AllocationFlow, type AllocationStage, type AllocationSynergy, type ImpactTotal } from '../engine/allocation.js';
import type { Explanation, ImpactFigure, SynergyKind } from '../engine/engine.types.js';
import { figuresFor } from '../engine/declared-baseline.js';
import { expectedTotals } from '../engine/realisation.js';
import type { FlowUnit } from '../../vocabulary/flow.enums.js';
import { ANY_UUID, sqlList } from '../../db/sql.js';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { roundAggregate, type AggregateDisclosure } from '../../policy/impact-policy.js';

export type { ImpactTotal };

/**
 * Synergies at one stage and their impacts: each flow counted once (`totals`), what is expected of them (`totals` ×
 * the stage's realisation probability, engine/realisation.ts) and the gross potential beside.
 */
export interface ImpactGroup {
  synergyCount: number;
  totals: ImpactTotal[];
  expectedTotals: ImpactTotal[];
  grossTotals: ImpactTotal[];
}

/** Impacts of the synergies of a territory, by stage. */
export interface TerritoryImpactTotals {
  suggested: ImpactGroup;
  inProgress: ImpactGroup;
  operational: ImpactGroup;
}

type Json<T> = T | string;
const parse = <T>(value: Json<T>): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * Impact totals of the synergies of `territoryIds`, by stage; euros only when `withEuros` (territoryIndicatorAccess);
 * each group's sums as `disclose` decides from the number of organisations taking part in it (aggregateDisclosure),
 * over the synergies `counts` keeps (countsInAggregate). The quantities are allocated among the synergies counted
 * before anything is summed (engine/allocation.ts): what runs holds its flows first, then what is being built, then
 * the suggestions.
 */
export async function territoryImpact(
  em: EntityManager,
  territoryIds: string[],
  withEuros: boolean,
  disclose: (organizations: number) => AggregateDisclosure = () => 'EXACT',
  counts: (organizations: string[]) => boolean = () => true,
): Promise<TerritoryImpactTotals> {
  const rows: {
    id: string;
    key: string;
    kind: SynergyKind;
    pathway_id: string | null;
    score: number;
    status: string;
    operational: boolean;
    explanation: Json<Explanation> | null;
    impacts: Json<ImpactFigure[]>;
    organizations: string[];
  }[] = await em.execute(
    `select id, key, kind, pathway_id, score, status, operational, explanation, impacts,
       array(select distinct p.organization_id::text from synergy_participant p where p.synergy_id = synergy.id) as organizations
     from synergy where territory_id = ${ANY_UUID}
     and status in ('SUGGESTED', 'CONTACT_REQUESTED', 'ACCEPTED') and (current or origin = 'RECORDED')`,
    [sqlList(territoryIds)],
  );
  const counted = rows.filter((r) => counts(r.organizations));
  // A pool's members' destinations weigh what it keeps (allocation.ts): declared counterfactuals, read by facilitators.
  const flows = await synergyFlows(em, counted.map((r) => r.id), withEuros);
  const thresholds = viabilityThresholds();
  const contributors: Record<AllocationStage, Set<string>> = { SUGGESTED: new Set(), IN_PROGRESS: new Set(), OPERATIONAL: new Set() };
  const synergies = counted.map((row): AllocationSynergy => {
    const explanation = row.explanation === null ? null : parse(row.explanation);
    const stage: AllocationStage = row.operational ? 'OPERATIONAL' : row.status === 'SUGGESTED' ? 'SUGGESTED' : 'IN_PROGRESS';
    for (const o of row.organizations) contributors[stage].add(o);
    return {
      key: row.key,
      kind: row.kind,
      stage,
      score: row.score,
      unit: explanation?.unit ?? 'TONNE',
      matchedQuantity: explanation?.matchedQuantity ?? null,
      flows: flows.get(row.id) ?? [],
      viabilityThreshold: row.pathway_id ? thresholds.get(row.pathway_id) : undefined,
      // Facilitators (withEuros) read the figures built on declared counterfactuals; members the undeclared variants.
      impacts: figuresFor(parse(row.impacts), () => withEuros).filter((f) => withEuros || f.indicator !== 'EUROS_SAVED'),
    };
  });
  const allocated = allocateQuantities(synergies);
  const group = (stage: AllocationStage): ImpactGroup => {
    const totals = sumFigures(allocated.filter((s) => s.stage === stage).flatMap((s) => s.impacts));
    const exact: ImpactGroup = {
      synergyCount: synergies.filter((s) => s.stage === stage).length,
      totals,
      expectedTotals: expectedTotals(totals, stage),
      grossTotals: sumFigures(synergies.filter((s) => s.stage === stage).flatMap((s) => s.impacts)),
    };
    const disclosure = disclose(contributors[stage].size);
    if (disclosure === 'EXACT') return exact;
    const round = (t: ImpactTotal): ImpactTotal => ({ ...t, low: roundAggregate(t.low), central: roundAggregate(t.central), high: roundAggregate(t.high) });
    // The count too: which synergies the engine suggests moves with every declaration, the reader's included.
    const shown = (list: ImpactTotal[]) => (disclosure === 'ROUNDED' ? list.map(round) : []);
    return {
      synergyCount: roundAggregate(exact.synergyCount),
      totals: shown(exact.totals),
      expectedTotals: shown(exact.expectedTotals),
      grossTotals: shown(exact.grossTotals),
    };
  };
  return { suggested: group('SUGGESTED'), inProgress: group('IN_PROGRESS'), operational: group('OPERATIONAL') };
}

let thresholdCache: Map<string, number> | null = null;

/** Pools' viability thresholds by pathway id, from the knowledge base the detection uses. */
function viabilityThresholds(): Map<string, number> {
  thresholdCache ??= new Map(loadKnowledgeBase().pathways.flatMap((p) => (p.viabilityThreshold === undefined ? [] : [[p.id, p.viabilityThreshold] as const])));
  return thresholdCache;
}
/**
 * The flows of each synergy with their declared quantities: what the allocation shares out. Their destinations only
 * `withDestinations` (the facilitators): anyone else's totals weigh the pools as if none were declared.
 */
async function synergyFlows(em: EntityManager, synergyIds: string[], withDestinations: boolean): Promise<Map<string, AllocationFlow[]>> {
  const bySynergy = new Map<string, AllocationFlow[]>();
  if (synergyIds.length === 0) return bySynergy;
  const rows: { synergy_id: string; id: string; organization_id: string; yearly_quantity: number | null; unit: FlowUnit; current_destination: string | null }[] = await em.execute(
    `select distinct p.synergy_id, f.id, f.organization_id, f.yearly_quantity, f.unit, f.current_destination from synergy_participant p
     join resource_flow f on f.id = p.flow_id where p.synergy_id = ${ANY_UUID} order by f.id`,
    [sqlList(synergyIds)],
  );
  for (const r of rows) {
    const list = bySynergy.get(r.synergy_id) ?? [];
    list.push({ id: r.id, organizationId: r.organization_id, yearlyQuantity: r.yearly_quantity === null ? null : Number(r.yearly_quantity), unit: r.unit, currentDestination: withDestinations ? r.current_destination : null });
    bySynergy.set(r.synergy_id, list);
  }
  return bySynergy;
}
