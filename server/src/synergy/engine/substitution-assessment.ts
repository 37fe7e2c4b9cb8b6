import type { ScoreWeights } from './engine.options.js';
import { roundScore } from './engine.options.js';
import type { ExplanationItem, ScoreBreakdown } from './engine.types.js';
export { item } from './shared-items.js';
import { bitCount, type PreparedFlow, type SideMatch } from './prepared-flow.js';
import { NOT_HAZARDOUS, frozenItem, item, sharedItem } from './shared-items.js';
import { MATCH_LEVEL_CODE, MATCH_LEVEL_COMPATIBILITY } from './stream-matcher.js';

/**
 * The one place that decides whether an output can replace an input through a pathway, and how well. It runs in
 * two modes: without a sink in the hot loop (numbers only, no allocation), and with a sink to explain a synergy
 * that is kept. Both modes take the same branches, so an explanation always tells why the score is what it is.
 */

export interface AssessmentSink {
  reasons: ExplanationItem[];
  conditionsMet: ExplanationItem[];
  conditionsToCheck: ExplanationItem[];
  breakdown: ScoreBreakdown;
}

export const EXCLUDED = -1;

/** Quality factors (multiplied together into the `quality` component). */
const QUALITY = {
  temperatureUnknown: 0.7,
  /** Just at the required temperature plus margin; rises to 1 with 10 °C more. */
  temperatureAtMargin: 0.85,
  temperatureComfortC: 10,
  formDiffers: 0.8,
  formUnknown: 0.9,
  treatmentNeeded: 0.9,
} as const;
const HAZARD_HANDLED = 0.7;
/** Quantity component when a quantity is unknown: neither a good nor a bad fit. */
const QUANTITY_UNKNOWN = 0.4;

export function newSink(): AssessmentSink {
  return {
    reasons: [],
    conditionsMet: [],
    conditionsToCheck: [],
    breakdown: { compatibility: 0, quantity: 0, distance: 0, quality: 0, availability: 0, hazard: 0 },
  };
}

/** Score in [0, 1] of output `o` replacing input `i` through the pathway of `om`/`im`, or EXCLUDED. */
export function assessSubstitution(
  o: PreparedFlow,
  om: SideMatch,
  i: PreparedFlow,
  im: SideMatch,
  distanceKm: number,
  weights: ScoreWeights,
  sink: AssessmentSink | null,
): number {
  if (o.organizationId === i.organizationId) return EXCLUDED;
  const pathway = om.side.pathway;
  const conditions = pathway.pathway.conditions;
  if (distanceKm > pathway.reachKm) return EXCLUDED;

  let hazard = 1;
  if (o.hazardous) {
    if (conditions.hazardous === 'FORBIDDEN') return EXCLUDED;
    if (conditions.hazardous === 'HANDLED') {
      hazard = HAZARD_HANDLED;
      sink?.conditionsToCheck.push(item('HAZARD_HANDLING', { ewcCode: o.ewcCode }));
    } else sink?.conditionsMet.push(item('HAZARD_ALLOWED', { ewcCode: o.ewcCode }));
  }

  let quality = 1;
  const margin = conditions.temperatureMarginC;
  if (margin !== undefined && margin !== null) {
    if (o.temperatureC !== null && i.temperatureC !== null) {
      const excess = o.temperatureC - (i.temperatureC + margin);
      if (excess < 0) return EXCLUDED;
      if (excess < QUALITY.temperatureComfortC) {
        quality *= QUALITY.temperatureAtMargin + ((1 - QUALITY.temperatureAtMargin) * excess) / QUALITY.temperatureComfortC;
      }
      if (sink) {
        const params = { outputC: o.temperatureC, requiredC: i.temperatureC, marginC: margin };
        sink.reasons.push(item('TEMPERATURE_OK', params));
        sink.conditionsMet.push(item('TEMPERATURE_MARGIN', params));
      }
    } else {
      quality *= QUALITY.temperatureUnknown;
      const side = o.temperatureC === null ? (i.temperatureC === null ? 'both' : 'output') : 'input';
      sink?.conditionsToCheck.push(item('TEMPERATURE_UNKNOWN', { side, marginC: margin }));
    }
  }

  const overlap = o.monthMask & i.monthMask;
  if (overlap === 0) return EXCLUDED;
  const covered = overlap === i.monthMask ? i.monthCount : bitCount(overlap);
  const availability = covered / i.monthCount;

  quality *= formFactor(o, i, om, sink);
  if (pathway.treatmentItem) {
    quality *= QUALITY.treatmentNeeded;
    sink?.conditionsToCheck.push(pathway.treatmentItem);
  }

  const oq = om.quantity;
  const iq = im.quantity;
  let quantity = QUANTITY_UNKNOWN;
  if (oq !== null && iq !== null) {
    const matched = oq < iq ? oq : iq;
    quantity = (matched / oq + matched / iq) / 2;
  }

  const compatibility = (MATCH_LEVEL_COMPATIBILITY[om.level] + MATCH_LEVEL_COMPATIBILITY[im.level]) / 2;
  const distance = pathway.reachKm > 0 ? 1 - distanceKm / pathway.reachKm : 1;
  const score =
    weights.compatibility * compatibility +
    weights.quantity * quantity +
    weights.distance * distance +
    weights.quality * quality +
    weights.availability * availability +
    weights.hazard * hazard;

  if (sink) {
    explainSides(o, om, im, sink);
    explainQuantities(o, om, i, im, sink);
    sink.reasons.push(item('WITHIN_REACH', { distanceKm: round(distanceKm, 1), reachKm: pathway.reachKm }));
    if (availability === 1) sink.conditionsMet.push(sharedItem('AVAILABILITY_FULL', 'months', i.monthCount));
    else sink.conditionsToCheck.push(item('PARTIAL_AVAILABILITY', { monthsCovered: covered, monthsNeeded: i.monthCount }));
    const b = sink.breakdown;
    b.compatibility = round(compatibility, 4);
    b.quantity = round(quantity, 4);
    b.distance = round(distance, 4);
    b.quality = round(quality, 4);
    b.availability = round(availability, 4);
    b.hazard = hazard;
  }
  return roundScore(score);
}

/** Physical form: what the input takes today against what the output is. */
function formFactor(o: PreparedFlow, i: PreparedFlow, om: SideMatch, sink: AssessmentSink | null): number {
  const of = o.flow.physicalForm;
  const inf = i.flow.physicalForm;
  const expected = om.side.matcher.physicalForms;
  if (of === null || of === 'NOT_APPLICABLE') {
    if (of === null && expected) {
      sink?.conditionsToCheck.push(item('PHYSICAL_FORM_UNKNOWN', { expected: [...expected].join(', ') }));
      return QUALITY.formUnknown;
    }
    return 1;
  }
  if (inf !== null && inf !== 'NOT_APPLICABLE' && inf !== of) {
    sink?.conditionsToCheck.push(item('PHYSICAL_FORM_DIFFERS', { output: of, input: inf }));
    return QUALITY.formDiffers;
  }
  sink?.conditionsMet.push(sharedItem('PHYSICAL_FORM_OK', 'form', of));
  return 1;
}

/** How each side was recognised: one frozen item per flow and pathway, shared by all the flow's synergies. */
function explainSides(o: PreparedFlow, om: SideMatch, im: SideMatch, sink: AssessmentSink): void {
  sink.reasons.push((om.reason ??= frozenItem(MATCH_LEVEL_CODE[om.level], { side: 'output', detail: om.detail })));
  sink.reasons.push((im.reason ??= frozenItem(MATCH_LEVEL_CODE[im.level], { side: 'input', detail: im.detail })));
  if (!o.hazardous) sink.conditionsMet.push(NOT_HAZARDOUS);
}

function explainQuantities(o: PreparedFlow, om: SideMatch, i: PreparedFlow, im: SideMatch, sink: AssessmentSink): void {
  const unit = om.side.pathway.pathway.unit;
  for (const [side, flow, match] of [['output', o, om], ['input', i, im]] as const) {
    if (match.quantity !== null) continue;
    if (flow.flow.yearlyQuantity !== null && flow.flow.yearlyQuantity > 0) {
      sink.conditionsToCheck.push(item('UNIT_MISMATCH', { side, unit: flow.flow.unit, pathwayUnit: unit }));
    } else sink.conditionsToCheck.push(item('QUANTITY_UNKNOWN', { side }));
  }
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
