import type { StreamMatcher } from '../knowledge/knowledge-base.types.js';
import { findKeyword, searchableKeyword } from './text-fold.js';

/**
 * Whether a flow is the stream a pathway side describes, and how surely. A declared code decides: a flow coded
 * "15 01 01" is not the plastics of a pathway coded "15 01 02" whatever its label says; words in the label are the
 * fallback for flows declared without a code.
 */

/** How the flow was recognised, from the surest to the loosest. */
export const MatchLevel = {
  EXACT_EWC: 7,
  NEED_CODE: 6,
  /** An energy flow whose declared temperature lies within the side's bounds, its label naming it (heat, steam). */
  TEMPERATURE: 5,
  EWC_FAMILY: 4,
  /** Words of the label, on a side the knowledge base names by words only: no code exists to declare. */
  LABEL: 3,
  /** Words of the label, for a flow declared without the code the side could have been matched by. */
  KEYWORD: 2,
  CATEGORY: 1,
} as const;
export type MatchLevel = (typeof MatchLevel)[keyof typeof MatchLevel];
/** The surest level (levels run from it down to 1). */
export const TOP_MATCH_LEVEL = MatchLevel.EXACT_EWC;

export const MATCH_LEVEL_CODE: Record<MatchLevel, string> = {
  7: 'EXACT_EWC',
  6: 'NEED_CODE',
  5: 'TEMPERATURE_RANGE',
  4: 'EWC_FAMILY',
  3: 'LABEL',
  2: 'KEYWORD',
  1: 'CATEGORY',
};

/** Compatibility component of the score for each level. */
export const MATCH_LEVEL_COMPATIBILITY: Record<MatchLevel, number> = {
  7: 1,
  6: 0.9,
  5: 0.9,
  4: 0.75,
  3: 0.75,
  2: 0.55,
  1: 0.35,
};

/**
 * Share of the compatibility kept by a flow recognised by its waste code whose label names none of the words the side
 * lists (see SideMatch.unconfirmed): an exact code so unconfirmed still counts above a code family.
 */
export const CODE_WORDS_UNCONFIRMED = 0.8;

/** Whether a code match (exact or family) is left unconfirmed by the label's keywords (see CODE_WORDS_UNCONFIRMED). */
export function codeUnconfirmed(level: MatchLevel, matcher: CompiledMatcher, keywords: Set<string>): boolean {
  if (level !== MatchLevel.EXACT_EWC && level !== MatchLevel.EWC_FAMILY) return false;
  if (matcher.keywords === null) return false;
  for (const k of matcher.keywords) if (keywords.has(k)) return false;
  return true;
}

export interface CompiledMatcher {
  ewcCodes: Set<string> | null;
  ewcPrefixes: string[] | null;
  needCodes: Set<string> | null;
  /** Prepared for `searchableLabel` (see text-fold.ts), in the knowledge base's order. */
  keywords: string[] | null;
  /**
   * `keywords` trimmed, position for position: the detail of a match by words, made once rather than cut out of the
   * keyword at each of the 125k matches of a 100k-flow detection.
   */
  keywordDetails: string[] | null;
  categories: Set<string> | null;
  physicalForms: Set<string> | null;
  minTemperatureC: number | null;
  maxTemperatureC: number | null;
  /** Whether the matcher names the stream (codes, needs or words) rather than only its category. */
  hasIdentity: boolean;
  /** Whether it names the stream by codes (waste or need codes) a flow could have declared. */
  hasCodes: boolean;
  /** Whether it bounds the flow's temperature and takes energy flows (see MatchLevel.TEMPERATURE). */
  qualifiesHeat: boolean;
  /** Prepared for `searchableLabel`: a flow whose label contains one is not this stream; null: none. */
  excludeKeywords: string[] | null;
  /** Words of the label are a loose identity (KEYWORD) even when the side lists no code. */
  looseKeywords: boolean;
  /** Prepared keywords that identify only a flow declaring its temperature; null: none. */
  temperatureOnlyKeywords: Set<string> | null;
}

/** What the matcher needs to know of a flow (prepared once per flow). */
export interface MatchableFlow {
  category: string;
  ewcCode: string | null;
  needCode: string | null;
  /** See `searchableLabel`; unused when `keywords` is given. */
  searchLabel: string;
  /** For a need declared without a need code, the needs its words name (see need-vocabulary.ts). */
  namedNeeds?: readonly string[];
  /** The knowledge base's keywords found in the label, when already known (see SideIndex); else searched. */
  keywords?: Set<string>;
  physicalForm: string | null;
  /** The flow's own temperature, or for an input the temperature its declared need requires. */
  temperatureC: number | null;
}

export interface StreamMatch {
  level: MatchLevel;
  /** The code, prefix, need code, keyword (trimmed) or category that matched. */
  detail: string;
}

const nonEmpty = <T>(list: T[] | undefined): list is T[] => Array.isArray(list) && list.length > 0;

export function compileMatcher(matcher: StreamMatcher): CompiledMatcher {
  const ewcCodes = nonEmpty(matcher.ewcCodes) ? new Set(matcher.ewcCodes.map(normalizeEwcCode)) : null;
  const ewcPrefixes = nonEmpty(matcher.ewcPrefixes) ? matcher.ewcPrefixes.map((p) => p.trim()) : null;
  const needCodes = nonEmpty(matcher.needCodes) ? new Set(matcher.needCodes) : null;
  const keywords = nonEmpty(matcher.keywords) ? matcher.keywords.map(searchableKeyword) : null;
  return {
    ewcCodes,
    ewcPrefixes,
    needCodes,
    keywords,
    keywordDetails: keywords ? keywords.map((k) => k.trim()) : null,
    categories: nonEmpty(matcher.categories) ? new Set<string>(matcher.categories) : null,
    physicalForms: nonEmpty(matcher.physicalForms) ? new Set<string>(matcher.physicalForms) : null,
    minTemperatureC: matcher.minTemperatureC ?? null,
    maxTemperatureC: matcher.maxTemperatureC ?? null,
    hasIdentity: Boolean(ewcCodes || ewcPrefixes || needCodes || keywords),
    hasCodes: Boolean(ewcCodes || ewcPrefixes || needCodes),
    qualifiesHeat:
      (matcher.minTemperatureC !== undefined || matcher.maxTemperatureC !== undefined) &&
      (!nonEmpty(matcher.categories) || matcher.categories.includes('ENERGY' as never)),
    excludeKeywords: nonEmpty(matcher.excludeKeywords) ? matcher.excludeKeywords.map(searchableKeyword) : null,
    looseKeywords: matcher.looseKeywords === true,
    temperatureOnlyKeywords: nonEmpty(matcher.temperatureOnlyKeywords) ? new Set(matcher.temperatureOnlyKeywords.map(searchableKeyword)) : null,
  };
}

/** How `flow` matches `matcher`, or null when it does not. Unknown forms and temperatures pass (to be checked). */
export function matchStream(flow: MatchableFlow, matcher: CompiledMatcher): StreamMatch | null {
  if (matcher.categories && !matcher.categories.has(flow.category)) return null;
  if (flow.searchLabel && excludedByWords(flow.searchLabel, matcher)) return null;
  if (matcher.physicalForms && flow.physicalForm !== null && !matcher.physicalForms.has(flow.physicalForm)) {
    return null;
  }
  const t = flow.temperatureC;
  if (t !== null) {
    if (matcher.minTemperatureC !== null && t < matcher.minTemperatureC) return null;
    if (matcher.maxTemperatureC !== null && t > matcher.maxTemperatureC) return null;
  }
  const match = matchIdentity(flow, matcher);
  // Energy has no waste code: a heat flow named as such and qualified by a temperature within the side's bounds
  // is as well identified as a declared need.
  if (match !== null && match.level <= MatchLevel.LABEL && match.level >= MatchLevel.KEYWORD && t !== null && flow.category === 'ENERGY' && matcher.qualifiesHeat) {
    return { level: MatchLevel.TEMPERATURE, detail: String(t) };
  }
  return match;
}

function matchIdentity(flow: MatchableFlow, matcher: CompiledMatcher): StreamMatch | null {
  let judgedByCode = false;
  let best: StreamMatch | null = null;
  if (flow.ewcCode !== null && (matcher.ewcCodes || matcher.ewcPrefixes)) {
    judgedByCode = true;
    if (matcher.ewcCodes?.has(flow.ewcCode)) return { level: MatchLevel.EXACT_EWC, detail: flow.ewcCode };
    const prefix = matcher.ewcPrefixes?.find((p) => flow.ewcCode!.startsWith(p));
    if (prefix) best = { level: MatchLevel.EWC_FAMILY, detail: prefix };
  }
  if (flow.needCode !== null && matcher.needCodes) {
    judgedByCode = true;
    if (matcher.needCodes.has(flow.needCode)) return { level: MatchLevel.NEED_CODE, detail: flow.needCode };
  }
  if (best || judgedByCode) return best;
  if (matcher.keywords) {
    // Words that name the stream only with a temperature (a plain "effluent" as a heat source) are left out without one.
    const only = flow.temperatureC === null ? matcher.temperatureOnlyKeywords : null;
    const level = matcher.hasCodes || matcher.looseKeywords ? MatchLevel.KEYWORD : MatchLevel.LABEL;
    if (flow.keywords) {
      const at = firstKnownKeyword(matcher.keywords, flow.keywords, only);
      if (at >= 0) return { level, detail: matcher.keywordDetails![at] };
    } else {
      const keyword = findKeyword(flow.searchLabel, only ? matcher.keywords.filter((k) => !only.has(k)) : matcher.keywords);
      if (keyword !== null) return { level, detail: keyword.trim() };
    }
  }
  // A need in the receiver's own words, naming a need the side serves: as loose as the side's own words.
  const named = matcher.needCodes && flow.namedNeeds ? flow.namedNeeds.find((code) => matcher.needCodes!.has(code)) : undefined;
  if (named !== undefined) return { level: MatchLevel.KEYWORD, detail: named };
  if (matcher.hasIdentity) return null;
  return { level: MatchLevel.CATEGORY, detail: flow.category };
}

/**
 * The position of the first of the side's keywords among those found in the label, less those `only` keeps for flows
 * declaring a temperature, or -1: read in place, without a filtered copy of the list per flow matched.
 */
function firstKnownKeyword(keywords: string[], found: Set<string>, only: Set<string> | null): number {
  for (let k = 0; k < keywords.length; k++) {
    const keyword = keywords[k];
    if (found.has(keyword) && (only === null || !only.has(keyword))) return k;
  }
  return -1;
}

/** Whether the label (prepared by `searchableLabel`) names what the side excludes ("poche" for a road aggregate). */
export function excludedByWords(searchable: string, matcher: CompiledMatcher): boolean {
  return matcher.excludeKeywords !== null && findKeyword(searchable, matcher.excludeKeywords) !== null;
}

const CANONICAL_EWC = /^\d\d \d\d \d\d$/;

/** "100201", "10 02 01*" → "10 02 01"; anything else trimmed. */
export function normalizeEwcCode(code: string): string {
  if (CANONICAL_EWC.test(code)) return code;
  const digits = code.replace(/\D/g, '');
  if (digits.length !== 6) return code.trim();
  return `${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)}`;
}
