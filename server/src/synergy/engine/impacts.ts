import type { FlowUnit } from '../../flow/flow.enums.js';
import type { Pathway } from '../knowledge/knowledge-base.types.js';
import type { CompiledKnowledgeBase } from './compiled-knowledge-base.js';
import type { EngineFlow, ImpactFigure } from './engine.types.js';
import {
  DECLARED_COST_SAVING,
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
  const q = input.matchedQuantity;
  if (q === null) return [];
  const { pathway, output } = input;
  const unit = pathway.unit;
  const share = divertedShare(output.currentDestination);
  const figures: ImpactFigure[] = [];
  const physical = physicalFigure(pathway, q, share, output.currentDestination);
  if (physical) figures.push(physical);

  const baseline = share.central === 1 ? '' : ` (${pct(share.central)} diverted)`;
  const production = productionFactorIdFor(pathway, output.label);
  const terms = avoidedTerms(pathway, q, scaleRange({ low: q, central: q, high: q }, share), baseline, kb, production);
  if (terms.length > 0) {
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
    figures.push(co2Figure(pathway, terms));
  }

  const disposal = costSaving('output', input.output, input.coverage.output, q, unit, pathway, share);
  if (disposal) figures.push(disposal);
  const purchase = costSaving('input', input.input, input.coverage.input, q, unit, pathway, null);
  if (purchase) figures.push(purchase);

  const insertionShare = ((output.insertion || output.organizationKind === 'SSE' ? 1 : 0) +
    (input.input.insertion || input.input.organizationKind === 'SSE' ? 1 : 0)) / 2;
  figures.push(...jobFigures(pathway, q, insertionShare, 'of 2 parties'));
  // A copy of exactly the right length (an array grown by push keeps room for 17).
  return figures.slice();
}

/** TONNES_DIVERTED, MWH_RECOVERED or WATER_M3_SAVED, by the pathway's indicator. */
export function physicalFigure(
  pathway: Pathway,
  quantity: number,
  share: Range,
  destination: string | null,
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
      formula: `${fmt(amount)} ${label} a year matched`,
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
 * Avoided production (the substituted input: all of `quantity`) and avoided disposal (only `diverted`, the part
 * moved away from disposal by the baseline), in the pathway's unit.
 */
export function avoidedTerms(
  pathway: Pathway,
  quantity: number,
  diverted: Range,
  baseline: string,
  kb: CompiledKnowledgeBase,
  productionFactorId: string | undefined = pathway.impact.avoidedProductionFactorId,
): Co2Term[] {
  const terms: Co2Term[] = [];
  const production = resolveFactor(kb, productionFactorId);
  const perUnit = production && quantityForFactor(1, pathway.unit, production.factor);
  if (production && perUnit !== null) {
    const q = quantity * perUnit;
    terms.push({
      label: 'production',
      quantity: scaleRange({ low: q, central: q, high: q }, TAKE_UP),
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

/** JOBS, and INSERTION_JOBS for the share an insertion enterprise or SSE operates. */
export function jobFigures(pathway: Pathway, quantity: number, insertionShare: number, shareOf: string): ImpactFigure[] {
  const ratio = pathway.impact.jobsPer1000Units;
  if (ratio === undefined || ratio <= 0) return [];
  const unitLabel = UNIT_LABEL[pathway.unit] ?? pathway.unit;
  const jobs = (quantity * ratio) / 1000;
  const uses = sharedFactors(pathway, 'jobs', () => [
    { id: 'jobs-per-1000-units', value: ratio, unit: `FTE per 1000 ${unitLabel}`, sourceId: pathway.impact.sourceIds[0] ?? null },
  ]);
  const figures = [
    figure(
      {
        indicator: 'JOBS',
        unit: 'FTE',
        formula: `${fmt(quantity)} ${unitLabel} × ${fmt(ratio)} FTE/1000 ${unitLabel} = ${fmt(jobs)} FTE`,
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
