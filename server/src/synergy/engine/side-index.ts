import type { PathwaySide, Recognition, SideMatch } from './compiled.types.js';
import { MATCH_LEVEL_COMPATIBILITY, type MatchLevel } from './stream-matcher.js';
import { searchableLabel } from './text-fold.js';

const LABEL_CACHE_SIZE = 50_000;

/**
 * Which pathway sides a flow may match, without trying them all: sides are indexed by the EWC codes, code
 * prefixes, need codes and keywords that name them, plus those that name nothing (category only). A flow is then
 * matched against the few sides its code, need or label words point to. Keywords are found in a label by their
 * first three letters at each word start, not by searching every keyword of every pathway.
 */
export class SideIndex {
  private readonly byEwc = new Map<string, number[]>();
  private readonly byPrefix = new Map<string, number[]>();
  private readonly byNeed = new Map<string, number[]>();
  private readonly byKeyword = new Map<string, number[]>();
  /** Keywords (without their leading space) by their first three characters. */
  private readonly keywordsByStart = new Map<string, string[]>();
  /** Keywords shorter than three characters, searched the plain way. */
  private readonly shortKeywords: string[] = [];
  private readonly categoryOnly: number[] = [];
  private readonly seen: Int32Array;
  private call = 0;
  /** Output of `candidates`. */
  readonly found: Int32Array;
  private count = 0;
  /** Shared SideMatch objects, by side, level and detail. */
  private readonly matches: Map<string, SideMatch>[][];
  /**
   * Keywords and recognitions by raw label: territories repeat labels ("Cartons", "Palettes bois") a lot, and the
   * flows of one label are described in a few ways only. Bounded.
   */
  private readonly labelCache = new Map<string, LabelRecognitions>();

  constructor(readonly sides: readonly PathwaySide[]) {
    sides.forEach((side, id) => {
      const m = side.matcher;
      for (const code of m.ewcCodes ?? []) push(this.byEwc, code, id);
      for (const prefix of m.ewcPrefixes ?? []) push(this.byPrefix, prefix, id);
      for (const need of m.needCodes ?? []) push(this.byNeed, need, id);
      for (const keyword of m.keywords ?? []) {
        if (keyword.trim() === '') continue;
        if (!this.byKeyword.has(keyword)) this.registerKeyword(keyword.slice(1));
        push(this.byKeyword, keyword, id);
      }
      if (!m.hasIdentity) this.categoryOnly.push(id);
    });
    this.seen = new Int32Array(sides.length);
    this.matches = sides.map(() => []);
    this.found = new Int32Array(sides.length);
  }

  /** The one SideMatch for side `id` recognised at this level with this detail. */
  shared(id: number, level: MatchLevel, detail: string): SideMatch {
    const byDetail = (this.matches[id][level] ??= new Map());
    let match = byDetail.get(detail);
    if (!match) {
      match = { side: this.sides[id], level, detail, compatibility: MATCH_LEVEL_COMPATIBILITY[level], reason: undefined, kinds: 0, alone: undefined };
      byDetail.set(detail, match);
    }
    return match;
  }

  /**
   * What is known of a flow's label: its searchable form, its keywords, and how its flows were recognised (see
   * prepareFlow).
   */
  labelOf(rawLabel: string): LabelRecognitions {
    let found = this.labelCache.get(rawLabel);
    if (!found) {
      if (this.labelCache.size >= LABEL_CACHE_SIZE) this.labelCache.clear();
      const searchable = searchableLabel(rawLabel);
      found = { searchable, keywords: this.keywordsIn(searchable), recognitions: [] };
      this.labelCache.set(rawLabel, found);
    }
    return found;
  }

  /**
   * The keywords (in their prepared form, with a leading space) occurring at a word start of a prepared label
   * (see `searchableLabel`).
   */
  keywordsIn(label: string): Set<string> {
    const found = new Set<string>();
    for (let at = label.indexOf(' '); at >= 0 && at < label.length - 1; at = label.indexOf(' ', at + 1)) {
      const start = at + 1;
      const candidates = this.keywordsByStart.get(label.slice(start, start + 3));
      if (!candidates) continue;
      for (const keyword of candidates) if (label.startsWith(keyword, start)) found.add(` ${keyword}`);
    }
    for (const keyword of this.shortKeywords) if (label.includes(` ${keyword}`)) found.add(` ${keyword}`);
    return found;
  }

  /**
   * The sides worth matching for a flow with this code, need and keywords, in knowledge-base order: their
   * indexes in `sides`, in `found[0…count)` (reused from call to call); returns the count.
   */
  candidates(ewcCode: string | null, needCode: string | null, keywords: Set<string>): number {
    const call = ++this.call;
    this.count = 0;
    if (ewcCode !== null) {
      this.add(this.byEwc.get(ewcCode), call);
      for (let length = 1; length < ewcCode.length; length++) this.add(this.byPrefix.get(ewcCode.slice(0, length)), call);
    }
    if (needCode !== null) this.add(this.byNeed.get(needCode), call);
    for (const keyword of keywords) this.add(this.byKeyword.get(keyword), call);
    this.add(this.categoryOnly, call);
    // Knowledge-base order; the lists are short, insertion sort allocates nothing.
    const ids = this.found;
    for (let k = 1; k < this.count; k++) {
      const id = ids[k];
      let at = k;
      while (at > 0 && ids[at - 1] > id) {
        ids[at] = ids[at - 1];
        at--;
      }
      ids[at] = id;
    }
    return this.count;
  }

  private add(list: number[] | undefined, call: number): void {
    if (!list) return;
    for (const id of list) {
      if (this.seen[id] === call) continue;
      this.seen[id] = call;
      this.found[this.count++] = id;
    }
  }

  private registerKeyword(keyword: string): void {
    if (keyword.length < 3) {
      this.shortKeywords.push(keyword);
      return;
    }
    push(this.keywordsByStart, keyword.slice(0, 3), keyword);
  }
}

/** A label's searchable form, its keywords (prepared, with a leading space, at a word start) and the recognitions made for its flows. */
export interface LabelRecognitions {
  /** The label prepared by `searchableLabel` (for exclusion words, member filters and kinds). */
  searchable: string;
  keywords: Set<string>;
  /** Filled by prepareFlow: one per way the label's flows are described. */
  recognitions: Recognition[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
