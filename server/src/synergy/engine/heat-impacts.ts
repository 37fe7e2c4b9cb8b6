import type { Pathway } from '../knowledge/knowledge-base.types.js';
import type { CompiledKnowledgeBase } from './compiled-knowledge-base.js';
import type { EngineFlow, ImpactFactorUse, ImpactFigure } from './engine.types.js';
import { GAS_HEAT_FACTOR_IDS, declaredHeatBaseline, undeclaredHeatLow } from './declared-baseline.js';
import {
  ELECTRICITY_FACTOR_ID,
  TAKE_UP,
  UNIT_LABEL,
  figure,
  fmt,
  joinFactors,
  pct,
  resolveFactor,
  scaleRange,
  type Range,
  type SubstitutionImpactInput,
} from './impact-factors.js';
import { co2Figure, type Co2Term } from './impact-figures.js';
import { convertQuantity } from './units.js';

/**
 * Heat exchanged between a source and a need: only over the months both run, through a heat pump when the source is
 * too cold (its COP from the lift, its electricity subtracted from the CO2e and the euros), and sold at a discount on
 * the taker's current supply rather than given. The general substitution impacts are in impacts.ts.
 */

/**
 * Heat pumps. COP ≈ η × T_hot / (T_hot − T_cold) in kelvin, a fraction η of the Carnot COP: 0.4 (low), 0.5
 * (central), 0.6 (high) for industrial heat pumps (Arpagaus et al., Energy 2018). The refrigerant evaporates a few
 * kelvin below the source and condenses above the need: HEAT_PUMP_APPROACH_K on each side. The COP is kept within
 * HEAT_PUMP_COP_BOUNDS; when a temperature is not declared, HEAT_PUMP_TYPICAL_COP (the 3 to 4 of the knowledge
 * base's heat-pump factor, with a lower low).
 */
export const HEAT_PUMP_CARNOT_FRACTION: Range = { low: 0.4, central: 0.5, high: 0.6 };
export const HEAT_PUMP_APPROACH_K = 5;
export const HEAT_PUMP_COP_BOUNDS = { min: 1.5, max: 6 };
export const HEAT_PUMP_TYPICAL_COP: Range = { low: 2.5, central: 3, high: 4 };
export const HEAT_PUMP_COP_SOURCE_ID = 'arpagaus-hthp-2018';
/** The heat a heat pump's output replaces: a gas boiler's (gross, before the pump's electricity). */
export const HEAT_PUMP_REPLACED_HEAT_FACTOR_ID = 'ef-gas-boiler-heat';
/** Net factors that already deduct a heat pump's electricity: replaced by the gross one when the electricity is counted. */
export const HEAT_PUMP_NET_FACTOR_IDS = ['ef-heat-pump-recovered-heat'];
/** Electricity bought by an industrial site, EUR/MWh excluding VAT (Eurostat nrg_pc_205, France, 2023–2024). */
export const ELECTRICITY_PRICE_EUR_PER_MWH: Range = { low: 100, central: 150, high: 200 };
export const ELECTRICITY_PRICE_SOURCE_ID = 'eurostat-electricity-prices-2024';

/**
 * Recovered heat (steam, cold, power from waste heat) is sold, not given: its price is negotiated between the
 * source's marginal cost of delivery (exchangers, pipe, pumping, a heat pump's electricity) and the taker's
 * substitution price, its current supply; with comparable investments the gap is shared equally (Jensen, Hot|Cool
 * 2/2024). The taker's saving is therefore a discount on its current supply, not the whole purchase. Central 25 %:
 * half of a gap taken as half the current price once the pipe and exchangers are paid; 10 % (a costly connection,
 * a source that keeps most of the gap) to 40 % (a short connection, a source that gives most of it).
 */
export const RECOVERED_HEAT_DISCOUNT: Range = { low: 0.1, central: 0.25, high: 0.4 };
export const RECOVERED_HEAT_DISCOUNT_SOURCE_ID = 'jensen-hotcool-2024';
/** The two as factors: constants, frozen, so that the lists joining them are shared (see joinFactors). */
const ELECTRICITY_PRICE_USE: ImpactFactorUse = Object.freeze({
  id: 'electricity-price',
  value: ELECTRICITY_PRICE_EUR_PER_MWH.central,
  unit: 'EUR/MWh',
  sourceId: ELECTRICITY_PRICE_SOURCE_ID,
  kind: 'COST',
});
const RECOVERED_HEAT_DISCOUNT_USE: ImpactFactorUse = Object.freeze({
  id: 'recovered-heat-discount',
  value: RECOVERED_HEAT_DISCOUNT.central,
  unit: 'share of current supply',
  sourceId: RECOVERED_HEAT_DISCOUNT_SOURCE_ID,
  kind: 'COST',
});

export function isHeatPumpPathway(pathway: Pathway): boolean {
  return pathway.id.includes('heat-pump') || HEAT_PUMP_NET_FACTOR_IDS.includes(pathway.impact.avoidedProductionFactorId ?? '');
}

export interface HeatPumpCop {
  cop: Range;
  /** "lift 60 → 80 °C" or "temperatures not declared". */
  lift: string;
  /** How the COP was found, for the formula. */
  basis: string;
  /** Both temperatures were declared (the COP comes from the lift, else it is typical). */
  declared: boolean;
}

/** A fraction `eta` of Carnot's COP for `hot` K over `lift` K, within the bounds of real heat pumps. */
function boundedCop(eta: number, hot: number, lift: number): number {
  return Math.min(HEAT_PUMP_COP_BOUNDS.max, Math.max(HEAT_PUMP_COP_BOUNDS.min, (eta * hot) / lift));
}

export function heatPumpCop(sourceC: number | null, needC: number | null): HeatPumpCop {
  if (sourceC === null || needC === null) {
    const t = HEAT_PUMP_TYPICAL_COP;
    return { cop: t, lift: 'temperatures not declared', basis: `temperatures not declared: typical COP ${t.central} (${t.low}–${t.high})`, declared: false };
  }
  const hot = needC + HEAT_PUMP_APPROACH_K + 273.15;
  const cold = sourceC - HEAT_PUMP_APPROACH_K + 273.15;
  const lift = Math.max(hot - cold, 1);
  const cop = {
    low: boundedCop(HEAT_PUMP_CARNOT_FRACTION.low, hot, lift),
    central: boundedCop(HEAT_PUMP_CARNOT_FRACTION.central, hot, lift),
    high: boundedCop(HEAT_PUMP_CARNOT_FRACTION.high, hot, lift),
  };
  return {
    cop,
    lift: `lift ${fmt(sourceC)} → ${fmt(needC)} °C`,
    declared: true,
    basis: `COP ${fmt(cop.low)}–${fmt(cop.high)}, lift ${fmt(sourceC)} → ${fmt(needC)} °C, COP = ${HEAT_PUMP_CARNOT_FRACTION.central} × ${fmt(hot)} K / ${fmt(lift)} K (source − ${HEAT_PUMP_APPROACH_K} K, need + ${HEAT_PUMP_APPROACH_K} K), within ${HEAT_PUMP_COP_BOUNDS.min}–${HEAT_PUMP_COP_BOUNDS.max}`,
  };
}

/**
 * The heat a source and a need can exchange over the months both run: min(source × shared months / source months,
 * need × shared months / need months), each spread evenly over its months. Null when both run the same months.
 */
export function seasonalQuantity(
  input: SubstitutionImpactInput,
  matched: number,
): { quantity: number; coverage: number | null; note: string; monthsShared: number } | null {
  const o = monthOverlap(input.output.availableMonths, input.input.availableMonths);
  if (o.both === o.source && o.both === o.need) return null;
  const monthsShared = o.both;
  const unit = input.pathway.unit;
  const label = UNIT_LABEL[unit] ?? unit;
  const source = convertQuantity(input.output.yearlyQuantity, input.output.unit, unit);
  const need = convertQuantity(input.input.yearlyQuantity, input.input.unit, unit);
  if (source === null || need === null) {
    const quantity = (matched * o.both) / Math.max(o.source, o.need);
    const coverage = input.coverage.input === null ? null : (input.coverage.input * o.both) / Math.max(o.source, o.need);
    return { quantity, coverage, monthsShared, note: `; ${o.both} months shared: ${fmt(matched)} ${label} × ${o.both}/${Math.max(o.source, o.need)} = ${fmt(quantity)} ${label}` };
  }
  const quantity = Math.min((source * o.both) / o.source, (need * o.both) / o.need);
  return {
    quantity,
    coverage: quantity / need,
    monthsShared,
    note: `; ${o.both} months shared by the source (${o.source} months) and the need (${o.need} months): min(${fmt(source)} × ${o.both}/${o.source}, ${fmt(need)} × ${o.both}/${o.need}) = ${fmt(quantity)} ${label}`,
  };
}

export interface HeatPump extends HeatPumpCop {
  /** Electricity the pump uses, MWh: delivered Q ÷ COP (low with 70 % take-up and the high COP). */
  electricity: Range;
}

export function heatPump(delivered: number, sourceC: number | null, needC: number | null): HeatPump {
  const c = heatPumpCop(sourceC, needC);
  return {
    ...c,
    electricity: {
      low: (delivered * TAKE_UP.low) / c.cop.high,
      central: (delivered * TAKE_UP.central) / c.cop.central,
      high: (delivered * TAKE_UP.high) / c.cop.low,
    },
  };
}

/** Of `q` delivered at `cop`, the heat taken from the source (the rest is electricity). */
function taken(q: number, cop: number): number {
  return q * (1 - 1 / cop);
}

/** MWH_RECOVERED for a heat pump: only the heat taken from the source, Q × (1 − 1/COP); the rest is its electricity. */
export function heatPumpRecoveredFigure(delivered: number, pump: HeatPump, note: string): ImpactFigure {
  const range = {
    low: taken(delivered * TAKE_UP.low, pump.cop.low),
    central: taken(delivered * TAKE_UP.central, pump.cop.central),
    high: taken(delivered * TAKE_UP.high, pump.cop.high),
  };
  return figure(
    {
      indicator: 'MWH_RECOVERED',
      unit: 'MWh',
      formula: `${fmt(delivered)} MWh a year delivered × (1 − 1/COP ${fmt(pump.cop.central)}) = ${fmt(range.central)} MWh taken from the source, plus ${fmt(pump.electricity.central)} MWh of heat-pump electricity (${pump.basis})${note}`,
      factors: copUses(pump),
      basis: 'MIXED',
      organizationId: null,
    },
    range,
  );
}

function copUses(pump: HeatPump): ImpactFactorUse[] {
  return [{ id: 'heat-pump-cop', value: Math.round(pump.cop.central * 100) / 100, unit: 'COP', sourceId: pump.declared ? HEAT_PUMP_COP_SOURCE_ID : null, kind: pump.declared ? 'TECHNICAL' : 'ASSUMPTION' }];
}

/**
 * Heat delivered replaces the taker's supply today — its declared supply, else a gas boiler's heat (with a
 * low-carbon network for the low); the pump's electricity is subtracted (both with their ADEME factors).
 */
export function heatPumpCo2(pathway: Pathway, delivered: number, pump: HeatPump, kb: CompiledKnowledgeBase, taker: EngineFlow): ImpactFigure | null {
  const own = pathway.impact.avoidedProductionFactorId;
  const gas =
    own === undefined || HEAT_PUMP_NET_FACTOR_IDS.includes(own) ? (resolveFactor(kb, HEAT_PUMP_REPLACED_HEAT_FACTOR_ID) ?? resolveFactor(kb, own)) : resolveFactor(kb, own);
  if (!gas) return null;
  const declared = GAS_HEAT_FACTOR_IDS.has(gas.factor.id) ? declaredHeatBaseline(taker, kb, gas) : null;
  const low = declared || !GAS_HEAT_FACTOR_IDS.has(gas.factor.id) ? null : undeclaredHeatLow(kb);
  const replaced = declared ? declared.factor : low && low.low < gas.range.low ? { ...gas, range: { ...gas.range, low: low.low } } : gas;
  const note = declared ? declared.note : low && low.low < gas.range.low ? `; the taker's heat supply today is not declared: gas boiler assumed (central, high), ${low.note}` : '';
  const extra = declared ? declared.uses : low && low.low < gas.range.low ? [low.use] : [];
  const terms: Co2Term[] = [
    {
      label: declared ? "heat delivered, as the taker's declared supply makes it" : 'heat delivered',
      quantity: scaleRange({ low: delivered, central: delivered, high: delivered }, TAKE_UP),
      quantityUnit: 'MWh',
      factor: replaced,
      sign: 1,
    },
  ];
  const electricity = resolveFactor(kb, ELECTRICITY_FACTOR_ID);
  if (electricity) {
    terms.push({
      label: `heat-pump electricity (COP ${fmt(pump.cop.central)}, ${pump.lift})`,
      quantity: pump.electricity,
      quantityUnit: 'MWh',
      factor: electricity,
      sign: -1,
    });
  }
  const f = co2Figure(pathway, terms);
  return { ...f, formula: `${f.formula}${note}`, factors: [...f.factors, ...copUses(pump), ...extra] };
}

/** A saving on the taker's current supply, as purchaseSaving builds it. */
export interface SupplySaving {
  base: Range;
  formula: string;
  factors: ImpactFactorUse[];
  basis: ImpactFigure['basis'];
}

/**
 * What the taker of heat saves out of its current supply (on the expected take-up): a heat pump's electricity is paid out of it, and only a discount on the rest is saved.
 */
export function heatSaving(saving: SupplySaving, pump: HeatPump | null): SupplySaving {
  let { base, formula, factors, basis } = saving;
  // A declared cost keeps its take-up range (70 %, 85 %, 100 % of the covered supply); the discount adds its own.
  if (pump) {
    const p = ELECTRICITY_PRICE_EUR_PER_MWH;
    base = {
      low: base.low - pump.electricity.high * p.high,
      central: base.central - pump.electricity.central * p.central,
      high: base.high - pump.electricity.low * p.low,
    };
    formula += ` − ${fmt(pump.electricity.central)} MWh heat-pump electricity × ${fmt(p.central)} EUR/MWh`;
    factors = joinFactors(factors, ELECTRICITY_PRICE_USE);
    basis = 'MIXED';
  }
  // Heat (or cold, steam, power) bought from a neighbour is still paid for: the taker saves a discount on its
  // current supply, the share of the price gap the two parties settle on (RECOVERED_HEAT_DISCOUNT).
  const d = RECOVERED_HEAT_DISCOUNT;
  base = { low: Math.max(0, base.low) * d.low, central: Math.max(0, base.central) * d.central, high: Math.max(0, base.high) * d.high };
  formula = `(${formula}) × ${pct(d.central)} discount on the current supply (${pct(d.low)}–${pct(d.high)}: recovered heat is sold at a price negotiated between the source's cost and the taker's current supply)`;
  factors = joinFactors(factors, RECOVERED_HEAT_DISCOUNT_USE);
  basis = 'MIXED';
  return { base, formula, factors, basis };
}

/** Months 1..12 of a flow; null (all year) as the twelve. */
function months(list: number[] | null): Set<number> {
  return new Set(list && list.length > 0 ? list : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
}

/** Months 1..12 as bits (null, empty: all twelve); -1 when the list holds anything else (counted as a Set). */
function monthBits(list: number[] | null): number {
  if (!list || list.length === 0) return 0xfff;
  let bits = 0;
  for (let k = 0; k < list.length; k++) {
    const m = list[k];
    if (!Number.isInteger(m) || m < 1 || m > 12) return -1;
    bits |= 1 << (m - 1);
  }
  return bits;
}

function bitCount(bits: number): number {
  let n = 0;
  for (let m = bits; m; m &= m - 1) n++;
  return n;
}

/** How many months the source and the need overlap, and how many each runs. */
export function monthOverlap(source: number[] | null, need: number[] | null): { both: number; source: number; need: number } {
  // Two Sets per call, twice per heat substitution, otherwise: month lists are 1..12 (see monthsToMask).
  const sourceBits = monthBits(source);
  const needBits = monthBits(need);
  if (sourceBits >= 0 && needBits >= 0) return { both: bitCount(sourceBits & needBits), source: bitCount(sourceBits), need: bitCount(needBits) };
  const s = months(source);
  const n = months(need);
  let both = 0;
  for (const m of s) if (n.has(m)) both++;
  return { both, source: s.size, need: n.size };
}
