import type { FlowUnit } from '../../vocabulary/flow.enums.js';
import type { Pathway } from '../knowledge/knowledge-base.types.js';
import type { CompiledKnowledgeBase } from './compiled-knowledge-base.js';
import type { EngineFlow, ImpactFactorUse, ImpactFigure } from './engine.types.js';
import {
  DECLARED_COST_SAVING,
  ELECTRICITY_FACTOR_ID,
  ELECTRICITY_PRICE_EUR_PER_MWH,
  ELECTRICITY_PRICE_SOURCE_ID,
  HEAT_PUMP_COP_SOURCE_ID,
  HEAT_PUMP_NET_FACTOR_IDS,
  HEAT_PUMP_REPLACED_HEAT_FACTOR_ID,
  RECOVERED_HEAT_DISCOUNT,
  RECOVERED_HEAT_DISCOUNT_SOURCE_ID,
  RECYCLING_ROUTE_FACTOR,
  heatPumpCop,
  isHeatPumpPathway,
  materialBaseline,
  monthOverlap,
  type Baseline,
  type HeatPumpCop,
  TAKE_UP,
  UNIT_LABEL,
  NO_FACTORS,
  baselineUses,
  divertedShare,
  figure,
  fmt,
  pct,
  quantityForFactor,
  resolveFactor,
  scaleRange,
  sharedFactors,
  spreadRange,
  transportFactor,
  type Range,
  type ResolvedFactor,
} from './impact-factors.js';
import { findKeyword, searchableKeyword, searchableLabel } from './text-fold.js';
import { convertQuantity } from './units.js';
import { isMaterialPathway, isServicePathway } from '../knowledge/pathway-classes.js';

/**
 * Impacts of a substitution: what the synergy moves away from disposal, recovers or saves, its net emissions
 * avoided, the euros each party saves and the jobs it creates — each with a range, its formula and its factors.
 * The method is written out in docs/impact-method.md; mutualisation impacts are in mutualisation-impacts.ts.
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

export function substitutionImpacts(input: SubstitutionImpactInput, kb: CompiledKnowledgeBase): ImpactFigure[] {
  const matched = input.matchedQuantity;
  if (matched === null) return [];
  const { pathway, output } = input;
  const unit = pathway.unit;
  const indicator = pathway.impact.indicator;
  const material = isMaterialPathway(pathway);
  const baseline: Baseline = material
    ? materialBaseline(output.currentDestination, pathway)
    : { share: divertedShare(output.currentDestination), sameRoute: false, upgrade: false, route: 'RECYCLING' };
  const share = baseline.share;
  // Heat cannot wait for the season of its need: only the months both run are exchangeable.
  const season = indicator === 'ENERGY' ? seasonalQuantity(input, matched) : null;
  const q = season ? season.quantity : matched;
  const coverageIn = season ? season.coverage : input.coverage.input;
  const pump = indicator === 'ENERGY' && isHeatPumpPathway(pathway) ? heatPump(q, output.temperatureC, input.input.temperatureC) : null;
  const figures: ImpactFigure[] = [];
  const physical = pump
    ? heatPumpRecoveredFigure(q, pump, season?.note ?? '')
    : physicalFigure(pathway, q, share, output.currentDestination, season?.note ?? '');
  if (physical) figures.push(physical);

  const co2 = pump ? heatPumpCo2(pathway, q, pump, kb) : materialCo2(input, q, baseline, kb);
  if (co2) figures.push(co2);

  const disposal = costSaving('output', input.output, input.coverage.output, q, unit, pathway, share);
  if (disposal) figures.push(disposal);
  const purchase = purchaseSaving(input, q, coverageIn, baseline, pump);
  if (purchase) figures.push(purchase);

  const insertionShare = ((output.insertion || output.organizationKind === 'SSE' ? 1 : 0) +
    (input.input.insertion || input.input.organizationKind === 'SSE' ? 1 : 0)) / 2;
  figures.push(...jobFigures(pathway, q, insertionShare, 'of 2 parties', material ? jobsChange(baseline, output.currentDestination) : undefined));
  // A copy of exactly the right length (an array grown by push keeps room for 17).
  return figures.slice();
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

/** MWH_RECOVERED for a heat pump: only the heat taken from the source, Q × (1 − 1/COP); the rest is its electricity. */
function heatPumpRecoveredFigure(delivered: number, pump: HeatPump, note: string): ImpactFigure {
  const taken = (q: number, cop: number) => q * (1 - 1 / cop);
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
  return [{ id: 'heat-pump-cop', value: Math.round(pump.cop.central * 100) / 100, unit: 'COP', sourceId: pump.declared ? HEAT_PUMP_COP_SOURCE_ID : null }];
}

/** Heat delivered replaces a gas boiler's heat; the pump's electricity is subtracted (both with their ADEME factors). */
function heatPumpCo2(pathway: Pathway, delivered: number, pump: HeatPump, kb: CompiledKnowledgeBase): ImpactFigure | null {
  const own = pathway.impact.avoidedProductionFactorId;
  const replaced =
    own === undefined || HEAT_PUMP_NET_FACTOR_IDS.includes(own) ? (resolveFactor(kb, HEAT_PUMP_REPLACED_HEAT_FACTOR_ID) ?? resolveFactor(kb, own)) : resolveFactor(kb, own);
  if (!replaced) return null;
  const terms: Co2Term[] = [
    {
      label: 'heat delivered',
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
  return { ...f, factors: [...f.factors, ...copUses(pump)] };
}

/** Avoided production and disposal of a material (or energy, water) substitution, minus transport, by the baseline. */
function materialCo2(input: SubstitutionImpactInput, q: number, baseline: Baseline, kb: CompiledKnowledgeBase): ImpactFigure | null {
  const { pathway, output } = input;
  const share = baseline.share;
  const destination = output.currentDestination ?? 'undeclared';
  const productionId = productionFactorIdFor(pathway, output.label);
  const production = resolveFactor(kb, productionId);
  if (!production && !resolveFactor(kb, pathway.impact.avoidedDisposalFactorId)) return null;
  const nothing = (why: string) =>
    figure(
      {
        indicator: 'CO2E_AVOIDED_T',
        unit: 't CO2e',
        formula: `0 t CO2e: ${why}`,
        factors: baselineUses(output.currentDestination, share),
        basis: 'DECLARED',
        organizationId: null,
      },
      { low: 0, central: 0, high: 0 },
    );
  if (baseline.sameRoute) {
    return nothing(
      `already ${destination} today and ${baseline.route} by this pathway — the synergy changes the customer, not the route, so no avoided production or disposal is credited`,
    );
  }
  let terms: Co2Term[];
  if (baseline.upgrade) {
    const todayId = productionId ? RECYCLING_ROUTE_FACTOR[productionId] : undefined;
    const today = resolveFactor(kb, todayId);
    const perUnit = production && quantityForFactor(1, pathway.unit, production.factor);
    const perUnitToday = today && quantityForFactor(1, pathway.unit, today.factor);
    if (!production || !today || !perUnit || !perUnitToday) {
      return nothing(
        `already ${destination} today; reuse ranks higher, but the knowledge base has no factor for the recycling route to set against ${productionId ?? 'the reuse factor'}, so no avoided production is credited`,
      );
    }
    const moved = (per: number) => scaleRange({ low: q * per, central: q * per, high: q * per }, TAKE_UP);
    terms = [
      { label: 'production (reuse)', quantity: moved(perUnit), quantityUnit: factorQuantityUnit(production), factor: production, sign: 1 },
      { label: `production already avoided by today's ${destination}`, quantity: moved(perUnitToday), quantityUnit: factorQuantityUnit(today), factor: today, sign: -1 },
    ];
  } else {
    const partial = share.central === 1 && share.low === 1 ? '' : ` (${pct(share.central)} diverted, baseline ${destination})`;
    const diverted = scaleRange({ low: q, central: q, high: q }, share);
    const material = isMaterialPathway(pathway);
    terms = avoidedTerms(pathway, q, diverted, partial, kb, productionId, material ? share : FULL_SHARE);
  }
  if (terms.length === 0) return null;
  if (input.transport) {
    const tkm = input.transport.tonneKm;
    terms.push({
      label: 'transport',
      quantity: scaleRange({ low: tkm, central: tkm, high: tkm }, TAKE_UP),
      quantityUnit: 't·km',
      factor: transportFactor(kb),
      sign: -1,
    });
  }
  return co2Figure(pathway, terms);
}

const FULL_SHARE: Range = { low: 1, central: 1, high: 1 };

const RECOVERED_TODAY = new Set(['RECYCLING', 'REUSE', 'ENERGY_RECOVERY']);

/**
 * Euros the taker saves. Not its whole purchase: a service is still paid to the provider, and a stream that already
 * has a recovery outlet (or that collectors take free: typical disposal cost 0) is a traded commodity bought at its
 * market price — the figure says so at 0 EUR. A taker that declared no cost gets the pathway's typical purchase cost
 * only where the input is normally bought: not for reuse, whose operators mostly receive items as donations. A heat
 * pump's electricity is paid out of the heat saved.
 */
function purchaseSaving(
  input: SubstitutionImpactInput,
  q: number,
  coverage: number | null,
  baseline: Baseline,
  pump: HeatPump | null,
): ImpactFigure | null {
  const { pathway, input: flow, output } = input;
  const declared = flow.yearlyCostEur !== null && flow.yearlyCostEur > 0 && coverage !== null ? flow.yearlyCostEur : null;
  const typical = pathway.impact.typicalPurchaseEurPerUnit;
  if (declared === null && (typical === undefined || typical <= 0)) return null;
  const unitLabel = UNIT_LABEL[pathway.unit] ?? pathway.unit;
  const cost = declared !== null ? `${fmt(declared)} EUR/yr declared purchase` : `${fmt(typical!)} EUR/${unitLabel} typical purchase`;
  const material = isMaterialPathway(pathway);
  const nothing = (why: string) =>
    figure(
      {
        indicator: 'EUROS_SAVED',
        unit: 'EUR',
        formula: `0 EUR counted on the ${cost}: ${why}`,
        factors:
          declared !== null
            ? [{ id: 'declared-cost', value: declared, unit: 'EUR/year', sourceId: null }]
            : [{ id: 'typical-purchase-cost', value: typical!, unit: `EUR/${unitLabel}`, sourceId: pathway.impact.sourceIds[0] ?? null }],
        basis: declared !== null ? 'DECLARED' : 'TYPICAL',
        organizationId: flow.organizationId,
      },
      { low: 0, central: 0, high: 0 },
      0,
    );
  if (isServicePathway(pathway)) return nothing('a service (or shared premises, vehicles) is still paid to the provider; only a negotiated discount would be saved, and none is assumed');
  if (declared === null && baseline.route === 'REUSE' && material) {
    return nothing('no purchase declared, and reuse operators mostly receive such items as donations, so no typical purchase is credited');
  }
  if (material && (RECOVERED_TODAY.has(output.currentDestination ?? '') || pathway.impact.typicalDisposalEurPerUnit === 0)) {
    const today = output.currentDestination && RECOVERED_TODAY.has(output.currentDestination) ? `already ${output.currentDestination} today` : 'taken free by collectors';
    return nothing(
      `the output has a market value (${today}) that the taker pays; only a shorter haul or a price difference would be saved, neither estimated`,
    );
  }
  let base: Range;
  let formula: string;
  let factors: ImpactFactorUse[];
  let basis: ImpactFigure['basis'];
  if (declared !== null) {
    const central = declared * coverage!;
    base = scaleRange({ low: central, central, high: central }, DECLARED_COST_SAVING);
    formula = `${cost} × ${pct(coverage!)} covered`;
    factors = [{ id: 'declared-cost', value: declared, unit: 'EUR/year', sourceId: null }];
    basis = 'DECLARED';
  } else {
    base = spreadRange(q * typical!);
    formula = `${fmt(q)} ${unitLabel} × ${fmt(typical!)} EUR/${unitLabel} typical purchase`;
    factors = [{ id: 'typical-purchase-cost', value: typical!, unit: `EUR/${unitLabel}`, sourceId: pathway.impact.sourceIds[0] ?? null }];
    basis = 'TYPICAL';
  }
  if (pathway.impact.indicator === 'ENERGY' && declared !== null) {
    // The declared cost is the taker's current supply, in full: the discount range below carries the spread.
    base = { low: base.central, central: base.central, high: base.central };
  }
  if (pump) {
    const p = ELECTRICITY_PRICE_EUR_PER_MWH;
    base = {
      low: base.low - pump.electricity.high * p.high,
      central: base.central - pump.electricity.central * p.central,
      high: base.high - pump.electricity.low * p.low,
    };
    formula += ` − ${fmt(pump.electricity.central)} MWh heat-pump electricity × ${fmt(p.central)} EUR/MWh`;
    factors = [...factors, { id: 'electricity-price', value: p.central, unit: 'EUR/MWh', sourceId: ELECTRICITY_PRICE_SOURCE_ID }];
    basis = 'MIXED';
  }
  if (pathway.impact.indicator === 'ENERGY') {
    // Heat (or cold, steam, power) bought from a neighbour is still paid for: the taker saves a discount on its
    // current supply, the share of the price gap the two parties settle on (RECOVERED_HEAT_DISCOUNT).
    const d = RECOVERED_HEAT_DISCOUNT;
    base = { low: Math.max(0, base.low) * d.low, central: Math.max(0, base.central) * d.central, high: Math.max(0, base.high) * d.high };
    formula = `(${formula}) × ${pct(d.central)} discount on the current supply (${pct(d.low)}–${pct(d.high)}: recovered heat is sold at a price negotiated between the source's cost and the taker's current supply)`;
    factors = [...factors, { id: 'recovered-heat-discount', value: d.central, unit: 'share of current supply', sourceId: RECOVERED_HEAT_DISCOUNT_SOURCE_ID }];
    basis = 'MIXED';
  }
  return figure(
    { indicator: 'EUROS_SAVED', unit: 'EUR', formula: `${formula} = ${fmt(base.central)} EUR`, factors, basis, organizationId: flow.organizationId },
    base,
    0,
  );
}

/** TONNES_DIVERTED, MWH_RECOVERED or WATER_M3_SAVED, by the pathway's indicator. */
export function physicalFigure(
  pathway: Pathway,
  quantity: number,
  share: Range,
  destination: string | null,
  note = '',
): ImpactFigure | null {
  const indicator = pathway.impact.indicator;
  if (indicator === 'MASS') {
    const tonnes = convertQuantity(quantity, pathway.unit, 'TONNE');
    if (tonnes === null) return null;
    const range = scaleRange(scaleRange({ low: tonnes, central: tonnes, high: tonnes }, TAKE_UP), share);
    return figure(
      {
        indicator: 'TONNES_DIVERTED',
        unit: 't',
        formula: `${fmt(tonnes)} t × ${pct(share.central)} diverted (baseline ${destination ?? 'undeclared'}) = ${fmt(range.central)} t`,
        factors: baselineUses(destination, share),
        basis: 'DECLARED',
        organizationId: null,
      },
      range,
    );
  }
  const target = indicator === 'ENERGY' ? 'MEGAWATT_HOUR' : indicator === 'WATER' ? 'CUBIC_METRE' : null;
  if (!target) return null;
  const amount = convertQuantity(quantity, pathway.unit, target);
  if (amount === null) return null;
  const label = target === 'MEGAWATT_HOUR' ? 'MWh' : 'm³';
  return figure(
    {
      indicator: indicator === 'ENERGY' ? 'MWH_RECOVERED' : 'WATER_M3_SAVED',
      unit: label,
      formula: `${fmt(amount)} ${label} a year matched${note}`,
      factors: NO_FACTORS,
      basis: 'DECLARED',
      organizationId: null,
    },
    scaleRange({ low: amount, central: amount, high: amount }, TAKE_UP),
  );
}

export interface Co2Term {
  label: string;
  quantity: Range;
  quantityUnit: string;
  factor: ResolvedFactor;
  sign: 1 | -1;
}

/** The avoided-production factor for this output: the first `productionFactorsByOutput` its label names, else the pathway's. */
export function productionFactorIdFor(pathway: Pathway, outputLabel: string): string | undefined {
  const byOutput = pathway.impact.productionFactorsByOutput;
  if (!byOutput) return pathway.impact.avoidedProductionFactorId;
  const label = searchableLabel(outputLabel);
  const entry = byOutput.find((e) => findKeyword(label, e.keywords.map(searchableKeyword)) !== null);
  return entry ? entry.avoidedProductionFactorId : pathway.impact.avoidedProductionFactorId;
}

/**
 * Avoided production (the substituted input: `quantity` × `productionShare`, the share the baseline lets the synergy
 * claim) and avoided disposal (only `diverted`, the part moved away from disposal by the baseline), in the pathway's unit.
 */
export function avoidedTerms(
  pathway: Pathway,
  quantity: number,
  diverted: Range,
  baseline: string,
  kb: CompiledKnowledgeBase,
  productionFactorId: string | undefined = pathway.impact.avoidedProductionFactorId,
  productionShare: Range = { low: 1, central: 1, high: 1 },
): Co2Term[] {
  const terms: Co2Term[] = [];
  const production = resolveFactor(kb, productionFactorId);
  const perUnit = production && quantityForFactor(1, pathway.unit, production.factor);
  if (production && perUnit !== null) {
    const q = quantity * perUnit;
    const whole = productionShare.low === 1 && productionShare.central === 1;
    terms.push({
      label: whole ? 'production' : `production${baseline}`,
      quantity: scaleRange(scaleRange({ low: q, central: q, high: q }, TAKE_UP), productionShare),
      quantityUnit: factorQuantityUnit(production),
      factor: production,
      sign: 1,
    });
  }
  const disposal = resolveFactor(kb, pathway.impact.avoidedDisposalFactorId);
  const perUnitDisposal = disposal && quantityForFactor(1, pathway.unit, disposal.factor);
  if (disposal && perUnitDisposal !== null && diverted.high > 0) {
    terms.push({
      label: `disposal${baseline}`,
      quantity: scaleRange(scaleRange(diverted, perUnitDisposal), TAKE_UP),
      quantityUnit: factorQuantityUnit(disposal),
      factor: disposal,
      sign: 1,
    });
  }
  return terms;
}

export function co2Figure(pathway: Pathway, terms: Co2Term[]): ImpactFigure {
  let low = 0;
  let central = 0;
  let high = 0;
  for (const t of terms) {
    central += (t.sign * t.quantity.central * t.factor.range.central) / 1000;
    if (t.sign > 0) {
      low += (t.quantity.low * t.factor.range.low) / 1000;
      high += (t.quantity.high * t.factor.range.high) / 1000;
    } else {
      low -= (t.quantity.high * t.factor.range.high) / 1000;
      high -= (t.quantity.low * t.factor.range.low) / 1000;
    }
  }
  const parts = terms.map(
    (t, k) =>
      `${k === 0 ? '' : t.sign > 0 ? ' + ' : ' - '}${fmt(t.quantity.central)} ${t.quantityUnit} × ${fmt(t.factor.range.central)} kg${t.factor.factor.unit.slice(6).replace('.km', '·km')} ${t.label}`,
  );
  return figure(
    {
      indicator: 'CO2E_AVOIDED_T',
      unit: 't CO2e',
      formula: `(${parts.join('')}) / 1000 = ${fmt(central)} t CO2e`,
      factors: sharedFactors(pathway, `co2:${terms.map((t) => t.factor.factor.id).join(',')}`, () => terms.map((t) => t.factor.use)),
      basis: 'MIXED',
      organizationId: null,
    },
    { low, central, high },
  );
}

/** Euros a party saves: its declared cost prorated to the matched share, else a typical cost × quantity. */
function costSaving(
  side: 'output' | 'input',
  flow: EngineFlow,
  coverage: number | null,
  quantity: number,
  unit: FlowUnit | `${FlowUnit}`,
  pathway: Pathway,
  share: Range | null,
): ImpactFigure | null {
  const what = side === 'output' ? 'disposal' : 'purchase';
  if (flow.yearlyCostEur !== null && flow.yearlyCostEur > 0 && coverage !== null) {
    const central = flow.yearlyCostEur * coverage;
    return figure(
      {
        indicator: 'EUROS_SAVED',
        unit: 'EUR',
        formula: `${fmt(flow.yearlyCostEur)} EUR/yr declared ${what} × ${pct(coverage)} covered = ${fmt(central)} EUR`,
        factors: [{ id: 'declared-cost', value: flow.yearlyCostEur, unit: 'EUR/year', sourceId: null }],
        basis: 'DECLARED',
        organizationId: flow.organizationId,
      },
      scaleRange({ low: central, central, high: central }, DECLARED_COST_SAVING),
      0,
    );
  }
  const typical = side === 'output' ? pathway.impact.typicalDisposalEurPerUnit : pathway.impact.typicalPurchaseEurPerUnit;
  if (typical === undefined || typical <= 0) return null;
  const diverted = share ? share.central : 1;
  if (diverted === 0) return null;
  const central = quantity * typical * diverted;
  const unitLabel = UNIT_LABEL[unit] ?? unit;
  return figure(
    {
      indicator: 'EUROS_SAVED',
      unit: 'EUR',
      formula: `${fmt(quantity)} ${unitLabel} × ${fmt(typical)} EUR/${unitLabel} typical ${what}${share ? ` × ${pct(diverted)} diverted` : ''} = ${fmt(central)} EUR`,
      factors: sharedFactors(pathway, `typical-${side}`, () => [
        {
          id: side === 'output' ? 'typical-disposal-cost' : 'typical-purchase-cost',
          value: typical,
          unit: `EUR/${unitLabel}`,
          sourceId: pathway.impact.sourceIds[0] ?? null,
        },
      ]),
      basis: 'TYPICAL',
      organizationId: flow.organizationId,
    },
    spreadRange(central),
    0,
  );
}

/**
 * Which share of a material substitution's quantity creates work, by its baseline: none when only the customer
 * changes (the stream is already collected, sorted and sold: the jobs move, they are not created); the share
 * diverted from disposal otherwise (as tonnes and CO2e); the whole quantity for recycling today → reuse, because the
 * reuse ratio counts sorting, repair and resale work that the recycling route does not employ.
 */
export interface JobsChange {
  /** Multiplies the quantity (central share diverted, 1 for an upgrade, 0 for the same route). */
  share: number;
  /** Said in the formula: why the share. */
  note: string;
}

export function jobsChange(baseline: Baseline, destination: string | null): JobsChange | undefined {
  const today = destination ?? 'undeclared';
  if (baseline.sameRoute) {
    return { share: 0, note: `already ${today} today and ${baseline.route} by this pathway — the synergy changes the customer, not the route: jobs moved, not created` };
  }
  if (baseline.upgrade) {
    return {
      share: 1,
      note: ` (recycled today → reuse: the reuse ratio counts sorting, repair and resale work that today's recycling route does not employ; the collection jobs only move, so this is an upper bound)`,
    };
  }
  if (baseline.share.central === 1) return undefined;
  return { share: baseline.share.central, note: ` (${pct(baseline.share.central)} changing route, baseline ${today})` };
}

/** JOBS, and INSERTION_JOBS for the share an insertion enterprise or SSE operates; `change` scales the quantity. */
export function jobFigures(pathway: Pathway, whole: number, insertionShare: number, shareOf: string, change?: JobsChange): ImpactFigure[] {
  const ratio = pathway.impact.jobsPer1000Units;
  if (ratio === undefined || ratio <= 0) return [];
  const unitLabel = UNIT_LABEL[pathway.unit] ?? pathway.unit;
  const uses = sharedFactors(pathway, 'jobs', () => [
    { id: 'jobs-per-1000-units', value: ratio, unit: `FTE per 1000 ${unitLabel}`, sourceId: pathway.impact.sourceIds[0] ?? null },
  ]);
  if (change && change.share === 0) {
    return [
      figure(
        { indicator: 'JOBS', unit: 'FTE', formula: `0 FTE: ${change.note}`, factors: uses, basis: 'DECLARED', organizationId: null },
        { low: 0, central: 0, high: 0 },
        3,
      ),
    ];
  }
  const quantity = whole * (change?.share ?? 1);
  const jobs = (quantity * ratio) / 1000;
  const scaled = change && change.share !== 1 ? `${fmt(whole)} ${unitLabel} × ${pct(change.share)} = ` : '';
  const figures = [
    figure(
      {
        indicator: 'JOBS',
        unit: 'FTE',
        formula: `${scaled}${fmt(quantity)} ${unitLabel} × ${fmt(ratio)} FTE/1000 ${unitLabel} = ${fmt(jobs)} FTE${change?.note ?? ''}`,
        factors: uses,
        basis: 'MIXED',
        organizationId: null,
      },
      spreadRange(jobs),
      3,
    ),
  ];
  if (insertionShare > 0) {
    const insertion = jobs * insertionShare;
    figures.push(
      figure(
        {
          indicator: 'INSERTION_JOBS',
          unit: 'FTE',
          formula: `${fmt(jobs)} FTE × ${pct(insertionShare)} insertion share (${shareOf}) = ${fmt(insertion)} FTE`,
          factors: uses,
          basis: 'MIXED',
          organizationId: null,
        },
        spreadRange(insertion),
        3,
      ),
    );
  }
  return figures;
}


function factorQuantityUnit(f: ResolvedFactor): string {
  return f.factor.unit.split('/')[1] ?? '';
}
