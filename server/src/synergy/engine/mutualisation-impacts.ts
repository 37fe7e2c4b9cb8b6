import type { Pathway } from '../knowledge/knowledge-base.types.js';
import type { CompiledKnowledgeBase } from './compiled-knowledge-base.js';
import type { EngineFlow, ImpactFactorUse, ImpactFigure } from './engine.types.js';
import {
  TAKE_UP_USE,
  ELECTRICITY_FACTOR_ID,
  resolveFactor,
  declaredQuantityUses,
  sharedFactors,
  TAKE_UP,
  UNIT_LABEL,
  divertedShare,
  figure,
  fmt,
  joinFactors,
  pct,
  scaleRange,
  spreadRange,
  transportFactor,
  typicalCostUse,
  type Range,
} from './impact-factors.js';
import { avoidedTerms, co2Figure, jobFigures, physicalFigure, type JobsChange } from './impact-figures.js';
import { convertQuantity } from './units.js';
import { flat } from './shared-items.js';
import { applyPoolTreatment } from './treatment-terms.js';
import { poolDeclaredVariants, withoutDeclarations, type PlainFlows } from './declared-baseline.js';

/**
 * Impacts of pooling a stream or a need. Pooling does not create the resource; it saves on logistics and
 * purchasing and makes a stream large enough to be recovered. The savings rest on the named assumptions below
 * (docs/impact-method.md): change them here, nowhere else.
 */

/**
 * Share of each member's collection (disposal) cost saved by one pooled collection: 20 % (10 to 30 %). No source is
 * cited for the central: an order of magnitude of a pooled tender, shown as an assumption with its range. The one
 * documented case found (knowledge-base source `ademe-optigede-genlis-auxonne`: a pooled collection brought the cost
 * of a tonne from 131 to 93 EUR in 2005, −29 %) sits at the high end; one case is not a central.
 */
export const POOLED_COLLECTION_COST_SAVING_RANGE: Range = { low: 0.1, central: 0.2, high: 0.3 };
export const POOLED_COLLECTION_COST_SAVING = POOLED_COLLECTION_COST_SAVING_RANGE.central;
const POOLED_COLLECTION_CASE = '; one documented case: 131 → 93 EUR/t, −29 %, source ademe-optigede-genlis-auxonne';
/** Share of each member's purchase cost saved by a group purchase, a shared equipment or service: 10 % (5 to 15 %), assumed. */
export const GROUP_PURCHASE_COST_SAVING_RANGE: Range = { low: 0.05, central: 0.1, high: 0.15 };
export const GROUP_PURCHASE_COST_SAVING = GROUP_PURCHASE_COST_SAVING_RANGE.central;
/** Share of truck kilometres saved when one round collects (or delivers to) the whole group. */
export const POOLED_TRUCK_KM_SAVING = 0.3;
/** Road distance a member's stream travels today to its collector or from its supplier, km. */
export const BASELINE_COLLECTION_DISTANCE_KM = 25;
/** The two pooling conventions behind the transport saved, shown as assumptions (docs/impact-method.md § 9). */
const POOLED_TRANSPORT_USES = Object.freeze([
  Object.freeze({ id: 'pooled-truck-km-saving', value: POOLED_TRUCK_KM_SAVING, unit: 'share of truck km saved (assumed, not varied in the range)', sourceId: null, kind: 'ASSUMPTION' }),
  Object.freeze({ id: 'baseline-collection-distance', value: BASELINE_COLLECTION_DISTANCE_KM, unit: 'km to the collector today (assumed, not varied in the range)', sourceId: null, kind: 'ASSUMPTION' }),
]) as ImpactFactorUse[];
/**
 * A joint maintenance and leak-detection contract for compressed air saves electricity, not the sites' whole
 * consumption: leaks waste 10 to 30 % of a compressor's output, and reducing them is worth about 20 % (Radgen and
 * Blaustein 2001, reported in the BREF Energy Efficiency 2009, § 3.7). Applied to the pathways listed here.
 */
export const LEAK_REPAIR_SAVING: Range = { low: 0.1, central: 0.2, high: 0.3 };
export const LEAK_REPAIR_SOURCE_ID = 'bref-energy-efficiency-2009';
export const LEAK_REPAIR_PATHWAYS = ['group-purchase-compressed-air-maintenance'];
/** Members whose stream is already recycled or reused: a collection they declared no cost for is not a cost saved. */
const RECOVERED_TODAY = new Set(['RECYCLING', 'REUSE']);

export interface PooledMember {
  flow: EngineFlow;
  /** In the pathway's unit; null when unknown. */
  quantity: number | null;
}

export interface MutualisationImpactInput {
  pathway: Pathway;
  direction: 'OUTPUT' | 'INPUT';
  /** Sorted by flow id. */
  members: PooledMember[];
  /** Sum of the known quantities; null when none is known. */
  pooledQuantity: number | null;
}

/**
 * A pool's figures. Where members declared where their streams go today (confidential, declared-baseline.ts), the
 * figures that destination changes exist twice, on the declarations and as if none were made.
 */
export function mutualisationImpacts(input: MutualisationImpactInput, kb: CompiledKnowledgeBase, plainFlows?: PlainFlows): ImpactFigure[] {
  const declared = poolFigures(input, kb);
  let declaring = false;
  for (let k = 0; k < input.members.length && !declaring; k++) declaring = input.members[k].flow.currentDestination != null;
  if (!declaring) return declared;
  const members = input.members.map((m): PooledMember => ({ flow: withoutDeclarations(m.flow, plainFlows), quantity: m.quantity }));
  return poolDeclaredVariants(declared, poolFigures({ ...input, members }, kb), input.members);
}

function poolFigures(input: MutualisationImpactInput, kb: CompiledKnowledgeBase): ImpactFigure[] {
  const { pathway, members, pooledQuantity: pooled } = input;
  const figures: ImpactFigure[] = [];
  const known: PooledMember[] = [];
  for (let k = 0; k < members.length; k++) if (members[k].quantity !== null) known.push(members[k]);
  const unchanged = input.direction === 'OUTPUT' && pathway.impact.treatmentUnchanged === true;
  const leakRepair = LEAK_REPAIR_PATHWAYS.includes(pathway.id);
  if (pooled !== null && input.direction === 'OUTPUT') {
    const tonnes = unchanged ? unchangedFigure(pathway, known) : divertedFigure(pathway, known);
    if (tonnes) figures.push(tonnes);
  } else if (pooled !== null && leakRepair) {
    figures.push(...leakRepairFigures(pathway, pooled, kb));
  } else if (pooled !== null && pathway.impact.indicator !== 'ENERGY') {
    // Pooling a need for energy (a group purchase, a shared network) recovers no energy: no MWh figure.
    const physical = physicalFigure(pathway, pooled, { low: 1, central: 1, high: 1 }, null);
    if (physical && physical.indicator !== 'TONNES_DIVERTED') figures.push(physical);
  }
  if (pooled !== null && !leakRepair) {
    const diverted: Range = { low: 0, central: 0, high: 0 };
    if (input.direction === 'OUTPUT' && !unchanged) {
      for (const m of known) {
        const share = divertedShare(m.flow.currentDestination);
        diverted.low += m.quantity! * share.low;
        diverted.central += m.quantity! * share.central;
        diverted.high += m.quantity! * share.high;
      }
    }
    // Pooling a stream that is already recycled avoids no production: only the share it diverts from disposal does
    // (the declared destination is the baseline, as for tonnes diverted). Pooled needs keep the whole quantity.
    // A delivery pool saves a share of its members' trips (POOLED_TRUCK_KM_SAVING), not every trip they make.
    const trips = input.direction === 'INPUT' && pathway.family === 'LOGISTICS';
    // A pooled stream's avoided production spans the diverted range (its low and high shares), as a pair's spans its
    // baseline's share: 1 unit × the diverted quantities. On the central alone, the low and high of a pool whose
    // process terms span the shares (heat lost, distillation) were not those of its members' pairs.
    const stream = input.direction === 'OUTPUT';
    const produced = stream ? 1 : trips ? pooled * POOLED_TRUCK_KM_SAVING : pooled;
    const label = ' (members\' diverted share)';
    const merged = unchanged ? [] : avoidedTerms(pathway, produced, diverted, label, kb, pathway.impact.avoidedProductionFactorId, stream ? diverted : undefined);
    if (trips) for (const t of merged) t.label = `${t.label} (${pct(POOLED_TRUCK_KM_SAVING)} of ${fmt(pooled)} trips saved by pooling)`;
    // The pooled stream goes to a treatment: its recycling yield and process terms, as a substitution to that
    // treatment would count them (treatment-terms.ts), before the transport saved is added.
    const treated = input.direction === 'OUTPUT' ? applyPoolTreatment(pathway, known, merged, kb) : null;
    const tonnes = pathway.impact.indicator === 'MASS' ? convertQuantity(pooled, pathway.unit, 'TONNE') : null;
    if (tonnes !== null) {
      const saved = tonnes * BASELINE_COLLECTION_DISTANCE_KM * POOLED_TRUCK_KM_SAVING;
      merged.push({
        label: `transport saved (${pct(POOLED_TRUCK_KM_SAVING)} of ${fmt(tonnes)} t × ${BASELINE_COLLECTION_DISTANCE_KM} km)`,
        quantity: scaleRange({ low: saved, central: saved, high: saved }, TAKE_UP),
        quantityUnit: 't·km',
        factor: transportFactor(kb),
        sign: 1,
      });
    }
    if (merged.length > 0) {
      const co2 = co2Figure(pathway, merged);
      if (tonnes !== null) co2.factors = joinFactors(co2.factors, POOLED_TRANSPORT_USES);
      if (treated?.yieldUse) co2.factors = joinFactors(co2.factors, treated.yieldUse);
      if (treated) co2.formula = flat(`${co2.formula}${treated.note}`);
      figures.push(co2);
    }
  }
  costSavings(input, figures);
  if (pooled !== null) {
    // A pooled stream creates work on its diverted part only: tonnes already recycled are already collected and
    // sorted. Insertion jobs: the part of that work on the streams of insertion or SSE members, who take part in it.
    const outputs = input.direction === 'OUTPUT';
    // Summed in the members' order, as before (the same additions, the same rounding).
    let worked = 0;
    let insertion = 0;
    for (let k = 0; k < known.length; k++) {
      const m = known[k];
      const weight = m.quantity! * (outputs ? divertedShare(m.flow.currentDestination).central : 1);
      worked += weight;
      if (m.flow.insertion || m.flow.organizationKind === 'SSE') insertion += weight;
    }
    const change = outputs ? (poolJobsChange(known, unchanged) ?? divertedJobs(pooled, worked)) : undefined;
    const jobs = jobFigures(pathway, pooled, worked > 0 ? insertion / worked : 0, 'of the pooled volume that changes route', change);
    for (let k = 0; k < jobs.length; k++) figures.push(jobs[k]);
  }
  return figures.slice();
}

/** Electricity saved by fixing leaks (MWh, reported as MWH_RECOVERED) and its CO2e, ADEME French mix. */
function leakRepairFigures(pathway: Pathway, pooled: number, kb: CompiledKnowledgeBase): ImpactFigure[] {
  const mwh = convertQuantity(pooled, pathway.unit, 'MEGAWATT_HOUR');
  if (mwh === null) return [];
  const saved = scaleRange({ low: mwh, central: mwh, high: mwh }, LEAK_REPAIR_SAVING);
  const rate: ImpactFactorUse = { id: 'leak-repair-saving', value: LEAK_REPAIR_SAVING.central, unit: 'share of consumption', sourceId: LEAK_REPAIR_SOURCE_ID, kind: 'TECHNICAL' };
  const figures = [
    figure(
      {
        indicator: 'MWH_RECOVERED',
        unit: 'MWh',
        formula: `${fmt(mwh)} MWh of compressor electricity × ${pct(LEAK_REPAIR_SAVING.central)} saved by fixing leaks (${pct(LEAK_REPAIR_SAVING.low)}–${pct(LEAK_REPAIR_SAVING.high)}) = ${fmt(saved.central)} MWh of electricity saved`,
        factors: sharedFactors(pathway, 'leak-repair', () => [rate]),
        basis: 'MIXED',
        organizationId: null,
      },
      saved,
    ),
  ];
  const electricity = resolveFactor(kb, ELECTRICITY_FACTOR_ID);
  if (electricity) {
    const f = co2Figure(pathway, [{ label: 'electricity saved by fixing leaks', quantity: saved, quantityUnit: 'MWh', factor: electricity, sign: 1 }]);
    figures.push({ ...f, factors: [...f.factors, rate] });
  }
  return figures;
}

/**
 * Jobs of a pooled stream: none when the pool keeps the treatment, or when every member already recycles or reuses
 * its stream (a joint tender: the jobs move with the contract, they are not created); else on the pooled volume.
 */
function poolJobsChange(known: PooledMember[], unchanged: boolean): JobsChange | undefined {
  if (unchanged) return { share: 0, note: 'the pool shares the collection and the streams keep today\'s treatment: jobs moved, not created' };
  if (known.length === 0 || known.some((m) => divertedShare(m.flow.currentDestination).central > 0)) return undefined;
  return { share: 0, note: 'every member\'s stream is already recycled or reused today (a joint tender): jobs moved, not created' };
}

/** Jobs of a pooled stream on its diverted part: the members' tonnes, each by the share its destination diverts. */
function divertedJobs(pooled: number, worked: number): JobsChange | undefined {
  if (pooled <= 0 || worked >= pooled) return undefined;
  return { share: worked / pooled, note: ' (the diverted part of the pooled volume: members already recycling create no work)' };
}

/** TONNES_DIVERTED of a pool that keeps the treatment: 0, and why. */
function unchangedFigure(pathway: Pathway, known: PooledMember[]): ImpactFigure | null {
  if (pathway.impact.indicator !== 'MASS') return null;
  let total = 0;
  for (const m of known) total += convertQuantity(m.quantity, pathway.unit, 'TONNE') ?? 0;
  return figure(
    {
      indicator: 'TONNES_DIVERTED',
      unit: 't',
      formula: `0 t of ${fmt(total)} t pooled: a pooled collection changes the logistics, not the treatment — the streams go to the same treatment as today`,
      factors: declaredQuantityUses(total, 't'),
      basis: 'DECLARED',
      organizationId: null,
    },
    { low: 0, central: 0, high: 0 },
  );
}

function divertedFigure(pathway: Pathway, known: PooledMember[]): ImpactFigure | null {
  if (pathway.impact.indicator !== 'MASS') return null;
  const range: Range = { low: 0, central: 0, high: 0 };
  let total = 0;
  for (const m of known) {
    const t = convertQuantity(m.quantity, pathway.unit, 'TONNE');
    if (t === null) return null;
    total += t;
    // scaleRange twice, written out (the same products in the same order): three ranges per member otherwise.
    const share = divertedShare(m.flow.currentDestination);
    range.low += t * TAKE_UP.low * share.low;
    range.central += t * TAKE_UP.central * share.central;
    range.high += t * TAKE_UP.high * share.high;
  }
  return figure(
    {
      indicator: 'TONNES_DIVERTED',
      unit: 't',
      formula: `sum of members' t × share diverted by their baseline = ${fmt(range.central)} t of ${fmt(total)} t pooled`,
      factors: declaredQuantityUses(total, 't'),
      basis: 'DECLARED',
      organizationId: null,
    },
    range,
  );
}

/** What a pathway's cost savings say the same for every pool (see savingTermsOf). */
interface SavingTerms {
  saving: number;
  declaredLow: number;
  declaredHigh: number;
  spread: Range;
  typical: number | undefined;
  /** What follows a member's declared cost, and its quantity on a typical cost, in its part of the formula. */
  declaredTail: string;
  typicalTail: string;
  declaredFactors: ImpactFactorUse[];
  typicalFactors: ImpactFactorUse[];
}

const SAVING_TERMS = new WeakMap<Pathway, Partial<Record<'OUTPUT' | 'INPUT', SavingTerms>>>();

/**
 * The rate, its range, the words and the factors of a pathway's cost savings, by direction: made once (they were
 * made again for each of the 5.8k pools of 100k flows, with two names and two closures to find the shared lists).
 * Everything they rest on is read here from the pathway and the direction, the memory's keys: nothing a caller
 * passes could make one pool's terms another's.
 */
function savingTermsOf(pathway: Pathway, direction: 'OUTPUT' | 'INPUT'): SavingTerms {
  let byDirection = SAVING_TERMS.get(pathway);
  if (!byDirection) SAVING_TERMS.set(pathway, (byDirection = {}));
  const known = byDirection[direction];
  if (known) return known;
  const leakRepair = LEAK_REPAIR_PATHWAYS.includes(pathway.id) ? LEAK_REPAIR_SAVING : null;
  // The saving's range: a leak campaign's 10–30 % of the electricity bill (TECHNICAL), else the pooling assumption's
  // range × the expected take-up (70 %, 85 %, 100 %): not every member joins for its whole stream.
  const rate = leakRepair ?? (direction === 'OUTPUT' ? POOLED_COLLECTION_COST_SAVING_RANGE : GROUP_PURCHASE_COST_SAVING_RANGE);
  const spread = leakRepair ? rate : scaleRange(rate, TAKE_UP);
  const saving = spread.central;
  const typical = direction === 'OUTPUT' ? pathway.impact.typicalDisposalEurPerUnit : pathway.impact.typicalPurchaseEurPerUnit;
  const unitLabel = UNIT_LABEL[pathway.unit] ?? pathway.unit;
  const savingId = leakRepair ? 'leak-repair-saving' : direction === 'OUTPUT' ? 'pooled-collection-cost-saving' : 'group-purchase-cost-saving';
  const savingUse: ImpactFactorUse = leakRepair
    ? { id: savingId, value: saving, unit: 'share', sourceId: LEAK_REPAIR_SOURCE_ID, kind: 'TECHNICAL' }
    : { id: savingId, value: rate.central, unit: `share (low ${rate.low}, high ${rate.high}; assumed${direction === 'OUTPUT' ? POOLED_COLLECTION_CASE : ''})`, sourceId: null, kind: 'ASSUMPTION' };
  const what = direction === 'OUTPUT' ? 'collection' : 'purchase';
  const savedText = leakRepair ? `${pct(saving)} saved by fixing leaks` : `${pct(rate.central)} saved × ${pct(TAKE_UP.central)} take-up`;
  const terms: SavingTerms = {
    saving,
    declaredLow: spread.low / spread.central,
    declaredHigh: spread.high / spread.central,
    spread,
    typical,
    declaredTail: flat(` EUR declared ${what} × ${savedText}`),
    typicalTail: typical === undefined ? '' : flat(` ${unitLabel} × ${fmt(typical)} EUR/${unitLabel} typical ${what} × ${savedText}`),
    declaredFactors: sharedFactors(pathway, `${savingId}:declared`, () => [savingUse, ...(leakRepair ? [] : [TAKE_UP_USE])]),
    typicalFactors: sharedFactors(pathway, `${savingId}:typical`, () => [
      savingUse,
      ...(leakRepair ? [] : [TAKE_UP_USE]),
      typicalCostUse(pathway, direction === 'OUTPUT' ? 'typical-disposal-cost' : 'typical-purchase-cost', typical ?? 0, `EUR/${unitLabel}`),
    ]),
  };
  byDirection[direction] = terms;
  return terms;
}

/** Euros each member organisation saves (a share of its declared cost, else of a typical cost), added to `figures`. */
function costSavings(input: MutualisationImpactInput, figures: ImpactFigure[]): void {
  const { saving, declaredLow, declaredHigh, spread, typical, declaredTail, typicalTail, declaredFactors, typicalFactors } = savingTermsOf(
    input.pathway,
    input.direction,
  );
  // By organisation, in a list kept sorted by id (a pool has a dozen members at most: no Map, no sort).
  const orgs: OrgSaving[] = [];
  for (const m of input.members) {
    const cost = m.flow.yearlyCostEur;
    let part: string;
    let low: number;
    let central: number;
    let high: number;
    let declared = false;
    if (cost !== null && cost > 0) {
      central = cost * saving;
      low = central * declaredLow;
      high = central * declaredHigh;
      declared = true;
      part = fmt(cost) + declaredTail;
    } else if (input.direction === 'OUTPUT' && RECOVERED_TODAY.has(m.flow.currentDestination ?? '')) {
      // Already recycled or reused, and no cost declared: the stream is most likely sold or taken free; no typical
      // collection cost is credited.
      continue;
    } else if (typical !== undefined && typical > 0 && m.quantity !== null) {
      const r = scaleRange(spreadRange(m.quantity * typical), spread);
      ({ low, central, high } = r);
      part = fmt(m.quantity) + typicalTail;
    } else continue;
    const id = m.flow.organizationId;
    let at = orgs.length;
    while (at > 0 && orgs[at - 1].organizationId > id) at--;
    const org = at > 0 && orgs[at - 1].organizationId === id ? orgs[at - 1] : null;
    if (!org) {
      const first: OrgSaving = { organizationId: id, low, central, high, declared: declared ? 1 : 0, typical: declared ? 0 : 1, formula: part };
      orgs.push(first);
      for (let k = orgs.length - 1; k > at; k--) orgs[k] = orgs[k - 1];
      orgs[at] = first;
      continue;
    }
    org.low += low;
    org.central += central;
    org.high += high;
    if (declared) org.declared++;
    else org.typical++;
    org.formula += ` + ${part}`;
  }
  for (const org of orgs) {
    figures.push(
      figure(
        {
          indicator: 'EUROS_SAVED',
          unit: 'EUR',
          formula: `${org.formula} = ${fmt(org.central)} EUR`,
          factors: org.typical > 0 ? typicalFactors : declaredFactors,
          basis: org.declared > 0 && org.typical > 0 ? 'MIXED' : org.declared > 0 ? 'DECLARED' : 'TYPICAL',
          organizationId: org.organizationId,
        },
        org,
        0,
      ),
    );
  }
}

interface OrgSaving extends Range {
  organizationId: string;
  declared: number;
  typical: number;
  formula: string;
}
