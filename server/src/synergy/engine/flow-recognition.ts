import type { Recognition, SideMatch } from './compiled.types.js';
import type { EngineFlow } from './engine.types.js';
import type { LabelRecognitions, MatchList, SideIndex } from './side-index.js';
import { codeUnconfirmed, matchStream, MatchLevel, TOP_MATCH_LEVEL, type MatchableFlow } from './stream-matcher.js';

/**
 * How the flows of a label are recognised as sides of pathways (see Recognition): once per label and way of
 * describing its flows, remembered with the label (see prepareFlow, prepared-flow.ts).
 */

/** Shared by the (many) flows that play no side of a kind; never pushed to. */
export const NO_MATCHES: SideMatch[] = Object.freeze([]) as unknown as SideMatch[];
/** Matches found, before they are copied into lists of their exact length (see sidesOf). */
export const SCRATCH: SideMatch[] = [];

/**
 * The first `found` scratch matches of one role, in an array of exactly that length (a pushed array keeps 17); lists
 * of none or one are shared.
 */
export function sidesOf(found: number, role: string): SideMatch[] {
  let n = 0;
  for (let k = 0; k < found; k++) if (SCRATCH[k].side.role === role) n++;
  if (n === 0) return NO_MATCHES;
  if (n === 1) {
    // Most flows play one side of a role: they share its one-element list instead of a list each.
    let k = 0;
    while (SCRATCH[k].side.role !== role) k++;
    return (SCRATCH[k].alone ??= [SCRATCH[k]]);
  }
  const list = new Array<SideMatch>(n);
  n = 0;
  for (let k = 0; k < found; k++) if (SCRATCH[k].side.role === role) list[n++] = SCRATCH[k];
  return list;
}

/** Beyond this many ways of describing flows of one label, new ones are matched each time (not remembered). */
export const RECOGNITIONS_PER_LABEL = 64;

/**
 * The recognition already made for a flow of this label that agrees with `flow` on every other field `matchStream`
 * reads (see MatchableFlow: a field added there must be compared here), if any. Fields read by member filters and
 * kinds are not compared: those sides are settled per flow (see Recognition).
 */
export function knownRecognition(label: LabelRecognitions, flow: EngineFlow, ewcCode: string | null, temperatureC: number | null): Recognition | undefined {
  const known = label.recognitions;
  for (let k = 0; k < known.length; k++) {
    const r = known[k];
    if (
      r.category === flow.category &&
      r.ewcCode === ewcCode &&
      r.needCode === flow.needCode &&
      r.physicalForm === flow.physicalForm &&
      r.temperatureC === temperatureC
    ) {
      return r;
    }
  }
  return undefined;
}

/**
 * How flows of this label described like `flow` are recognised (a new way of describing the label's flows). The
 * variants matched are object literals of one shape (see `matchableOf`), not spreads: a spread object is slower to
 * build and makes matchStream read objects of several shapes.
 */
export function recogniseFlow(index: SideIndex, label: LabelRecognitions, flow: EngineFlow, ewcCode: string | null, temperatureC: number | null): Recognition {
  const namedNeeds = flow.needCode === null ? index.needsOf(label) : undefined;
  // A need in free words is also read as the needs of the knowledge base it names by a phrase ("wood fuel"); when
  // its words name no route at all, as those it names by any word.
  const phrases = flow.needCode === null ? index.needsOf(label, true) : NO_NEEDS;
  let recognition =
    phrases.length > 0
      ? recognise(index, label, matchableOf(flow, ewcCode, label, phrases, temperatureC), TOP_MATCH_LEVEL, true)
      : recognise(index, label, matchableOf(flow, ewcCode, label, namedNeeds, temperatureC));
  if (namedNeeds && namedNeeds.length > 0 && !recognition.matches.some((m) => m.side.role === 'input')) {
    recognition = recognise(index, label, matchableOf(flow, ewcCode, label, namedNeeds, temperatureC), TOP_MATCH_LEVEL, true);
  }
  if (recognition.matches.length === 0 && ewcCode !== null) {
    // The declared code names no side of any pathway: the label's words are read instead, as loosely as words on a
    // side that could have been matched by a code (KEYWORD), and the recognition stays that of this code (the
    // recognition is new, its code set here only).
    recognition = recognise(index, label, matchableOf(flow, null, label, namedNeeds, temperatureC), MatchLevel.KEYWORD);
    recognition.ewcCode = ewcCode;
  }
  return recognition;
}

const NO_NEEDS: readonly string[] = Object.freeze([]);

/** What matchStream reads of a flow, with the label's keywords and the needs its words name (see MatchableFlow). */
function matchableOf(
  flow: EngineFlow,
  ewcCode: string | null,
  label: LabelRecognitions,
  namedNeeds: readonly string[] | undefined,
  temperatureC: number | null,
): MatchableFlow & { keywords: Set<string> } {
  return {
    category: flow.category,
    ewcCode,
    needCode: flow.needCode,
    searchLabel: '',
    keywords: label.keywords,
    namedNeeds,
    physicalForm: flow.physicalForm,
    temperatureC,
  };
}

/** `matchable` without the needs its words name (same shape). */
function unnamedOf(m: MatchableFlow & { keywords: Set<string> }): MatchableFlow & { keywords: Set<string> } {
  return {
    category: m.category,
    ewcCode: m.ewcCode,
    needCode: m.needCode,
    searchLabel: m.searchLabel,
    keywords: m.keywords,
    namedNeeds: undefined,
    physicalForm: m.physicalForm,
    temperatureC: m.temperatureC,
  };
}

/**
 * Matches `matchable` against the sides its code, need and keywords point to, less those the label's words exclude
 * (the label is the cache's key: exclusion is settled once per label and description of the other fields).
 */
function recognise(
  index: SideIndex,
  label: LabelRecognitions,
  matchable: MatchableFlow & { keywords: Set<string> },
  maxLevel: MatchLevel = TOP_MATCH_LEVEL,
  byNamedNeeds = false,
): Recognition {
  const count = index.candidatesOf(label, matchable.ewcCode, matchable.needCode, byNamedNeeds ? matchable.namedNeeds : undefined);
  let found = 0;
  let perFlow = false;
  // The needs a label names stand for a need code on the sides of substitutions only: a pool is of a stream its
  // members name, not of the uses they put it to.
  const unnamed = matchable.namedNeeds ? unnamedOf(matchable) : matchable;
  for (let c = 0; c < count; c++) {
    const id = index.found[c];
    const side = index.sides[id];
    const match = matchStream(byNamedNeeds && side.role === 'input' ? matchable : unnamed, side.matcher);
    if (!match) continue;
    if (index.excludes(label, id)) continue;
    if ((side.role === 'stream' && side.pathway.members) || side.pathway.kinds) perFlow = true;
    const level = match.level > maxLevel ? maxLevel : match.level;
    const unconfirmed = side.role !== 'stream' && codeUnconfirmed(level, side.matcher, matchable.keywords);
    SCRATCH[found++] = index.shared(id, level, match.detail, unconfirmed);
  }
  const list = sharedMatches(index, found);
  return {
    category: matchable.category,
    ewcCode: matchable.ewcCode,
    needCode: matchable.needCode,
    physicalForm: matchable.physicalForm,
    temperatureC: matchable.temperatureC,
    matches: list.matches,
    perFlow,
    // Read and filled only when `perFlow`.
    firstNace: null,
    firstSides: undefined,
    perFlowSides: undefined,
    describedSides: undefined,
    sidesByExclusions: undefined,
    unexcludedSides: undefined,
    outputSides: perFlow ? NO_MATCHES : list.outputSides,
    inputSides: perFlow ? NO_MATCHES : list.inputSides,
    streamSides: perFlow ? NO_MATCHES : list.streamSides,
  };
}

const NO_MATCH_LIST: MatchList = Object.freeze({ matches: NO_MATCHES, outputSides: NO_MATCHES, inputSides: NO_MATCHES, streamSides: NO_MATCHES });
/** Beyond this many lists starting with one match, a recognition's list is its own (not remembered). */
const LISTS_PER_FIRST_MATCH = 64;

/**
 * The list of the `found` scratch matches, shared by every recognition of the index that found the same matches in
 * the same order (the shared SideMatch objects): 26k recognitions at 100k flows find 3.8k distinct lists, and each
 * kept a copy and its lists by role, which outlived a young-generation collection or two (3 MB copied at each).
 * Found among those with the same first match, compared match by match.
 */
function sharedMatches(index: SideIndex, found: number): MatchList {
  if (found === 0) return NO_MATCH_LIST;
  const first = SCRATCH[0];
  let known = index.matchLists.get(first);
  if (!known) index.matchLists.set(first, (known = []));
  for (let k = 0; k < known.length; k++) {
    const matches = known[k].matches;
    if (matches.length !== found) continue;
    let same = 1;
    while (same < found && matches[same] === SCRATCH[same]) same++;
    if (same === found) return known[k];
  }
  const list: MatchList = { matches: SCRATCH.slice(0, found), outputSides: sidesOf(found, 'output'), inputSides: sidesOf(found, 'input'), streamSides: sidesOf(found, 'stream') };
  if (known.length < LISTS_PER_FIRST_MATCH) known.push(list);
  return list;
}
