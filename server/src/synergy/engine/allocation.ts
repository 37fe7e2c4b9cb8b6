import type { FlowUnit } from '../../vocabulary/flow.enums.js';
import type { ImpactFigure, ImpactIndicator, SynergyKind } from './engine.types.js';
import { divertedShare } from './impact-factors.js';
import { convertQuantity } from './units.js';

/**
 * Allocation of declared quantities among synergies shown together, before any sum: each output and each input
 * contributes at most its declared yearly quantity, whatever the number of suggestions that claim it. Three heat
 * sources for one network's 12,000 MWh give 12,000 MWh, not 36,000; a pool over tonnes already taken by a
 * substitution counts only the tonnes left.
 *
 * Method: a greedy allocation by a stated priority, not a linear program. A linear program maximising one indicator
 * at a time gives a different allocation for each indicator (an upper bound per indicator, not a set of synergies
 * that can run together); the greedy gives one allocation for all indicators, reproducible by hand and explainable
 * to the parties ("the stronger suggestion is served first"). The priority:
 *   1. stage: operational, then in progress, then suggested — what runs or is being built holds its quantity first;
 *   2. substitutions before pools — a substitution changes the route of the flow, a pool only its logistics or
 *      purchase, so a pool's figures on a flow a substitution already takes would count the flow twice;
 *   3. score, highest first; then the key, so that equal scores give the same answer every time.
 * Each synergy takes, in its pathway's unit, the least of its matched quantity and what its flows have left (a pool
 * left below its viability threshold takes nothing); its figures are scaled by the share it gets (its euros in a pool, by each organisation's share). The scaling is linear
 * (a heat pump's electricity, a pool's fixed savings scale with the quantity): a once-counted estimate, beside the
 * gross potential, which is the plain sum.
 */

export type AllocationStage = 'OPERATIONAL' | 'IN_PROGRESS' | 'SUGGESTED';
const STAGE_RANK: Record<AllocationStage, number> = { OPERATIONAL: 0, IN_PROGRESS: 1, SUGGESTED: 2 };

export interface AllocationFlow {
  id: string;
  organizationId: string;
  /** Declared, in `unit`; null when unknown (the flow then limits nothing). */
  yearlyQuantity: number | null;
  unit: FlowUnit | `${FlowUnit}`;
  /**
   * Where an output goes today (`currentDestination`): a pool's tonnes diverted, CO2e and jobs count only the
   * diverted part of each member's stream, so the pool keeps them by the members' diverted share, not their tonnes.
   * Absent or null for an input, or an undeclared destination (assumed disposal, the whole stream diverted).
   */
  currentDestination?: string | null;
}

export interface AllocationSynergy {
  key: string;
  kind: SynergyKind;
  stage: AllocationStage;
  score: number;
  /** The pathway's unit, in which `matchedQuantity` is given. */
  unit: FlowUnit | `${FlowUnit}`;
  /** Substitution: the least of both sides; pool: the members' sum. Null: nothing to allocate (recorded by hand). */
  matchedQuantity: number | null;
  flows: AllocationFlow[];
  impacts: ImpactFigure[];
  /** Pools: the pooled quantity (in `unit`) below which pooling is not worth it (the pathway's `viabilityThreshold`). */
  viabilityThreshold?: number;
}

export interface AllocatedSynergy {
  key: string;
  stage: AllocationStage;
  /** Share of its matched quantity the synergy keeps once earlier ones took theirs, in [0, 1]. */
  share: number;
  /** Its figures scaled by that share. */
  impacts: ImpactFigure[];
  /** What it takes of each flow whose quantity is known, in the flow's own unit. */
  taken: { flowId: string; quantity: number }[];
}

/** What each synergy keeps of its figures when every flow is counted once (see the priority above). */
export function allocateQuantities(synergies: AllocationSynergy[]): AllocatedSynergy[] {
  const left = new Map<string, number>();
  const remaining = (flow: AllocationFlow): number | null => {
    if (flow.yearlyQuantity === null || !(flow.yearlyQuantity > 0)) return null;
    return left.get(flow.id) ?? flow.yearlyQuantity;
  };
  const take = (flow: AllocationFlow, amount: number, unit: AllocationSynergy['unit'], taken: AllocatedSynergy['taken']) => {
    const have = remaining(flow);
    const inFlowUnit = convertQuantity(amount, unit, flow.unit);
    if (have === null || inFlowUnit === null) return;
    const part = Math.min(have, inFlowUnit);
    left.set(flow.id, have - part);
    taken.push({ flowId: flow.id, quantity: part });
  };
  /** What `flow` has left, in the synergy's unit; Infinity when its quantity is unknown or does not convert. */
  const available = (flow: AllocationFlow, unit: AllocationSynergy['unit']): number => {
    const have = remaining(flow);
    if (have === null) return Infinity;
    if (have === 0) return 0;
    return convertQuantity(have, flow.unit, unit) ?? Infinity;
  };

  return [...synergies].sort(byPriority).map((s): AllocatedSynergy => {
    const matched = s.matchedQuantity;
    if (matched === null || !(matched > 0) || s.flows.length === 0) return { key: s.key, stage: s.stage, share: 1, impacts: s.impacts, taken: [] };
    if (s.kind === 'SUBSTITUTION') {
      const amount = Math.min(matched, ...s.flows.map((f) => available(f, s.unit)));
      const taken: AllocatedSynergy['taken'] = [];
      for (const f of s.flows) take(f, amount, s.unit, taken);
      const share = amount / matched;
      return { key: s.key, stage: s.stage, share, impacts: s.impacts.map((f) => scaleFigure(f, share)), taken };
    }
    return allocatePool(s, available, take);
  });
}

function allocatePool(
  s: AllocationSynergy,
  available: (flow: AllocationFlow, unit: AllocationSynergy['unit']) => number,
  take: (flow: AllocationFlow, amount: number, unit: AllocationSynergy['unit'], taken: AllocatedSynergy['taken']) => void,
): AllocatedSynergy {
  const members: { flow: AllocationFlow; kept: number }[] = [];
  const byOrganization = new Map<string, { declared: number; kept: number }>();
  const all = { kept: 0, declared: 0 };
  // The same sums weighted by each member's diverted share: what the pool's tonnes, CO2e and jobs rest on.
  const diverted = { kept: 0, declared: 0 };
  for (const flow of s.flows) {
    const own = convertQuantity(flow.yearlyQuantity, flow.unit, s.unit);
    if (own === null) continue;
    const member = Math.min(own, available(flow, s.unit));
    const weight = divertedShare(flow.currentDestination ?? null).central;
    members.push({ flow, kept: member });
    all.kept += member;
    all.declared += own;
    diverted.kept += member * weight;
    diverted.declared += own * weight;
    const org = byOrganization.get(flow.organizationId) ?? { declared: 0, kept: 0 };
    org.declared += own;
    org.kept += member;
    byOrganization.set(flow.organizationId, org);
  }
  // What the members have left may no longer make the pool worth running: then it runs on nothing and holds nothing.
  const viable = s.viabilityThreshold === undefined || all.declared === 0 || all.kept >= s.viabilityThreshold;
  const ratio = (p: { kept: number; declared: number }) => (p.declared > 0 ? Math.min(1, p.kept / p.declared) : 1);
  const share = viable ? ratio(all) : 0;
  // A substitution that took a landfilled member leaves the pool its recycled members, which divert nothing: scaling
  // the pool's tonnes by the tonnes left would count the landfilled member twice. The figures that rest on the
  // diverted part keep the lesser of both shares (CO2e also holds a transport saving on all the tonnes: the lesser
  // share never counts more than what is left).
  const divertedKept = viable ? Math.min(share, ratio(diverted)) : 0;
  const taken: AllocatedSynergy['taken'] = [];
  if (viable) for (const m of members) take(m.flow, m.kept, s.unit, taken);
  const impacts = s.impacts.map((f) => {
    const org = viable && f.indicator === 'EUROS_SAVED' && f.organizationId ? byOrganization.get(f.organizationId) : undefined;
    if (org) return scaleFigure(f, org.declared > 0 ? org.kept / org.declared : share);
    return scaleFigure(f, ON_DIVERTED_PART.has(f.indicator) ? divertedKept : share);
  });
  return { key: s.key, stage: s.stage, share, impacts, taken };
}

/** A pool's indicators counted on its members' diverted part only (mutualisation-impacts.ts). */
const ON_DIVERTED_PART = new Set<string>(['TONNES_DIVERTED', 'CO2E_AVOIDED_T', 'JOBS', 'INSERTION_JOBS']);

function byPriority(a: AllocationSynergy, b: AllocationSynergy): number {
  return (
    STAGE_RANK[a.stage] - STAGE_RANK[b.stage] ||
    (a.kind === b.kind ? 0 : a.kind === 'SUBSTITUTION' ? -1 : 1) ||
    b.score - a.score ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

function scaleFigure(f: ImpactFigure, share: number): ImpactFigure {
  if (share >= 1) return f;
  const round = (n: number) => Math.round(n * share * 1000) / 1000;
  return { ...f, low: round(f.low), central: round(f.central), high: round(f.high) };
}

/** The sum of one indicator over a group of synergies. */
export interface ImpactTotal {
  indicator: ImpactIndicator | string;
  unit: string;
  low: number;
  central: number;
  high: number;
}

/** Sums figures by indicator and unit, sorted by indicator. */
export function sumFigures(figures: Iterable<ImpactFigure>): ImpactTotal[] {
  const totals = new Map<string, ImpactTotal>();
  for (const f of figures) {
    const key = `${f.indicator}|${f.unit}`;
    const t = totals.get(key) ?? { indicator: f.indicator, unit: f.unit, low: 0, central: 0, high: 0 };
    t.low += f.low;
    t.central += f.central;
    t.high += f.high;
    totals.set(key, t);
  }
  return [...totals.values()].sort((a, b) => a.indicator.localeCompare(b.indicator));
}
