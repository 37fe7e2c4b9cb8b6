import type { CompiledKnowledgeBase } from './compiled-knowledge-base.js';
import type { EngineFlow, ImpactFactorUse, ImpactFigure } from './engine.types.js';
import { heatPump, heatPumpCo2, heatPumpRecoveredFigure, isHeatPumpPathway, seasonalQuantity } from './heat-impacts.js';
import {
  ROAD_DETOUR_USE,
  RECYCLING_ROUTE_FACTOR,
  disposalFactorIdFor,
  materialBaseline,
  type Baseline,
  TAKE_UP,
  baselineUses,
  divertedShare,
  figure,
  joinFactors,
  pct,
  quantityForFactor,
  resolveFactor,
  scaleRange,
  transportFactor,
  type Range,
  type SubstitutionImpactInput,
} from './impact-factors.js';
import { avoidedTerms, co2Figure, factorQuantityUnit, jobFigures, jobsChange, physicalFigure, productionFactorIdFor, type Co2Term } from './impact-figures.js';
import { isMaterialPathway } from '../knowledge/pathway-classes.js';
import { flat, memoText } from './shared-items.js';
import { processTerms } from './process-terms.js';
import { withRecyclingYield } from './treatment-terms.js';
import { substitutionEuros } from './substitution-euros.js';
import { GAS_HEAT_FACTOR_IDS, declaredHeatBaseline, undeclaredHeatLow, usedShareNote, usedShareToday, withDeclaredVariants, type PlainFlows } from './declared-baseline.js';
import type { Pathway } from '../knowledge/knowledge-base.types.js';

/**
 * Impacts of a substitution: what the synergy moves away from disposal, recovers or saves, its net emissions
 * avoided, the euros each party saves and the jobs it creates — each with a range, its formula and its factors.
 * The method is written out in docs/impact-method.md; heat (seasons, heat pumps, the price of recovered heat) is in
 * heat-impacts.ts, the figures shared with pooling in impact-figures.ts, mutualisation impacts in
 * mutualisation-impacts.ts.
 */

export function substitutionImpacts(input: SubstitutionImpactInput, kb: CompiledKnowledgeBase, plainFlows?: PlainFlows): ImpactFigure[] {
  return withDeclaredVariants(input, (i) => figuresOf(i, kb), plainFlows);
}

function figuresOf(input: SubstitutionImpactInput, kb: CompiledKnowledgeBase): ImpactFigure[] {
  const { pathway, output } = input;
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
  // Only the part of a source not used today moves: each side's coverage, and so its euros, shrink with it.
  const coverageIn = season ? season.coverage : unusedPart(input.coverage.input, used.share);
  const pump = indicator === 'ENERGY' && isHeatPumpPathway(pathway) ? heatPump(q, output.temperatureC, input.input.temperatureC) : null;
  const figures: ImpactFigure[] = [];
  const physical = pump
    ? heatPumpRecoveredFigure(q, pump, season?.note ?? '')
    : physicalFigure(pathway, q, share, output.currentDestination, `${season?.note ?? ''}${usedShareNote(used)}`);
  if (physical) figures.push(physical);

  const co2 = pump ? heatPumpCo2(pathway, q, pump, kb, input.input) : materialCo2(input, q, baseline, kb);
  if (co2) figures.push(co2);

  const moved = used.share > 0 ? { ...input, coverage: { output: unusedPart(input.coverage.output, used.share), input: input.coverage.input } } : input;
  const euros = substitutionEuros(moved, q, coverageIn, baseline, pump);
  if (euros.producer) figures.push(euros.producer);
  if (euros.taker) figures.push(euros.taker);

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

/** The part of a coverage not used today (a module function: tsx names each closure made, at a property write each). */
function unusedPart(coverage: number | null, usedShare: number): number | null {
  return coverage === null ? null : coverage * (1 - usedShare);
}

/**
 * Heat or water that is already used today (the source declared it recovered or reused): a new taker moves the
 * use from one user to another, so nothing is recovered or avoided for the territory (issue 14). The parties' euros
 * are not estimated either: what one gains, today's user loses.
 */
function alreadyUsedFigures(input: SubstitutionImpactInput, declaredShare: boolean): ImpactFigure[] {
  const { pathway, output } = input;
  const energy = pathway.impact.indicator === 'ENERGY';
  const reason = declaredShare ? 'declared-share' : `${output.currentDestination}`;
  const uses = usedTodayUses(reason);
  const zero = { low: 0, central: 0, high: 0 };
  const unit = energy ? 'MWh' : 'm³';
  // The words depend on the reason only (a declared share, or the destination): one string each, not one per synergy.
  const destination = output.currentDestination;
  return [
    figure({ indicator: energy ? 'MWH_RECOVERED' : 'WATER_M3_SAVED', unit, formula: memoText(USED_TODAY_TEXT, reason, unit, () => `0 ${unit}: ${usedTodayWhy(declaredShare, destination)}`), factors: uses, basis: 'DECLARED', organizationId: null }, zero),
    figure({ indicator: 'CO2E_AVOIDED_T', unit: 't CO2e', formula: memoText(USED_TODAY_TEXT, reason, 't CO2e', () => `0 t CO2e: ${usedTodayWhy(declaredShare, destination)}`), factors: uses, basis: 'DECLARED', organizationId: null }, zero),
  ];
}

function usedTodayWhy(declaredShare: boolean, destination: string | null): string {
  const today = declaredShare ? 'declared wholly used today' : `declared ${destination}`;
  return `the source is already used today (${today}): the synergy changes its user, not its use`;
}

const USED_TODAY_TEXT = new Map<string, Map<string, string>>();

const USED_TODAY_USES = new Map<string, ImpactFactorUse[]>();

/** The factor of a source used today: one frozen list per reason (a declared share, or the destination). */
function usedTodayUses(why: string): ImpactFactorUse[] {
  let uses = USED_TODAY_USES.get(why);
  if (!uses) {
    uses = Object.freeze([Object.freeze({ id: `used-today:${why}`, value: 0, unit: 'share credited', sourceId: null, kind: 'DECLARED' })]) as ImpactFactorUse[];
    USED_TODAY_USES.set(why, uses);
  }
  return uses;
}

/** Avoided production and disposal of a material (or energy, water) substitution, minus transport, by the baseline. */
function materialCo2(input: SubstitutionImpactInput, q: number, baseline: Baseline, kb: CompiledKnowledgeBase): ImpactFigure | null {
  const { pathway, output } = input;
  const share = baseline.share;
  const destination = output.currentDestination ?? 'undeclared';
  const productionId = productionFactorIdFor(pathway, output.label);
  const production = resolveFactor(kb, productionId);
  if (!production && !resolveFactor(kb, pathway.impact.avoidedDisposalFactorId)) return null;
  if (baseline.sameRoute) {
    const formula = memoText(SAME_ROUTE_CO2, destination, baseline.route, () =>
      `0 t CO2e: already ${destination} today and ${baseline.route} by this pathway — the synergy changes the customer, not the route, so no avoided production or disposal is credited`,
    );
    return noCo2(formula, output.currentDestination, share);
  }
  let terms: Co2Term[];
  let yieldUse: ImpactFactorUse | null = null;
  if (baseline.upgrade) {
    const todayId = productionId ? RECYCLING_ROUTE_FACTOR[productionId] : undefined;
    const today = resolveFactor(kb, todayId);
    const perUnit = production && quantityForFactor(1, pathway.unit, production.factor);
    const perUnitToday = today && quantityForFactor(1, pathway.unit, today.factor);
    if (!production || !today || !perUnit || !perUnitToday) {
      const formula = memoText(NO_ROUTE_FACTOR_CO2, destination, productionId ?? 'the reuse factor', () =>
        `0 t CO2e: already ${destination} today; reuse ranks higher, but the knowledge base has no factor for the recycling route to set against ${productionId ?? 'the reuse factor'}, so no avoided production is credited`,
      );
      return noCo2(formula, output.currentDestination, share);
    }
    terms = [
      { label: 'production (reuse)', quantity: movedRange(q * perUnit), quantityUnit: factorQuantityUnit(production), factor: production, sign: 1 },
      { label: `production already avoided by today's ${destination}`, quantity: movedRange(q * perUnitToday), quantityUnit: factorQuantityUnit(today), factor: today, sign: -1 },
    ];
  } else {
    const partial = share.central === 1 && share.low === 1 ? '' : ` (${pct(share.central)} diverted, baseline ${destination})`;
    const diverted = scaleRange({ low: q, central: q, high: q }, share);
    const material = isMaterialPathway(pathway);
    const disposalId = disposalFactorIdFor(pathway.impact.avoidedDisposalFactorId, output.currentDestination);
    terms = avoidedTerms(pathway, q, diverted, partial, kb, productionId, material ? share : FULL_SHARE, disposalId);
    // Rejects and losses of recycling are still disposed of: the yield scales the avoided disposal, and the avoided
    // production unless its factor is per t recovered (net-economics.ts).
    yieldUse = withRecyclingYield(pathway, productionId, terms);
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
  // Shared factors joined to shared factors stay shared (joinFactors); a declared one makes the list the synergy's own.
  let factors = co2.factors;
  if (heat) for (const use of heat.uses) factors = joinFactors(factors, use);
  if (input.transport) factors = joinFactors(factors, ROAD_DETOUR_USE);
  if (yieldUse) factors = joinFactors(factors, yieldUse);
  if (heat) co2.formula = flat(`${co2.formula}${heat.note}`);
  co2.factors = factors;
  return co2;
}

/** `q` on the expected take-up. */
function movedRange(q: number): Range {
  return scaleRange({ low: q, central: q, high: q }, TAKE_UP);
}

/**
 * The words of a CO2e figure that credits nothing, by destination and what follows (a route, a factor's id): said
 * alike by every substitution of that case, so one flat string each (1.6k figures at 100k flows, 200 characters each).
 */
const SAME_ROUTE_CO2 = new Map<string, Map<string, string>>();
const NO_ROUTE_FACTOR_CO2 = new Map<string, Map<string, string>>();

function noCo2(formula: string, destination: string | null, share: Range): ImpactFigure {
  return figure(
    { indicator: 'CO2E_AVOIDED_T', unit: 't CO2e', formula, factors: baselineUses(destination, share), basis: 'DECLARED', organizationId: null },
    { low: 0, central: 0, high: 0 },
  );
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
