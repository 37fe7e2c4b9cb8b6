import type { FlowUnit } from '../../vocabulary/flow.enums.js';
import type { CompiledKnowledgeBase } from './compiled-knowledge-base.js';
import type { EngineFlow, ImpactFactorUse, ImpactFigure } from './engine.types.js';
import { heatPump, heatPumpCo2, heatPumpRecoveredFigure, heatSaving, isHeatPumpPathway, seasonalQuantity, type HeatPump, type SupplySaving } from './heat-impacts.js';
import {
  DECLARED_COST_SAVING,
  DECLARED_COST_SHARE_USE,
  DEFAULT_SPREAD_USE,
  HAULAGE_EUR_PER_TKM,
  HAULAGE_USE,
  ROAD_DETOUR_USE,
  RECYCLING_ROUTE_FACTOR,
  disposalFactorIdFor,
  declaredCostUse,
  typicalCostUse,
  materialBaseline,
  type Baseline,
  TAKE_UP,
  UNIT_LABEL,
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
  type SubstitutionImpactInput,
} from './impact-factors.js';
import { avoidedTerms, co2Figure, factorQuantityUnit, jobFigures, jobsChange, physicalFigure, productionFactorIdFor, type Co2Term } from './impact-figures.js';
import { isMaterialPathway, isServicePathway } from '../knowledge/pathway-classes.js';
import { processTerms } from './process-terms.js';
import { GAS_HEAT_FACTOR_IDS, declaredHeatBaseline, undeclaredHeatLow, usedShareNote, usedShareToday, withDeclaredVariants } from './declared-baseline.js';
import type { Pathway } from '../knowledge/knowledge-base.types.js';

/**
 * Impacts of a substitution: what the synergy moves away from disposal, recovers or saves, its net emissions
 * avoided, the euros each party saves and the jobs it creates — each with a range, its formula and its factors.
 * The method is written out in docs/impact-method.md; heat (seasons, heat pumps, the price of recovered heat) is in
 * heat-impacts.ts, the figures shared with pooling in impact-figures.ts, mutualisation impacts in
 * mutualisation-impacts.ts.
 */

export function substitutionImpacts(input: SubstitutionImpactInput, kb: CompiledKnowledgeBase): ImpactFigure[] {
  return withDeclaredVariants(input, (i) => figuresOf(i, kb));
}

function figuresOf(input: SubstitutionImpactInput, kb: CompiledKnowledgeBase): ImpactFigure[] {
  const { pathway, output } = input;
  const unit = pathway.unit;
  const indicator = pathway.impact.indicator;
  const material = isMaterialPathway(pathway);
  const used = !material && (indicator === 'ENERGY' || indicator === 'WATER') ? usedShareToday(output) : { share: 0, declared: false };
  if (used.share >= 1) return alreadyUsedFigures(input, used.declared);
  // A source partly used today: only the part not used is credited.
  const matched = input.matchedQuantity === null ? null : input.matchedQuantity * (1 - used.share);
  if (matched === null) return [];
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
    : physicalFigure(pathway, q, share, output.currentDestination, `${season?.note ?? ''}${usedShareNote(used)}`);
  if (physical) figures.push(physical);

  const co2 = pump ? heatPumpCo2(pathway, q, pump, kb, input.input) : materialCo2(input, q, baseline, kb);
  if (co2) figures.push(co2);

  const disposal = costSaving('output', input.output, input.coverage.output, q, unit, pathway, share);
  if (disposal) figures.push(material ? lessHaulage(disposal, input) : disposal);
  const purchase = purchaseSaving(input, q, coverageIn, baseline, pump);
  if (purchase) figures.push(purchase);

  // The work a substitution creates (collection, sorting, repair, processing) is done by the organisation that takes
  // the stream: its jobs are insertion jobs when it is an insertion enterprise (SIAE) or of kind SSE. The producer
  // only hands the stream over; its own jobs exist already.
  const worker = input.input;
  const insertionShare = worker.insertion || worker.organizationKind === 'SSE' ? 1 : 0;
  const change = material ? jobsChange(baseline, output.currentDestination, pathway, kb.kb.pathways) : undefined;
  figures.push(...jobFigures(pathway, q, insertionShare, 'the taker, which does the work, is an insertion or SSE enterprise', change));
  // A copy of exactly the right length (an array grown by push keeps room for 17).
  return figures.slice();
}

/**
 * Heat or water that is already used today (the source declared it recovered or reused): a new taker moves the
 * use from one user to another, so nothing is recovered or avoided for the territory (issue 14). The parties' euros
 * are not estimated either: what one gains, today's user loses.
 */
function alreadyUsedFigures(input: SubstitutionImpactInput, declaredShare: boolean): ImpactFigure[] {
  const { pathway, output } = input;
  const today = declaredShare ? 'declared wholly used today' : `declared ${output.currentDestination}`;
  const why = `the source is already used today (${today}): the synergy changes its user, not its use`;
  const zero = { low: 0, central: 0, high: 0 };
  const energy = pathway.impact.indicator === 'ENERGY';
  const uses: ImpactFactorUse[] = [{ id: `used-today:${declaredShare ? 'declared-share' : output.currentDestination}`, value: 0, unit: 'share credited', sourceId: null, kind: 'DECLARED' }];
  return [
    figure({ indicator: energy ? 'MWH_RECOVERED' : 'WATER_M3_SAVED', unit: energy ? 'MWh' : 'm³', formula: `0 ${energy ? 'MWh' : 'm³'}: ${why}`, factors: uses, basis: 'DECLARED', organizationId: null }, zero),
    figure({ indicator: 'CO2E_AVOIDED_T', unit: 't CO2e', formula: `0 t CO2e: ${why}`, factors: uses, basis: 'DECLARED', organizationId: null }, zero),
  ];
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
    const disposalId = disposalFactorIdFor(pathway.impact.avoidedDisposalFactorId, output.currentDestination);
    terms = avoidedTerms(pathway, q, diverted, partial, kb, productionId, material ? share : FULL_SHARE, disposalId);
    if (terms.length > 0) terms.push(...processTerms(pathway, q, material ? share : FULL_SHARE, output.currentDestination, kb));
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
  const heat = heatBaselineOf(pathway, terms, kb, input.input);
  const co2 = co2Figure(pathway, terms);
  const road = input.transport ? [ROAD_DETOUR_USE] : [];
  return { ...co2, formula: `${co2.formula}${heat?.note ?? ''}`, factors: [...co2.factors, ...(heat?.uses ?? []), ...road] };
}

/**
 * The heat the synergy replaces follows the taker's declared supply today (a fuel and its efficiency, or a heating
 * network's published CO2 content). When nothing is declared, the central and high keep the gas boiler and the low
 * is a low-carbon network: the range says how much rests on the gas assumption (docs/impact-method.md § 3).
 */
function heatBaselineOf(pathway: Pathway, terms: Co2Term[], kb: CompiledKnowledgeBase, taker: EngineFlow): { note: string; uses: ImpactFactorUse[] } | null {
  if (pathway.impact.indicator !== 'ENERGY') return null;
  const term = terms.find((t) => t.sign > 0 && GAS_HEAT_FACTOR_IDS.has(t.factor.factor.id));
  if (!term) return null;
  const declared = declaredHeatBaseline(taker, kb, term.factor);
  if (declared) {
    term.factor = declared.factor;
    term.label = "heat the taker's declared supply makes";
    return { note: declared.note, uses: declared.uses };
  }
  const low = undeclaredHeatLow(kb);
  if (!low || low.low >= term.factor.range.low) return null;
  term.factor = { ...term.factor, range: { ...term.factor.range, low: low.low } };
  return { note: `; the taker's heat supply today is not declared: gas boiler assumed (central, high), ${low.note}`, uses: [low.use] };
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
            ? [declaredCostUse(declared)]
            : [typicalCostUse(pathway, 'typical-purchase-cost', typical!, `EUR/${unitLabel}`)],
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
  // The declared purchase prorated to the share the synergy covers.
  const covered = declared !== null ? declared * coverage! : 0;
  const supply: SupplySaving =
    declared !== null
      ? {
          base: scaleRange({ low: covered, central: covered, high: covered }, DECLARED_COST_SAVING),
          formula: `${cost} × ${pct(coverage!)} covered`,
          factors: [declaredCostUse(declared)],
          basis: 'DECLARED',
        }
      : {
          base: spreadRange(q * typical!),
          formula: `${fmt(q)} ${unitLabel} × ${fmt(typical!)} EUR/${unitLabel} typical purchase`,
          factors: [typicalCostUse(pathway, 'typical-purchase-cost', typical!, `EUR/${unitLabel}`)],
          basis: 'TYPICAL',
        };
  const { base, formula, factors, basis } = pathway.impact.indicator === 'ENERGY' ? heatSaving(supply, declared !== null, pump) : supply;
  return figure(
    { indicator: 'EUROS_SAVED', unit: 'EUR', formula: `${formula} = ${fmt(base.central)} EUR`, factors, basis, organizationId: flow.organizationId },
    base,
    0,
  );
}

/** Euros a party saves: its declared cost prorated to the matched share, else a typical cost × quantity. */
/**
 * Net of haulage: the producer now brings its output to the taker (it paid its collector before, which its declared
 * or typical disposal cost includes), `t·km × 0.12 EUR/t·km` (an assumption, 0.08 to 0.20). The net may be negative.
 */
function lessHaulage(saving: ImpactFigure, input: SubstitutionImpactInput): ImpactFigure {
  const tkm = input.transport?.tonneKm;
  if (!tkm || tkm <= 0) return saving;
  const cost = (eur: number) => Math.round(tkm * eur);
  return {
    ...saving,
    low: saving.low - cost(HAULAGE_EUR_PER_TKM.high),
    central: saving.central - cost(HAULAGE_EUR_PER_TKM.central),
    high: saving.high - cost(HAULAGE_EUR_PER_TKM.low),
    formula: `${saving.formula} − ${fmt(tkm)} t·km × ${fmt(HAULAGE_EUR_PER_TKM.central)} EUR/t·km haulage (assumed) = ${fmt(saving.central - cost(HAULAGE_EUR_PER_TKM.central))} EUR net`,
    factors: [...saving.factors, HAULAGE_USE],
    basis: saving.basis === 'DECLARED' ? 'MIXED' : saving.basis,
  };
}

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
        factors: [declaredCostUse(flow.yearlyCostEur), DECLARED_COST_SHARE_USE],
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
        typicalCostUse(pathway, side === 'output' ? 'typical-disposal-cost' : 'typical-purchase-cost', typical, `EUR/${unitLabel}`),
        DEFAULT_SPREAD_USE,
      ]),
      basis: 'TYPICAL',
      organizationId: flow.organizationId,
    },
    spreadRange(central),
    0,
  );
}
