import type { CompiledKindGroup, CompiledKinds, CompiledOutputConditions, PreparedFlow, SideMatch } from './compiled.types.js';
import type { Geometry } from './geo.js';
import type { ExplanationItem, ScoreBreakdown } from './engine.types.js';
import { writeRecord } from './member-grid.js';
import { STRIDE } from './member-record.js';
import { EXCLUDED, IO, PART, monthCount, scoreRecords, sourceTemperatureBounded } from './pair-score.js';
import { quantityIn } from './prepared-flow.js';
import { POW10 } from './impact-factors.js';
import { NOT_HAZARDOUS, frozenItem, item, sharedDistanceItem, sharedItem } from './shared-items.js';
import { MATCH_LEVEL_CODE } from './stream-matcher.js';
import { findKeyword, searchableLabel } from './text-fold.js';

export { EXCLUDED };
export { item };

/**
 * Whether an output can replace an input through a pathway, how well, and why. The score comes from the numeric
 * core (pair-score.ts) fed with the flows' values; with a sink, the reasons and conditions behind each branch of
 * the core are written out, and the components of the score.
 */

export interface AssessmentSink {
  reasons: ExplanationItem[];
  conditionsMet: ExplanationItem[];
  conditionsToCheck: ExplanationItem[];
  breakdown: ScoreBreakdown;
}

export function newSink(): AssessmentSink {
  return {
    reasons: [],
    conditionsMet: [],
    conditionsToCheck: [],
    breakdown: { compatibility: 0, quantity: 0, distance: 0, quality: 0, availability: 0, hazard: 0 },
  };
}

const parts = new Float64Array(6);
const records = new Float64Array(2 * STRIDE);
const io = new Float64Array(2);

/** Score in [0, 1] of output `o` replacing input `i` through the pathway of `om`/`im`, or EXCLUDED. */
export function assessSubstitution(
  geometry: Geometry,
  o: PreparedFlow,
  om: SideMatch,
  i: PreparedFlow,
  im: SideMatch,
  distanceKm: number,
  weights: Float64Array,
  sink: AssessmentSink | null,
): number {
  if (o.organizationId === i.organizationId) return EXCLUDED;
  const pathway = om.side.pathway;
  writeRecord(o, om, geometry, records, 0);
  writeRecord(i, im, geometry, records, STRIDE);
  io[IO.DISTANCE] = distanceKm;
  scoreRecords(pathway.kernel, weights, records, 0, records, STRIDE, io, parts);
  const score = io[IO.SCORE];
  if (score !== EXCLUDED && sink) explain(o, om, i, im, distanceKm, sink);
  return score;
}

/** Frozen match reasons by side, level and detail (see `matchReason`). */
const REASONS = { output: [] as Map<string, ExplanationItem>[], input: [] as Map<string, ExplanationItem>[] };
/** Beyond this many details of one side and level (temperatures are details), reasons are made each time. */
const REASONS_PER_LEVEL = 4096;

/**
 * The reason a match gives: one frozen item per side, level and detail, shared by every match recognised so — the
 * matches of each compiled knowledge base, and the copies carrying a flow's kinds (22k reasons for 4.2k distinct ones
 * at 100k flows when made per match).
 */
function matchReason(m: SideMatch, side: 'output' | 'input'): ExplanationItem {
  const byDetail = (REASONS[side][m.level] ??= new Map());
  let reason = byDetail.get(m.detail);
  if (!reason) {
    reason = frozenItem(MATCH_LEVEL_CODE[m.level], { side, detail: m.detail });
    if (byDetail.size < REASONS_PER_LEVEL) byDetail.set(m.detail, reason);
  }
  return reason;
}

/** The items behind the core's branches, in the order a reader checks them. */
function explain(o: PreparedFlow, om: SideMatch, i: PreparedFlow, im: SideMatch, distanceKm: number, sink: AssessmentSink): void {
  const pathway = om.side.pathway;
  const conditions = pathway.pathway.conditions;
  sink.reasons.push((om.reason ??= matchReason(om, 'output')));
  sink.reasons.push((im.reason ??= matchReason(im, 'input')));
  if (om.unconfirmed) sink.conditionsToCheck.push(item('CODE_WORDS_UNCONFIRMED', { side: 'output', detail: om.detail }));
  if (pathway.kinds) explainKinds(pathway.id, pathway.kinds, om.kinds, im.kinds, sink);
  if (o.hazardous) {
    if (conditions.hazardous === 'HANDLED') sink.conditionsToCheck.push(item('HAZARD_HANDLING', { ewcCode: o.ewcCode }));
    else sink.conditionsMet.push(item('HAZARD_ALLOWED', { ewcCode: o.ewcCode }));
  }
  const margin = conditions.temperatureMarginC;
  if (margin !== undefined && margin !== null) {
    if (o.temperatureC !== null && i.temperatureC !== null) {
      const params = { outputC: o.temperatureC, requiredC: i.temperatureC, marginC: margin };
      sink.reasons.push(item('TEMPERATURE_OK', params));
      sink.conditionsMet.push(item('TEMPERATURE_MARGIN', params));
    } else {
      const side = o.temperatureC === null ? (i.temperatureC === null ? 'both' : 'output') : 'input';
      sink.conditionsToCheck.push(item('TEMPERATURE_UNKNOWN', { side, marginC: margin }));
    }
  }
  if (o.temperatureC === null && sourceTemperatureBounded(pathway)) {
    const bounds = { minC: pathway.output?.minTemperatureC ?? null, maxC: pathway.output?.maxTemperatureC ?? null };
    sink.conditionsToCheck.push(item('SOURCE_TEMPERATURE_UNKNOWN', bounds));
  }
  // The margin the score used (pair-score.ts): that of the direct routes the need plays, else the pathway's own.
  const pumpBelow =
    conditions.heatPumpBelowMarginC === undefined || i.temperatureC === null
      ? undefined
      : Number.isNaN(i.directFromC) ? conditions.heatPumpBelowMarginC : i.directFromC - i.temperatureC;
  if (pumpBelow !== undefined && o.temperatureC !== null && i.temperatureC !== null) {
    sink.conditionsMet.push(item('HEAT_PUMP_LIFT', { outputC: o.temperatureC, requiredC: i.temperatureC, marginC: pumpBelow }));
  }
  explainForm(o, i, om, sink);
  const variant = pathway.outputConditions ? outputConditionsOf(o, pathway.outputConditions) : null;
  const treatment = variant?.treatmentItem ?? pathway.treatmentItem;
  if (treatment) sink.conditionsToCheck.push(treatment);
  explainQuantities(o, om, i, im, sink);
  // Within reach: one shared item per distance (to 100 m) and reach, as most substitutions say it.
  if (distanceKm <= pathway.reachKm) sink.reasons.push(sharedDistanceItem('WITHIN_REACH', 'distanceKm', distanceKm, pathway.reachKm));
  else sink.conditionsToCheck.push(item('BEYOND_REACH', { distanceKm: round(distanceKm, 1), reachKm: pathway.reachKm }));
  if (!o.hazardous) sink.conditionsMet.push(NOT_HAZARDOUS);
  const covered = monthCount(o.monthMask & i.monthMask);
  if (covered === i.monthCount) sink.conditionsMet.push(sharedItem('AVAILABILITY_FULL', 'months', i.monthCount));
  else sink.conditionsToCheck.push(item('PARTIAL_AVAILABILITY', { monthsCovered: covered, monthsNeeded: i.monthCount }));
  // The checks told by the output's words come just before the pathway's own (appended by the synergy).
  if (variant) for (const check of variant.checkItems) sink.conditionsToCheck.push(check);
  const b = sink.breakdown;
  b.compatibility = round(parts[PART.compatibility], 4);
  b.quantity = round(parts[PART.quantity], 4);
  b.distance = round(parts[PART.distance], 4);
  b.quality = round(parts[PART.quality], 4);
  b.availability = round(parts[PART.availability], 4);
  b.hazard = parts[PART.hazard];
}

/**
 * Kinds of item, group by group (see CompiledKinds): the kind both sides name (SAME_KIND, one per group), or which
 * side names none (KIND_TO_CHECK, once). A pair whose sides name different kinds of a group never gets here.
 */
function explainKinds(pathwayId: string, kinds: CompiledKinds, o: number, i: number, sink: AssessmentSink): void {
  if (o === 0 || i === 0) {
    sink.conditionsToCheck.push(item('KIND_TO_CHECK', { side: o === 0 ? (i === 0 ? 'both' : 'output') : 'input' }));
    return;
  }
  const shared = o & i;
  let toCheck: string | null = null;
  for (const group of kinds.groups) {
    const all = (1 << group.kinds.length) - 1;
    const op = positionsIn(o, group);
    const ip = positionsIn(i, group);
    // With several groups, a flow naming no kind of a group has every kind of it (see kindsOf).
    const oNamed = kinds.groups.length === 1 || op !== all;
    const iNamed = kinds.groups.length === 1 || ip !== all;
    if (oNamed && iNamed) {
      const sp = positionsIn(shared, group);
      const kind = group.kinds.find((k) => (sp & (1 << k.position)) !== 0);
      if (kind) sink.reasons.push(item('SAME_KIND', { pathwayId, kind: kind.id }));
    } else toCheck ??= oNamed ? 'input' : iNamed ? 'output' : 'both';
  }
  if (toCheck) sink.conditionsToCheck.push(item('KIND_TO_CHECK', { side: toCheck }));
}

/** The positions of a group's kinds present in a mask of combinations, one bit each. */
function positionsIn(mask: number, group: CompiledKindGroup): number {
  let positions = 0;
  for (let bit = 0; bit < 31; bit++) {
    if (mask & (1 << bit)) positions |= 1 << (Math.floor(bit / group.stride) % group.kinds.length);
  }
  return positions;
}

/** The treatment and checks the output's label calls for (first entry whose words it contains), if any. */
function outputConditionsOf(o: PreparedFlow, entries: CompiledOutputConditions[]): CompiledOutputConditions | null {
  const label = searchableLabel(o.flow.label);
  return entries.find((entry) => findKeyword(label, entry.keywords) !== null) ?? null;
}

/** Physical form: what the input takes today against what the output is. */
function explainForm(o: PreparedFlow, i: PreparedFlow, om: SideMatch, sink: AssessmentSink): void {
  const of = o.flow.physicalForm;
  const inf = i.flow.physicalForm;
  const expected = om.side.matcher.physicalForms;
  if (of === null) {
    if (expected) sink.conditionsToCheck.push(item('PHYSICAL_FORM_UNKNOWN', { expected: formsText(expected) }));
  } else if (of === 'NOT_APPLICABLE') return;
  else if (inf !== null && inf !== 'NOT_APPLICABLE' && inf !== of) {
    sink.conditionsToCheck.push(item('PHYSICAL_FORM_DIFFERS', { output: of, input: inf }));
  } else sink.conditionsMet.push(sharedItem('PHYSICAL_FORM_OK', 'form', of));
}

const FORMS_TEXT = new WeakMap<Set<string>, string>();

/** A matcher's physical forms as said: joined once per matcher (a copy and a join per synergy before). */
function formsText(forms: Set<string>): string {
  let text = FORMS_TEXT.get(forms);
  if (text === undefined) FORMS_TEXT.set(forms, (text = [...forms].join(', ')));
  return text;
}

function explainQuantities(o: PreparedFlow, om: SideMatch, i: PreparedFlow, im: SideMatch, sink: AssessmentSink): void {
  // Side by side, output first (a list of three-element lists was made per synergy to loop over them).
  const unit = om.side.pathway.pathway.unit;
  explainQuantity('output', o, om, unit, sink);
  explainQuantity('input', i, im, unit, sink);
}

function explainQuantity(side: 'output' | 'input', flow: PreparedFlow, match: SideMatch, unit: string, sink: AssessmentSink): void {
  if (quantityIn(flow, match) !== null) return;
  if (flow.flow.yearlyQuantity !== null && flow.flow.yearlyQuantity > 0) {
    sink.conditionsToCheck.push(item('UNIT_MISMATCH', { side, unit: flow.flow.unit, pathwayUnit: unit }));
  } else sink.conditionsToCheck.push(item('QUANTITY_UNKNOWN', { side }));
}

export function round(value: number, decimals: number): number {
  const f = POW10[decimals];
  return Math.round(value * f) / f;
}
