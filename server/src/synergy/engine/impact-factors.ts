import type { FlowUnit } from '../../vocabulary/flow.enums.js';
import type { EmissionFactor, Pathway } from '../knowledge/knowledge-base.types.js';
import type { EngineFlow, ImpactFactorUse, ImpactFigure } from './engine.types.js';
import { flat } from './shared-items.js';
import { convertQuantity } from './units.js';
import { fmt, POW10 } from './formula-numbers.js';

// Formulas' numbers are said by formula-numbers.ts; re-exported for the modules that read them with the factors.
export { fmt, pct, POW10 } from './formula-numbers.js';

/**
 * The shared vocabulary of the impact calculation: ranges (low / central / high), emission factors with their
 * spread, baselines set by an output's declared destination, the formatting of formulas, and the pair a
 * substitution's impacts are computed for.
 */

export interface SubstitutionImpactInput {
  pathway: Pathway;
  output: EngineFlow;
  input: EngineFlow;
  /** In the pathway's unit; null when a side's quantity is unknown (no figure can then be computed). */
  matchedQuantity: number | null;
  coverage: { output: number | null; input: number | null };
  transport: { tonneKm: number; trips: number | null } | null;
}

export interface Range {
  low: number;
  central: number;
  high: number;
}

/** Spread applied when a factor or typical value comes without a range: ±30 %. */
export const DEFAULT_SPREAD = 0.3;
/**
 * The knowledge base's road freight factor, by preference: "road-freight-truck", else the articulated truck of
 * ADEME Base Carbone, else the first factor per t·km (by id); the engine's default only when there is none.
 */
export const TRANSPORT_FACTOR_IDS = ['road-freight-truck', 'ef-truck-articulated-tkm'];
/** Used when the knowledge base has no road freight factor: 0.1 kg CO2e per t·km (articulated truck, rounded). */
export const DEFAULT_TRANSPORT_FACTOR: EmissionFactor = {
  id: 'road-freight-default',
  labelFr: 'Transport routier (valeur par défaut du moteur)',
  labelEn: 'Road freight (engine default)',
  value: 0.1,
  unit: 'kgCO2e/t.km',
  sourceId: '',
  databaseEntry: 'engine default: articulated truck, rounded',
  vintage: 'none',
  derivation: 'ORDER_OF_MAGNITUDE',
};
/**
 * Share of the matched quantity that really moves: not every tonne matched on paper is taken up (quality lots
 * refused, seasonal gaps, a partner that takes part only). The central value is the expected take-up, 85 %, the
 * middle of the 70–100 % range the method used before issue 14 (when the central was the maximum). No published
 * implementation rate of matched quantities was found to cite: an assumption, shown with its range on every figure
 * it scales (docs/impact-method.md § 1). The one published rate found (knowledge-base source `iec-pnsi-2017`: the
 * French PNSI concretised 138 of 588 detected synergies in two years, ≈ 23 %) counts synergies, not quantities, so
 * it is stated beside the figures (a figure is what a synergy gives if it happens), not multiplied into them.
 */
export const TAKE_UP: Range = { low: 0.7, central: 0.85, high: 1 };
/** TAKE_UP as a factor of the figures it scales: a convention of the method, shown as an assumption. */
export const TAKE_UP_USE: ImpactFactorUse = Object.freeze({
  id: 'take-up',
  value: TAKE_UP.central,
  unit: `expected share of the match taken up (low ${TAKE_UP.low}, high ${TAKE_UP.high}; assumed: no cited rate of quantities; PNSI 2015–2017 concretised 138 of 588 detected synergies, a count, source iec-pnsi-2017)`,
  sourceId: null,
  kind: 'ASSUMPTION',
});
/** Savings from a declared cost follow the quantity that moves: the expected take-up (70 %, 85 %, 100 %). */
export const DECLARED_COST_SAVING: Range = TAKE_UP;
/** The conventions of the method, shown as assumptions with their ranges on the figures they shape (issue 14). */
export const DECLARED_COST_SHARE_USE: ImpactFactorUse = Object.freeze({
  id: 'declared-cost-share',
  value: DECLARED_COST_SAVING.central,
  unit: `share of the declared cost saved: the expected take-up (low ${DECLARED_COST_SAVING.low}, high ${DECLARED_COST_SAVING.high})`,
  sourceId: null,
  kind: 'ASSUMPTION',
});
export const DEFAULT_SPREAD_USE: ImpactFactorUse = Object.freeze({
  id: 'default-spread',
  value: DEFAULT_SPREAD,
  unit: '± share around a typical value or factor whose source gives no range',
  sourceId: null,
  kind: 'ASSUMPTION',
});
export const ROAD_DETOUR_USE: ImpactFactorUse = Object.freeze({
  id: 'road-detour-factor',
  value: 1.3,
  unit: 'road km per straight-line km (engine option roadDetourFactor; assumed, not varied in the range)',
  sourceId: null,
  kind: 'ASSUMPTION',
});
/**
 * Haulage the producer now pays to bring its output to the taker (it paid its collector before): an order of
 * magnitude for a 40 t articulated truck, about 1.8 EUR/km with an empty return, 25 t a load — 0.12 EUR/t·km (0.08 to
 * 0.20). No cost source is cited yet: an assumption, shown as such.
 */
export const HAULAGE_EUR_PER_TKM: Range = { low: 0.08, central: 0.12, high: 0.2 };
export const HAULAGE_USE: ImpactFactorUse = Object.freeze({
  id: 'road-haulage-cost',
  value: HAULAGE_EUR_PER_TKM.central,
  unit: `EUR/t·km (low ${HAULAGE_EUR_PER_TKM.low}, high ${HAULAGE_EUR_PER_TKM.high})`,
  sourceId: null,
  kind: 'ASSUMPTION',
});

/**
 * Share of an output diverted from disposal, by its declared destination today (the baseline). Already recycled
 * or reused: nothing is diverted. Energy recovery: half (the synergy moves it up the waste hierarchy, partly).
 * Not declared or "other": assumed disposal, with a low of 50 %.
 */
export const DIVERTED_SHARE: Record<string, Range> = {
  LANDFILL: { low: 1, central: 1, high: 1 },
  INCINERATION: { low: 1, central: 1, high: 1 },
  SEWER: { low: 1, central: 1, high: 1 },
  ENERGY_RECOVERY: { low: 0.3, central: 0.5, high: 0.7 },
  RECYCLING: { low: 0, central: 0, high: 0 },
  REUSE: { low: 0, central: 0, high: 0 },
  OTHER: { low: 0.5, central: 1, high: 1 },
  UNDECLARED: { low: 0.5, central: 1, high: 1 },
};

export function divertedShare(destination: string | null): Range {
  return DIVERTED_SHARE[destination ?? 'UNDECLARED'] ?? DIVERTED_SHARE.UNDECLARED;
}

export interface ResolvedFactor {
  factor: EmissionFactor;
  range: Range;
  use: ImpactFactorUse;
}

/** Emission factors with their ranges, by id, and the one used for road transport: part of the compiled knowledge base. */
export interface FactorTable {
  factors: Map<string, ResolvedFactor>;
  transport: ResolvedFactor;
}

export function resolveFactor(kb: FactorTable, id: string | undefined): ResolvedFactor | null {
  return id ? (kb.factors.get(id) ?? null) : null;
}

export function transportFactor(kb: FactorTable): ResolvedFactor {
  return kb.transport;
}

/** Every factor with its range, and the transport factor (see TRANSPORT_FACTOR_IDS), computed once per knowledge base. */
export function resolvedFactors(factors: EmissionFactor[]): FactorTable {
  const byId = new Map(factors.map((f) => [f.id, toResolved(f)]));
  const preferred = TRANSPORT_FACTOR_IDS.map((id) => byId.get(id)).find(Boolean);
  const perTonneKm = factors.filter((f) => f.unit === 'kgCO2e/t.km').sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  const transport = preferred ?? (perTonneKm ? byId.get(perTonneKm.id)! : toResolved(DEFAULT_TRANSPORT_FACTOR));
  return { factors: byId, transport };
}

/**
 * An emission factor is an EMISSION factor of its source only when it names a database item (ITEM) or is computed
 * from named items (DERIVED). An order of magnitude read from a source that names no item is an assumption with its
 * range (issue 14: "no invented item names"): shown as such, its unit stating the range; the knowledge base keeps
 * where it was read (its `databaseEntry` and `sourceId`).
 */
function toResolved(factor: EmissionFactor): ResolvedFactor {
  const range = spreadRange(factor.value, factor.low, factor.high);
  const named = Boolean(factor.sourceId) && factor.derivation !== 'ORDER_OF_MAGNITUDE';
  const unit = named ? factor.unit : `${factor.unit} (order of magnitude, no database item named; low ${fmt(range.low)}, high ${fmt(range.high)})`;
  return {
    factor,
    range,
    use: Object.freeze({ id: factor.id, value: factor.value, unit, sourceId: named ? factor.sourceId : null, kind: named ? 'EMISSION' : 'ASSUMPTION' }),
  };
}

export function spreadRange(central: number, low?: number, high?: number): Range {
  return {
    low: low ?? central * (1 - DEFAULT_SPREAD),
    central,
    high: high ?? central * (1 + DEFAULT_SPREAD),
  };
}

const FACTOR_UNIT_AS_FLOW_UNIT: Record<EmissionFactor['unit'], FlowUnit | null> = {
  'kgCO2e/t': 'TONNE' as FlowUnit,
  'kgCO2e/MWh': 'MEGAWATT_HOUR' as FlowUnit,
  'kgCO2e/m3': 'CUBIC_METRE' as FlowUnit,
  'kgCO2e/unit': 'UNIT' as FlowUnit,
  'kgCO2e/h': 'HOUR' as FlowUnit,
  'kgCO2e/t.km': null,
};

/** `quantity` (in the pathway's unit) in the unit the factor is given per; null when they do not convert. */
export function quantityForFactor(quantity: number, unit: FlowUnit | `${FlowUnit}`, factor: EmissionFactor): number | null {
  const target = FACTOR_UNIT_AS_FLOW_UNIT[factor.unit];
  return target ? convertQuantity(quantity, unit, target) : null;
}

export const UNIT_LABEL: Record<string, string> = {
  TONNE: 't',
  KILOGRAM: 'kg',
  CUBIC_METRE: 'm³',
  LITRE: 'L',
  MEGAWATT_HOUR: 'MWh',
  KILOWATT_HOUR: 'kWh',
  UNIT: 'units',
  HOUR: 'h',
  SQUARE_METRE: 'm²',
};

export function scaleRange(r: Range, by: Range | number): Range {
  if (typeof by === 'number') return { low: r.low * by, central: r.central * by, high: r.high * by };
  return { low: r.low * by.low, central: r.central * by.central, high: r.high * by.high };
}

export function figure(
  fields: Omit<ImpactFigure, 'low' | 'central' | 'high'>,
  range: Range,
  decimals = 3,
): ImpactFigure {
  const f = POW10[decimals];
  const low = Math.round(Math.min(range.low, range.central, range.high) * f) / f;
  const high = Math.round(Math.max(range.low, range.central, range.high) * f) / f;
  return {
    indicator: fields.indicator,
    low,
    central: Math.round(range.central * f) / f,
    high,
    unit: fields.unit,
    formula: flat(fields.formula),
    factors: fields.factors,
    basis: fields.basis,
    organizationId: fields.organizationId,
  };
}

/** By destination ('' when undeclared), then central share: no key string built per figure. */
const BASELINE_USES = new Map<string, Map<number, ImpactFactorUse[]>>();

/**
 * The baseline as a "factor" (the share diverted), one frozen list per destination and share: the share of one
 * destination differs by pathway (energy recovery today is half diverted by a recycling route, not at all by another
 * energy recovery), so a list kept by destination alone showed the first pathway's share on every other.
 */
export function baselineUses(destination: string | null, share: Range): ImpactFactorUse[] {
  const today = destination ?? 'UNDECLARED';
  let byShare = BASELINE_USES.get(today);
  if (!byShare) BASELINE_USES.set(today, (byShare = new Map()));
  let uses = byShare.get(share.central);
  if (!uses) {
    const id = `baseline:${today}`;
    uses = Object.freeze([Object.freeze({ id, value: share.central, unit: 'share diverted', sourceId: null, kind: 'DECLARED' })]) as ImpactFactorUse[];
    byShare.set(share.central, uses);
  }
  return uses;
}

const JOINED = new WeakMap<ImpactFactorUse[], WeakMap<object, ImpactFactorUse[]>>();

/**
 * `list` followed by `more` (a list, or one factor). When both are shared (frozen), the joined list is made once and
 * shared, frozen, by every figure joining them: a substitution's factors are a few shared lists and constants joined
 * (35k lists were made per detection at 100k flows for 9.4k distinct). Anything else is copied, as before.
 */
export function joinFactors(list: ImpactFactorUse[], more: ImpactFactorUse[] | ImpactFactorUse): ImpactFactorUse[] {
  const many = Array.isArray(more);
  if (!Object.isFrozen(list) || !Object.isFrozen(more)) return many ? list.concat(more) : [...list, more];
  if (many && more.length === 0) return list;
  let byMore = JOINED.get(list);
  if (!byMore) JOINED.set(list, (byMore = new WeakMap()));
  let joined = byMore.get(more);
  if (!joined) {
    joined = Object.freeze(many ? list.concat(more) : [...list, more]) as ImpactFactorUse[];
    byMore.set(more, joined);
  }
  return joined;
}

const SHARED_LISTS = new WeakMap<Pathway, Map<string, ImpactFactorUse[]>>();

/** A frozen list of factors made once per pathway and name, shared by the pathway's synergies. */
export function sharedFactors(pathway: Pathway, name: string, make: () => ImpactFactorUse[]): ImpactFactorUse[] {
  let lists = SHARED_LISTS.get(pathway);
  if (!lists) SHARED_LISTS.set(pathway, (lists = new Map()));
  let list = lists.get(name);
  if (!list) {
    list = Object.freeze(make().map((u) => Object.freeze(u))) as ImpactFactorUse[];
    lists.set(name, list);
  }
  return list;
}

const SHARED_TEXTS = new WeakMap<Pathway, Map<string, string>>();

/**
 * A flat piece of formula made once per pathway and name, for words every synergy of the pathway says alike (its
 * ratios, typical costs and units): the knowledge base's values only, never a flow's (the text is shared).
 */
export function pathwayText(pathway: Pathway, name: string, make: () => string): string {
  let texts = SHARED_TEXTS.get(pathway);
  if (!texts) SHARED_TEXTS.set(pathway, (texts = new Map()));
  let text = texts.get(name);
  if (text === undefined) texts.set(name, (text = flat(make())));
  return text;
}

/**
 * The quantity a physical figure rests on: the organisations' declared yearly quantities, matched or pooled — their
 * data, not a sourced factor. Hidden with the formula from views that are not exact (impact-view.ts).
 */
export function declaredQuantityUses(quantity: number, unit: string): ImpactFactorUse[] {
  return [{ id: 'declared-quantity', value: Math.round(quantity * 1000) / 1000, unit, sourceId: null, kind: 'DECLARED' }];
}

/** Where a material substitution sends the output in the waste hierarchy: the pathway's `route` in the knowledge base. */
export type RecoveryRoute = NonNullable<Pathway['route']>;
const ROUTE_RANK: Record<string, number> = { ENERGY_RECOVERY: 1, RECYCLING: 2, REUSE: 3 };

export function pathwayRoute(pathway: Pathway): RecoveryRoute {
  // The validator requires a route on every material substitution; other pathways are never asked for one.
  return pathway.route ?? 'RECYCLING';
}

/**
 * For a move from RECYCLING today to REUSE: the avoided-production factor of the recycling route the output already
 * takes, by the reuse factor. Only the difference is credited; a reuse factor absent from this table gets no credit.
 * Steel offcuts recycled as scrap already earn the scrap factor; solid wood recycled goes to particleboard, which
 * replaces forest chips (pathway wood-waste-particleboard); boxes recycled earn the recycling gain of cardboard.
 */
export const RECYCLING_ROUTE_FACTOR: Record<string, string> = {
  'ef-cardboard-new': 'ef-cardboard-recycling-gain',
  'ef-steel-scrap-gain': 'ef-steel-scrap-gain',
  'ef-sawn-timber': 'ef-forest-chips',
};

/**
 * For a stream recycled today and reused by the pathway, the recycling pathway whose jobs ratio stands for the work
 * today's route already employs (collection, sorting): those jobs only move, so the synergy is credited the
 * difference. A reuse pathway not listed has no recycling ratio in the knowledge base: no jobs are credited.
 */
export const RECYCLING_ROUTE_JOBS_PATHWAY: Record<string, string> = {
  'textiles-reuse': 'textiles-wiping-rags',
  'cardboard-box-reuse': 'cardboard-paper-recycling',
  'solid-wood-offcuts-reuse': 'wood-waste-particleboard',
  'deconstruction-timber-reuse': 'wood-waste-particleboard',
  'reclaimed-building-materials': 'wood-waste-particleboard',
  'steel-offcuts-reuse': 'ferrous-scrap-steelmaking',
};

export interface Baseline {
  /** Share of the output moved away from disposal (LANDFILL, INCINERATION, SEWER) by the synergy. */
  share: Range;
  /** The output is already recovered today by a route at least as high as the pathway's: nothing is credited. */
  sameRoute: boolean;
  /** RECYCLING today, REUSE by the pathway: only the difference between the two routes' factors is credited. */
  upgrade: boolean;
  route: RecoveryRoute;
}

/**
 * The baseline of a material substitution: the declared destination against the pathway's route. An output already
 * recycled, reused or burnt for energy moves nothing away from disposal; when the pathway sends it no higher in the
 * waste hierarchy (recycled scrap to another recycler, chips burnt today to another boiler) the synergy changes the
 * customer, not the route. From ENERGY_RECOVERY up to recycling or reuse, the usual partial share (DIVERTED_SHARE).
 */
export function materialBaseline(destination: string | null, pathway: Pathway): Baseline {
  const route = pathwayRoute(pathway);
  const today = destination ?? 'UNDECLARED';
  const rank = ROUTE_RANK[today];
  if (rank === undefined) return { share: divertedShare(destination), sameRoute: false, upgrade: false, route };
  if (ROUTE_RANK[route] <= rank) return { share: DIVERTED_SHARE.RECYCLING, sameRoute: true, upgrade: false, route };
  if (today === 'ENERGY_RECOVERY') return { share: DIVERTED_SHARE.ENERGY_RECOVERY, sameRoute: false, upgrade: false, route };
  return { share: DIVERTED_SHARE.RECYCLING, sameRoute: false, upgrade: true, route };
}

/**
 * The avoided-disposal factor follows the declared destination (issue 14): a pathway's factor assumes one treatment
 * (paper and wood burnt, mixed waste landfilled), but a stream declared landfilled emits landfill methane, and one
 * declared incinerated does not. Only the pairs the knowledge base has both sides of are swapped; an undeclared
 * destination keeps the pathway's factor. Plastics have no landfill factor in the knowledge base: their
 * incineration factor stays, an overstatement for a landfilled plastic (docs/impact-method.md § 8).
 */
export const DISPOSAL_FACTOR_BY_DESTINATION: Record<string, Partial<Record<'LANDFILL' | 'INCINERATION', string>>> = {
  'ef-landfill-biodegradable': { INCINERATION: 'ef-incineration-biomass' },
  'ef-incineration-biomass': { LANDFILL: 'ef-landfill-biodegradable' },
  'ef-landfill-nonhazardous': { INCINERATION: 'ef-incineration-mixed' },
  'ef-incineration-mixed': { LANDFILL: 'ef-landfill-nonhazardous' },
};

export function disposalFactorIdFor(pathwayFactorId: string | undefined, destination: string | null): string | undefined {
  if (!pathwayFactorId || (destination !== 'LANDFILL' && destination !== 'INCINERATION')) return pathwayFactorId;
  return DISPOSAL_FACTOR_BY_DESTINATION[pathwayFactorId]?.[destination] ?? pathwayFactorId;
}

/** Electricity used by a heat pump or saved by fixing compressed-air leaks: ADEME Base Carbone, French mix. */
export const ELECTRICITY_FACTOR_ID = 'ef-electricity-fr';

/** A cost the organisation declared: its own data, no source. */
export function declaredCostUse(value: number): ImpactFactorUse {
  return { id: 'declared-cost', value, unit: 'EUR/year', sourceId: null, kind: 'DECLARED' };
}

/**
 * A typical cost of the pathway: backed by its first COST source (`costSourceIds`), else shown as an assumption —
 * the pathway's other sources (emission databases, technical guides) do not give prices.
 */
export function typicalCostUse(pathway: Pathway, id: string, value: number, unit: string): ImpactFactorUse {
  const sourceId = pathway.impact.costSourceIds?.[0] ?? null;
  return { id, value, unit, sourceId, kind: sourceId ? 'COST' : 'ASSUMPTION' };
}

/** The pathway's jobs ratio: backed by its first JOBS source (`jobsSourceIds`), else shown as an assumption. */
export function jobsRatioUse(pathway: Pathway, value: number, unit: string): ImpactFactorUse {
  const sourceId = pathway.impact.jobsSourceIds?.[0] ?? null;
  return { id: 'jobs-per-1000-units', value, unit, sourceId, kind: sourceId ? 'JOBS' : 'ASSUMPTION' };
}
