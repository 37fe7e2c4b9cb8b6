import type { CompiledKinds, CompiledMemberFilter, FlowSides, PreparedFlow, Recognition, SideMatch } from './compiled.types.js';
import type { DescribedLabel, LabelRecognitions } from './side-index.js';
import type { EngineContext } from './engine-context.js';
import { formCode } from './physical-form-code.js';
import type { EngineFlow } from './engine.types.js';
import { normalizeEwcCode } from './stream-matcher.js';
import { knownRecognition, NO_MATCHES, RECOGNITIONS_PER_LABEL, recogniseFlow, SCRATCH, sidesOf } from './flow-recognition.js';
import { findKeyword, searchableLabel } from './text-fold.js';
import { KERNEL } from './pair-score.js';
import { convertQuantity } from './units.js';
import { appendedTo } from './grown-list.js';

/**
 * Preparing a flow for the engine (see PreparedFlow in compiled.types.ts): what it computes once per flow rather than
 * once per pair, and how the flow is recognised as sides of pathways — remembered per label and way of describing it.
 */

/** The flow's yearly quantity in the pathway's unit of `match`; null when unknown or not convertible. */
export function quantityIn(f: PreparedFlow, match: SideMatch): number | null {
  return convertQuantity(f.flow.yearlyQuantity, f.flow.unit, match.side.pathway.unit);
}

/**
 * The quantity as every party of a pair may read it, for choosing and ranking counterparts (member-grid.ts): null
 * for a PRIVATE flow, whose quantity its counterparts may not see — else a stranger could read it from which of its
 * own flows get paired, or in which order.
 */
export function visibleQuantityIn(f: PreparedFlow, match: SideMatch): number | null {
  return f.flow.visibility === 'PRIVATE' ? null : quantityIn(f, match);
}

export const ALL_MONTHS = 0xfff;
export function prepareFlow(flow: EngineFlow, slot: number, ctx: EngineContext): PreparedFlow {
  const kb = ctx.kb;
  const isOutput = flow.direction === 'OUTPUT';
  const ewcCode = flow.ewcCode ? normalizeEwcCode(flow.ewcCode) : null;
  const needTemperature = flow.needCode ? (kb.needs.get(flow.needCode)?.temperatureC ?? null) : null;
  const temperatureC = finiteOrNull(flow.temperatureC) ?? (isOutput ? null : needTemperature);
  const monthMask = monthsToMask(flow.availableMonths);
  ctx.geometry.set(slot, flow.latitude, flow.longitude);
  // Written out rather than spread: a spread object literal is many times slower to build and to read in V8.
  const prepared: PreparedFlow = {
    slot,
    flow,
    id: flow.id,
    organizationId: flow.organizationId,
    org: ctx.organizations.of(flow.organizationId),
    isOutput,
    hazardous: flow.hazardous || (flow.ewcCode !== null && flow.ewcCode.includes('*')),
    ewcCode,
    form: formCode(flow.physicalForm),
    monthMask,
    monthCount: bitCount(monthMask),
    temperatureC,
    insertionActor: flow.insertion || flow.organizationKind === 'SSE',
    directFromC: NaN,
    outputSides: NO_MATCHES,
    inputSides: NO_MATCHES,
    streamSides: NO_MATCHES,
  };
  const index = kb.sides[flow.direction];
  const label = index.labelOf(flow.label);
  let recognition = knownRecognition(label, flow, ewcCode, temperatureC);
  if (!recognition) {
    recognition = recogniseFlow(index, label, flow, ewcCode, temperatureC);
    if (label.recognitions.length < RECOGNITIONS_PER_LABEL) label.recognitions = appendedTo(label.recognitions, [recognition]);
  }
  if (!recognition.perFlow) {
    prepared.outputSides = recognition.outputSides;
    prepared.inputSides = recognition.inputSides;
    prepared.streamSides = recognition.streamSides;
    prepared.directFromC = directHeatFrom(prepared.inputSides, temperatureC);
    return prepared;
  }
  // Member filters and kinds read the flow's own description and NACE code (its need is the recognition's): settled
  // once per recognition and way of filling those two, remembered like recognitions per label.
  let sides: FlowSides | undefined;
  if (!flow.description) {
    // Most flows have no description: found by their NACE code itself, without a key string made (and hashed) per
    // flow. No description and an empty one read the same (see describedAs).
    if (recognition.firstSides !== undefined && recognition.firstNace === flow.naceCode) sides = recognition.firstSides;
    else sides = recognition.perFlowSides?.get(flow.naceCode);
    if (!sides) {
      sides = sidesByExclusions(flow, label, recognition);
      if (recognition.firstSides === undefined) {
        recognition.firstNace = flow.naceCode;
        recognition.firstSides = sides;
      } else {
        const known = (recognition.perFlowSides ??= new Map());
        if (known.size < SIDES_PER_RECOGNITION - 1) known.set(flow.naceCode, sides);
      }
    }
  } else {
    const key = `${flow.naceCode ?? ''}\u0000${flow.description}`;
    const known = (recognition.describedSides ??= new Map());
    sides = known.get(key);
    if (!sides) {
      sides = sidesByExclusions(flow, label, recognition);
      if (known.size < SIDES_PER_RECOGNITION) known.set(key, sides);
    }
  }
  prepared.outputSides = sides.outputSides;
  prepared.inputSides = sides.inputSides;
  prepared.streamSides = sides.streamSides;
  prepared.directFromC = directHeatFrom(prepared.inputSides, temperatureC);
  return prepared;
}

/** Beyond this many NACE codes and descriptions per recognition, flows are settled each time (not remembered). */
const SIDES_PER_RECOGNITION = 64;

/**
 * `flowSides` for a NACE code and description not seen yet with this recognition, shared by the NACE codes that keep
 * the flow out of the same pools: flowSides depends on the code through those alone, and most codes exclude none —
 * at 100k flows, 23k pairs of code and description per recognition come to 11k settlements.
 */
function sidesByExclusions(flow: EngineFlow, label: LabelRecognitions, recognition: Recognition): FlowSides {
  let excluded = '';
  const matches = recognition.matches;
  for (let k = 0; k < matches.length; k++) {
    const side = matches[k].side;
    if (side.role === 'stream' && side.pathway.members && excludedByNace(flow.naceCode, side.pathway.members)) excluded += `${side.pathway.index},`;
  }
  // No pool excluded and no description, the case of most flows (8.6k of the 11k settlements at 100k flows): kept
  // in a field of its own, without a key string made per flow.
  if (excluded === '' && !flow.description) return (recognition.unexcludedSides ??= flowSides(flow, label, matches));
  // Digits and commas, then the description: the first \u0000 ends the pools.
  const key = `${excluded}\u0000${flow.description ?? ''}`;
  const known = (recognition.sidesByExclusions ??= new Map());
  let sides = known.get(key);
  if (!sides) {
    sides = flowSides(flow, label, matches);
    if (known.size < SIDES_PER_RECOGNITION) known.set(key, sides);
  }
  return sides;
}

/**
 * The sides a flow plays among a recognition's `matches` when some of them read its own fields: those its NACE code
 * and words let it be a member of, with the kinds of item it names. Depends on the flow only through its NACE code
 * and description (its need code and label are the recognition's); what the words decide is remembered with the
 * label (see `describedAs`), the NACE code is checked each time.
 */
function flowSides(flow: EngineFlow, label: LabelRecognitions, matches: SideMatch[]): FlowSides {
  let found = 0;
  let words: DescribedLabel | null = null;
  for (let k = 0; k < matches.length; k++) {
    const shared = matches[k];
    const side = shared.side;
    const pathway = side.pathway;
    if (side.role === 'stream' && pathway.members) {
      if (excludedByNace(flow.naceCode, pathway.members)) continue;
      words ??= describedAs(label, flow);
      if (excludedByDescription(label, words, pathway.index, pathway.members)) continue;
    }
    if (!pathway.kinds) SCRATCH[found++] = shared;
    else {
      words ??= describedAs(label, flow);
      SCRATCH[found++] = withKinds(shared, describedKinds(label, words, pathway.index, flow.needCode, pathway.kinds));
    }
  }
  if (found === 0) return { outputSides: NO_MATCHES, inputSides: NO_MATCHES, streamSides: NO_MATCHES };
  return { outputSides: sidesOf(found, 'output'), inputSides: sidesOf(found, 'input'), streamSides: sidesOf(found, 'stream') };
}

/** Beyond this many need codes and descriptions per label, what their words decide is settled each time. */
const DESCRIPTIONS_PER_LABEL = 64;

/**
 * What a label's words, with a flow's description and need code, decide of member filters and kinds, by pathway: a
 * function of those three alone (kindsOf, mayBeMemberByWords), shared by the label's recognitions (2.8 per label at
 * 100k flows) and NACE codes, remembered with the label.
 */
function describedAs(label: LabelRecognitions, flow: EngineFlow): DescribedLabel {
  const needCode = flow.needCode;
  const text = flow.description ?? '';
  const first = label.describedFirst;
  if (first === undefined) return (label.describedFirst = describedLabel(needCode, text));
  if (first.needCode === needCode && first.text === text) return first;
  const key = `${needCode ?? ''}\u0000${text}`;
  const known = (label.described ??= new Map());
  let words = known.get(key);
  if (!words) {
    words = describedLabel(needCode, text);
    if (known.size < DESCRIPTIONS_PER_LABEL - 1) known.set(key, words);
  }
  return words;
}

function describedLabel(needCode: string | null, text: string): DescribedLabel {
  return { needCode, text, described: searchableLabel(text), excluded: [], kinds: [] };
}

/**
 * Whether the words of the label and description keep the flow out of the pools of pathway `index`, remembered in
 * `words.excluded` as index × 2 + 1 when excluded: a label meets a few such pathways, a short list is lighter than a
 * Map per label and description.
 */
function excludedByDescription(label: LabelRecognitions, words: DescribedLabel, index: number, members: CompiledMemberFilter): boolean {
  const known = words.excluded;
  for (let k = 0; k < known.length; k++) if (known[k] >> 1 === index) return (known[k] & 1) === 1;
  const excluded = !mayBeMemberByWords(label.searchable, words.described, members);
  words.excluded = appendedTo(known, [index * 2 + (excluded ? 1 : 0)]);
  return excluded;
}

/** The kinds the words name for pathway `index` (see kindsOf), remembered in `words.kinds` as pairs (index, kinds). */
function describedKinds(label: LabelRecognitions, words: DescribedLabel, index: number, needCode: string | null, kinds: CompiledKinds): number {
  const known = words.kinds;
  for (let k = 0; k < known.length; k += 2) if (known[k] === index) return known[k + 1];
  const named = kindsOf(label.searchable, words.described, needCode, kinds);
  words.kinds = appendedTo(known, [index, named]);
  return named;
}

/**
 * The source temperature from which the direct heat routes among a need's sides (a margin, no heat pump) take every
 * hotter source: each takes [need + margin, or its lowest source if higher; its hottest source]; from the one open
 * above, joined downwards with those that overlap it. NaN when the need's temperature is unknown or none is open above.
 */
function directHeatFrom(sides: SideMatch[], needC: number | null): number {
  if (sides.length === 0 || needC === null) return NaN;
  let from = Infinity;
  for (let pass = 0; pass < sides.length; pass++) {
    let lowered = false;
    for (let k = 0; k < sides.length; k++) {
      const pathway = sides[k].side.pathway;
      const margin = pathway.kernel[KERNEL.MARGIN_C];
      const pump = pathway.kernel[KERNEL.PUMP_BELOW_C];
      if (margin !== margin || pump === pump || !pathway.output) continue;
      const start = Math.max(needC + margin, pathway.output.minTemperatureC ?? -Infinity);
      const end = pathway.output.maxTemperatureC ?? Infinity;
      if (start < from && end >= (from === Infinity ? Infinity : from) && end >= start) {
        from = start;
        lowered = true;
      }
    }
    if (!lowered) break;
  }
  return from === Infinity ? NaN : from;
}

/** Whether a flow's NACE code keeps it out of a pool with this member filter. */
function excludedByNace(nace: string | null, filter: CompiledMemberFilter): boolean {
  if (nace) for (const prefix of filter.excludeNaceCodes) if (nace.startsWith(prefix)) return true;
  return false;
}

/**
 * Whether the words of a flow's label and of its description ("déposés en déchèterie"), both prepared by
 * `searchableLabel`, let it take part in a pool with this member filter.
 */
function mayBeMemberByWords(searchable: string, described: string, filter: CompiledMemberFilter): boolean {
  if (filter.excludeKeywords.length === 0) return true;
  return findKeyword(searchable, filter.excludeKeywords) === null && findKeyword(described, filter.excludeKeywords) === null;
}

/**
 * The kinds of item a flow is, as a bit mask of combinations (see CompiledKinds): in each group, the kinds its
 * declared need or the words of its label name, else those the words of its description name (both prepared by
 * `searchableLabel`; pass " " for no description). 0 when it names no kind of any group.
 */
export function kindsOf(searchable: string, described: string, needCode: string | null, kinds: CompiledKinds): number {
  let combinations = 1;
  // Scratch list of combination numbers: at most 31.
  COMBOS[0] = 0;
  let named = false;
  for (const group of kinds.groups) {
    let positions = namedKinds(searchable, needCode, group.kinds);
    if (positions === 0) positions = namedKinds(described, null, group.kinds);
    if (positions !== 0) named = true;
    else positions = (1 << group.kinds.length) - 1;
    let n = 0;
    for (let c = 0; c < combinations; c++) {
      for (let k = 0; k < group.kinds.length; k++) if (positions & (1 << k)) NEXT[n++] = COMBOS[c] + k * group.stride;
    }
    for (let c = 0; c < n; c++) COMBOS[c] = NEXT[c];
    combinations = n;
  }
  if (!named) return 0;
  let mask = 0;
  for (let c = 0; c < combinations; c++) mask |= 1 << COMBOS[c];
  return mask;
}

const COMBOS = new Int32Array(32);
const NEXT = new Int32Array(32);

/** The positions of the kinds of one group a flow names, one bit each. */
function namedKinds(searchable: string, needCode: string | null, kinds: CompiledKinds['groups'][number]['kinds']): number {
  let positions = 0;
  for (const kind of kinds) {
    if ((needCode !== null && kind.needCodes.includes(needCode)) || findKeyword(searchable, kind.keywords) !== null) {
      positions |= 1 << kind.position;
    }
  }
  return positions;
}

/** A copy of a shared match carrying the flow's own kinds (same shape, fields in the same order). */
function withKinds(m: SideMatch, kinds: number): SideMatch {
  return { side: m.side, level: m.level, detail: m.detail, compatibility: m.compatibility, unconfirmed: m.unconfirmed, reason: m.reason, kinds, alone: undefined };
}

/** The match of a prepared flow for a pathway on the given side list, if any. */
export function sideMatchFor(sides: SideMatch[], pathwayIndex: number): SideMatch | undefined {
  for (let k = 0; k < sides.length; k++) if (sides[k].side.pathway.index === pathwayIndex) return sides[k];
  return undefined;
}

function monthsToMask(months: number[] | null): number {
  if (!months || months.length === 0) return ALL_MONTHS;
  let mask = 0;
  for (const m of months) if (Number.isInteger(m) && m >= 1 && m <= 12) mask |= 1 << (m - 1);
  return mask === 0 ? ALL_MONTHS : mask;
}

export function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}

function finiteOrNull(value: number | null): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}
