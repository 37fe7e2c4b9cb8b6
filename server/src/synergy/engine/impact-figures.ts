import type { Pathway } from '../knowledge/knowledge-base.types.js';
import type { CompiledKnowledgeBase } from './compiled-knowledge-base.js';
import type { ImpactFactorUse, ImpactFigure } from './engine.types.js';
import { isServicePathway } from '../knowledge/pathway-classes.js';
import {
  RECYCLING_ROUTE_JOBS_PATHWAY,
  TAKE_UP,
  TAKE_UP_USE,
  UNIT_LABEL,
  declaredQuantityUses,
  baselineUses,
  figure,
  fmt,
  joinFactors,
  jobsRatioUse,
  pathwayText,
  pct,
  quantityForFactor,
  resolveFactor,
  scaleRange,
  sharedFactors,
  spreadRange,
  type Baseline,
  type Range,
  type ResolvedFactor,
} from './impact-factors.js';
import { findKeyword, searchableKeyword, searchableLabel } from './text-fold.js';
import { convertQuantity } from './units.js';
import { flat, memoText, memoTwoKeys } from './shared-items.js';

/**
 * The figures substitutions and pooling compute alike: the physical quantity moved, recovered or saved, the CO2e of
 * a list of terms (avoided production and disposal, less transport or electricity), and the jobs.
 */

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
        formula: `${fmt(tonnes)}${memoText(DIVERTED_TEXT, destination ?? 'undeclared', share.central, () => ` t × ${pct(share.central)} diverted (baseline ${destination ?? 'undeclared'}) × ${pct(TAKE_UP.central)} take-up = `)}${fmt(range.central)} t`,
        factors: joinFactors(baselineUses(destination, share), TAKE_UP_USE),
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
      formula: `${fmt(amount)} ${label} a year matched${note} × ${pct(TAKE_UP.central)} take-up = ${fmt(amount * TAKE_UP.central)} ${label}`,
      factors: [...declaredQuantityUses(amount, label), TAKE_UP_USE],
      basis: 'DECLARED',
      organizationId: null,
    },
    scaleRange({ low: amount, central: amount, high: amount }, TAKE_UP),
  );
}

/** The words between a physical figure's tonnes and its result, by destination and share: made once each. */
const DIVERTED_TEXT = new Map<string, Map<number, string>>();

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
  const entry = byOutput.find((e) => findKeyword(label, preparedKeywords(e.keywords)) !== null);
  return entry ? entry.avoidedProductionFactorId : pathway.impact.avoidedProductionFactorId;
}

const prepared = new WeakMap<readonly string[], string[]>();

/** A knowledge base's list of keywords prepared for `searchableLabel`, once per list (findKeyword remembers by list). */
function preparedKeywords(keywords: readonly string[]): string[] {
  let list = prepared.get(keywords);
  if (!list) {
    list = keywords.map(searchableKeyword);
    prepared.set(keywords, list);
  }
  return list;
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
  disposalFactorId: string | undefined = pathway.impact.avoidedDisposalFactorId,
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
  const disposal = resolveFactor(kb, disposalFactorId);
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
    // A factor may be negative (recycled board emits more than virgin board, FEDEREC 2017): the low end takes the
    // quantity that makes each term smallest, the high end the one that makes it largest.
    const least = Math.min(t.quantity.low * t.factor.range.low, t.quantity.high * t.factor.range.low);
    const most = Math.max(t.quantity.high * t.factor.range.high, t.quantity.low * t.factor.range.high);
    if (t.sign > 0) {
      low += least / 1000;
      high += most / 1000;
    } else {
      low -= most / 1000;
      high -= least / 1000;
    }
  }
  // Written term by term into one string (an array of parts and a join per figure before).
  let text = '(';
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k];
    text += `${k === 0 ? '' : t.sign > 0 ? ' + ' : ' - '}${fmt(t.quantity.central)} ${t.quantityUnit} × ${fmt(t.factor.range.central)} kg${perUnitOf(t.factor.factor.unit)} ${t.label}`;
  }
  return figure(
    {
      indicator: 'CO2E_AVOIDED_T',
      unit: 't CO2e',
      formula: `${text}) / 1000 = ${fmt(central)} t CO2e`,
      factors: co2Factors(pathway, terms),
      basis: 'MIXED',
      organizationId: null,
    },
    { low, central, high },
  );
}

interface FactorNode {
  list: ImpactFactorUse[] | null;
  next: Map<string, FactorNode> | null;
}
const CO2_FACTORS = new WeakMap<Pathway, FactorNode>();

/**
 * The factors of a CO2e figure: one frozen list per pathway and sequence of the terms' factor ids, made with the
 * first figure of that sequence (as `sharedFactors` under the name "co2:" + the ids), found by walking the ids rather
 * than by joining them into a name at each figure.
 */
function co2Factors(pathway: Pathway, terms: Co2Term[]): ImpactFactorUse[] {
  // A declared factor (a taker's heating network content, its boiler's efficiency) has the same id for every
  // organisation and a value of its own: shared by id, the first declaration read would show in every later
  // synergy of the pathway — another organisation's confidential figure. Such a list is the figure's own.
  for (let k = 0; k < terms.length; k++) {
    if (terms[k].factor.use.kind === 'DECLARED') return Object.freeze(terms.map((t) => Object.freeze(t.factor.use))) as ImpactFactorUse[];
  }
  let node: FactorNode | undefined = CO2_FACTORS.get(pathway);
  if (!node) CO2_FACTORS.set(pathway, (node = { list: null, next: null }));
  for (let k = 0; k < terms.length; k++) {
    const id = terms[k].factor.factor.id;
    let next: FactorNode | undefined = node.next?.get(id);
    if (!next) (node.next ??= new Map()).set(id, (next = { list: null, next: null }));
    node = next;
  }
  return (node.list ??= Object.freeze(terms.map((t) => Object.freeze(t.factor.use))) as ImpactFactorUse[]);
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
  /** Recycling today → reuse: the jobs ratio of today's route (collection, sorting), subtracted: those jobs move. */
  today?: { pathway: Pathway; ratio: number };
}

export function jobsChange(baseline: Baseline, destination: string | null, pathway: Pathway, pathways: readonly Pathway[]): JobsChange | undefined {
  const today = destination ?? 'undeclared';
  // Each case is said alike by every substitution with the same keys: one frozen change each (the upgrade case
  // looked its recycling route up among all pathways at each substitution).
  if (baseline.sameRoute) return memoTwoKeys(SAME_ROUTE_JOBS, today, baseline.route, () => Object.freeze(sameRouteJobs(today, baseline.route)));
  if (baseline.upgrade) {
    let byPathway = UPGRADE_JOBS.get(pathways);
    if (!byPathway) UPGRADE_JOBS.set(pathways, (byPathway = new WeakMap()));
    let change = byPathway.get(pathway);
    if (!change) byPathway.set(pathway, (change = Object.freeze(upgradeJobs(pathway, pathways))));
    return change;
  }
  if (baseline.share.central === 1) return undefined;
  return memoTwoKeys(PARTIAL_JOBS, today, baseline.share.central, () => Object.freeze({
    share: baseline.share.central,
    note: flat(` (${pct(baseline.share.central)} changing route, baseline ${today})`),
  }));
}

const SAME_ROUTE_JOBS = new Map<string, Map<string | number, JobsChange>>();
const PARTIAL_JOBS = new Map<string, Map<string | number, JobsChange>>();
const UPGRADE_JOBS = new WeakMap<readonly Pathway[], WeakMap<Pathway, JobsChange>>();

function sameRouteJobs(today: string, route: string): JobsChange {
  return { share: 0, note: flat(`already ${today} today and ${route} by this pathway — the synergy changes the customer, not the route: jobs moved, not created`) };
}

function upgradeJobs(pathway: Pathway, pathways: readonly Pathway[]): JobsChange {
  const recycling = pathways.find((p) => p.id === RECYCLING_ROUTE_JOBS_PATHWAY[pathway.id]);
  const ratio = recycling?.impact.jobsPer1000Units;
  if (!recycling || ratio === undefined) {
    return {
      share: 0,
      note: `recycled today → reuse, but the knowledge base has no jobs ratio for the recycling route of this stream: its collection and sorting jobs only move, and the rest cannot be told apart — none credited`,
    };
  }
  return {
    share: 1,
    note: flat(` (recycled today → reuse: the collection and sorting jobs of today's route, ${recycling.id}, only move and are taken off)`),
    today: { pathway: recycling, ratio },
  };
}

/** JOBS, and INSERTION_JOBS for the share an insertion enterprise or SSE operates; `change` scales the quantity. */
export function jobFigures(pathway: Pathway, whole: number, insertionShare: number, shareOf: string, change?: JobsChange): ImpactFigure[] {
  const ratio = pathway.impact.jobsPer1000Units;
  if (ratio === undefined || ratio <= 0) return [];
  const unitLabel = UNIT_LABEL[pathway.unit] ?? pathway.unit;
  const uses = sharedFactors(pathway, 'jobs', () => [
    jobsRatioUse(pathway, ratio, `FTE per 1000 ${unitLabel}`),
  ]);
  // Hours of a service bought from a neighbour instead of the usual provider: the work moves, it is not created.
  if (isServicePathway(pathway)) change = SERVICE_JOBS;
  if (change && change.share === 0) {
    const note = change.note;
    // The note is the knowledge base's words (a route, a destination), never a flow's: one formula per note.
    let formula = NO_JOBS.get(note);
    if (formula === undefined) NO_JOBS.set(note, (formula = flat(`0 FTE: ${note}`)));
    return [
      figure(
        { indicator: 'JOBS', unit: 'FTE', formula, factors: uses, basis: 'DECLARED', organizationId: null },
        { low: 0, central: 0, high: 0 },
        3,
      ),
    ];
  }
  const quantity = whole * (change?.share ?? 1);
  const todayRatio = change?.today?.ratio ?? 0;
  // On the expected take-up, like the tonnes: ±30 % around the ratio, 70 % to 100 % of the match.
  const range = scaleRange(spreadRange((quantity * Math.max(0, ratio - todayRatio)) / 1000), TAKE_UP);
  const jobs = range.central;
  const scaled = change && change.share !== 1 ? `${fmt(whole)} ${unitLabel} × ${pct(change.share)} = ` : '';
  // The ratio of today's route is the pathway's own (see jobsChange): its list is made once per pathway, like `uses`.
  const today = change?.today;
  const withToday = today
    ? sharedFactors(pathway, 'jobs-today', () => [...uses, jobsRatioUse(today.pathway, todayRatio, `FTE per 1000 ${unitLabel} (today's route)`)])
    : uses;
  // Said alike by every synergy of the pathway (and today's route, its own: see jobsChange): made once.
  const ratioText = pathwayText(pathway, today ? 'jobs-ratio-today' : 'jobs-ratio', () =>
    today
      ? `(${fmt(ratio)} − ${fmt(todayRatio)} today's route) FTE/1000 ${unitLabel}${assumed(withToday)}`
      : `${fmt(ratio)} FTE/1000 ${unitLabel}${assumed(uses)}`,
  );
  const figures = [
    figure(
      {
        indicator: 'JOBS',
        unit: 'FTE',
        formula: `${scaled}${fmt(quantity)} ${unitLabel} × ${ratioText} × ${pct(TAKE_UP.central)} take-up = ${fmt(jobs)} FTE${change?.note ?? ''}`,
        factors: joinFactors(withToday, TAKE_UP_USE),
        basis: 'MIXED',
        organizationId: null,
      },
      range,
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
          formula: `dont emplois d'insertion (of which insertion jobs — a part of JOBS, not to be added): ${fmt(jobs)} FTE × ${pct(insertionShare)} (${shareOf}) = ${fmt(insertion)} FTE`,
          factors: withToday,
          basis: 'MIXED',
          organizationId: null,
        },
        scaleRange(range, insertionShare),
        3,
      ),
    );
  }
  return figures;
}

const NO_JOBS = new Map<string, string>();

const SERVICE_JOBS: JobsChange = {
  share: 0,
  note: 'a service bought from a neighbour instead of the usual provider: the hours move from one provider to another — jobs moved, not created (counted only where the provider hires new capacity, which no flow declares)',
};

/** Says so in the formula when the jobs ratio has no jobs source: an assumption, ±30 %. */
function assumed(uses: ImpactFactorUse[]): string {
  for (let k = 0; k < uses.length; k++) if (uses[k].kind === 'ASSUMPTION') return ' (ratio assumed: no jobs source in the knowledge base; ±30 %)';
  return '';
}

/** By factor unit ("kgCO2e/t.km"): what a formula says after "kg" ("CO2e/t·km"), and the quantity's unit ("t.km"). */
const PER_UNIT = new Map<string, string>();
const QUANTITY_UNIT = new Map<string, string>();

function perUnitOf(unit: string): string {
  let said = PER_UNIT.get(unit);
  if (said === undefined) PER_UNIT.set(unit, (said = unit.slice(6).replace('.km', '·km')));
  return said;
}

export function factorQuantityUnit(f: ResolvedFactor): string {
  const unit = f.factor.unit;
  let quantity = QUANTITY_UNIT.get(unit);
  if (quantity === undefined) QUANTITY_UNIT.set(unit, (quantity = unit.split('/')[1] ?? ''));
  return quantity;
}
