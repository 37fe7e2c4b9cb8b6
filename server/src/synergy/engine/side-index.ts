import type { PathwaySide, Recognition, SideMatch } from './compiled.types.js';
import { CODE_WORDS_UNCONFIRMED, MATCH_LEVEL_COMPATIBILITY, excludedByWords, type MatchLevel } from './stream-matcher.js';
import { withoutPurpose } from './need-purpose.js';
import { KeywordIndex } from './keyword-index.js';
import type { NeedVocabulary } from './need-vocabulary.js';
import { searchableLabel } from './text-fold.js';
import { appendedTo } from './grown-list.js';

const LABEL_CACHE_SIZE = 50_000;
const CODE_CACHE_SIZE = 10_000;
const NO_NEEDS: readonly string[] = Object.freeze([]);
/** Scratch for `candidatesOf`; the labels whose keywords name no side share the empty list. */
const KEYWORD_SIDES: number[][] = [];
const NO_KEYWORD_SIDES: number[][] = Object.freeze([]) as unknown as number[][];

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
  /** See `codeSides`. */
  private readonly byCode = new Map<string, number[]>();
  /** The keywords (prepared, with their leading space), found by themselves and their stems. */
  private readonly keywords = new KeywordIndex<string>();
  private readonly categoryOnly: number[] = [];
  private readonly seen: Int32Array;
  private call = 0;
  /** Output of `candidates`. */
  readonly found: Int32Array;
  private count = 0;
  /** Shared SideMatch objects, by side, then level × 2 + 1 when unconfirmed, then detail. */
  private readonly matches: Map<string, SideMatch>[][];
  /**
   * Keywords and recognitions by raw label: territories repeat labels ("Cartons", "Palettes bois") a lot, and the
   * flows of one label are described in a few ways only. Bounded.
   */
  private readonly labelCache = new Map<string, LabelRecognitions>();
  /**
   * The lists of matches recognitions found, by their first match (see flow-recognition.ts, `sharedMatches`): with the
   * index, as the matches they hold are its own.
   */
  readonly matchLists = new Map<SideMatch, MatchList[]>();

  /**
   * `needs`: the index of input sides, whose labels say what a need is and, often, what it is for: its sides are
   * found by the words of what it is (see need-purpose.ts), by the words of its use only when those name nothing.
   */
  constructor(
    readonly sides: readonly PathwaySide[],
    private readonly needs: NeedVocabulary | null = null,
  ) {
    sides.forEach((side, id) => {
      const m = side.matcher;
      for (const code of m.ewcCodes ?? []) push(this.byEwc, code, id);
      for (const prefix of m.ewcPrefixes ?? []) push(this.byPrefix, prefix, id);
      for (const need of m.needCodes ?? []) push(this.byNeed, need, id);
      for (const keyword of m.keywords ?? []) {
        if (keyword.trim() === '') continue;
        if (!this.byKeyword.has(keyword)) this.keywords.add(keyword, keyword);
        push(this.byKeyword, keyword, id);
      }
      if (!m.hasIdentity) this.categoryOnly.push(id);
    });
    this.seen = new Int32Array(sides.length);
    this.matches = sides.map(() => []);
    this.found = new Int32Array(sides.length);
  }

  /** The one SideMatch for side `id` recognised at this level with this detail, its words confirming it or not. */
  shared(id: number, level: MatchLevel, detail: string, unconfirmed = false): SideMatch {
    // One map per level and confirmation, by detail: no key string made per match (the details are the knowledge
    // base's own strings or the flows', hashed once).
    const byDetail = (this.matches[id][unconfirmed ? level * 2 + 1 : level * 2] ??= new Map());
    let match = byDetail.get(detail);
    if (!match) {
      const compatibility = MATCH_LEVEL_COMPATIBILITY[level] * (unconfirmed ? CODE_WORDS_UNCONFIRMED : 1);
      match = { side: this.sides[id], level, detail, compatibility, unconfirmed, reason: undefined, kinds: 0, alone: undefined };
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
      const head = this.needs ? withoutPurpose(rawLabel) : rawLabel;
      const identity = head === rawLabel ? searchable : searchableLabel(head);
      found = { searchable, identity, keywords: this.identityKeywords(identity, searchable), keywordSides: undefined, needs: undefined, phraseNeeds: undefined, exclusions: undefined, describedFirst: undefined, described: undefined, recognitions: [] };
      this.labelCache.set(rawLabel, found);
    }
    return found;
  }

  /**
   * The keywords that say what a flow is. For a need, those of its label less its purpose (see need-purpose.ts), and
   * of the purpose's words those naming a side of a family the need's own words name ("Chaleur pour le réseau de
   * chauffage urbain": heat, for a heat network; but "Eau pour le refroidissement" is water, not cooling). When what
   * the need is names nothing, its whole label is read.
   */
  private identityKeywords(identity: string, searchable: string): Set<string> {
    const all = this.keywordsIn(searchable);
    if (identity === searchable) return all;
    const keywords = this.keywordsIn(identity);
    if (keywords.size === 0) return all;
    const families = new Set<string>();
    for (const keyword of keywords) for (const id of this.byKeyword.get(keyword) ?? []) families.add(this.sides[id].pathway.pathway.family);
    for (const keyword of all) {
      if (keywords.has(keyword)) continue;
      if ((this.byKeyword.get(keyword) ?? []).some((id) => families.has(this.sides[id].pathway.pathway.family))) keywords.add(keyword);
    }
    return keywords;
  }

  /**
   * The keywords (in their prepared form, with a leading space) occurring at a word start of a prepared label
   * (see `searchableLabel`).
   */
  /**
   * Whether the label's words name what side `id` excludes (see `excludedByWords`): a function of the label and the
   * side alone, settled once per label and side — a label's flows are recognised several ways (2.8 at 100k flows,
   * by category, code, form, temperature), each matching mostly the same sides.
   */
  excludes(label: LabelRecognitions, id: number): boolean {
    const matcher = this.sides[id].matcher;
    if (matcher.excludeKeywords === null) return false;
    // Side id × 2 + 1 when excluded: a label meets few sides that list exclusion words, a short list is enough.
    const known = label.exclusions;
    if (known) for (let k = 0; k < known.length; k++) if (known[k] >> 1 === id) return (known[k] & 1) === 1;
    const excluded = excludedByWords(label.searchable, matcher);
    label.exclusions = appendedTo(known, [id * 2 + (excluded ? 1 : 0)]);
    return excluded;
  }

  /**
   * The needs of the knowledge base a need declared without a need code names by its words (see need-vocabulary.ts):
   * those of what it is, else those of its whole label. None for outputs.
   */
  needsOf(label: LabelRecognitions, phrasesOnly = false): readonly string[] {
    if (!this.needs) return NO_NEEDS;
    // Remembered with the label: asked again for each new way its flows are described. Both lists at once: a need
    // without a need code asks for both, and one reading of the label gives both.
    const known = phrasesOnly ? label.phraseNeeds : label.needs;
    if (known) return known;
    const named = this.needs.namedIn(label.identity);
    let { all, phrases } = named;
    if ((all.length === 0 || phrases.length === 0) && label.identity !== label.searchable) {
      const whole = this.needs.namedIn(label.searchable);
      if (all.length === 0) all = whole.all;
      if (phrases.length === 0) phrases = whole.phrases;
    }
    label.needs = all;
    label.phraseNeeds = phrases;
    return phrasesOnly ? phrases : all;
  }

  keywordsIn(label: string): Set<string> {
    return this.keywords.find(label);
  }

  /**
   * The sides worth matching for a flow with this code, need and keywords, in knowledge-base order: their
   * indexes in `sides`, in `found[0…count)` (reused from call to call); returns the count.
   */
  candidates(ewcCode: string | null, needCode: string | null, keywords: Set<string>, namedNeeds: readonly string[] = []): number {
    const lists: number[][] = [];
    for (const keyword of keywords) {
      const sides = this.byKeyword.get(keyword);
      if (sides) lists.push(sides);
    }
    return this.collect(ewcCode, needCode, lists, namedNeeds);
  }

  /**
   * `candidates` for the keywords of a label: their lists of sides are looked up once per label (`keywordSides`),
   * not once per way its flows are described (26k recognitions of 9.8k labels at 100k flows).
   */
  candidatesOf(label: LabelRecognitions, ewcCode: string | null, needCode: string | null, namedNeeds: readonly string[] = []): number {
    let lists = label.keywordSides;
    if (!lists) {
      // Gathered in a scratch list, kept as a copy of its length: a list grown by push keeps room for 17, and
      // outlived a young-generation collection with its label (1.5 MB at 100k flows).
      let n = 0;
      for (const keyword of label.keywords) {
        const sides = this.byKeyword.get(keyword);
        if (sides) KEYWORD_SIDES[n++] = sides;
      }
      lists = n === 0 ? NO_KEYWORD_SIDES : KEYWORD_SIDES.slice(0, n);
      label.keywordSides = lists;
    }
    return this.collect(ewcCode, needCode, lists, namedNeeds);
  }

  private collect(ewcCode: string | null, needCode: string | null, keywordSides: readonly number[][], namedNeeds: readonly string[]): number {
    const call = ++this.call;
    this.count = 0;
    if (ewcCode !== null) this.add(this.codeSides(ewcCode), call);
    if (needCode !== null) this.add(this.byNeed.get(needCode), call);
    for (let k = 0; k < namedNeeds.length; k++) this.add(this.byNeed.get(namedNeeds[k]), call);
    for (let k = 0; k < keywordSides.length; k++) this.add(keywordSides[k], call);
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

  /**
   * The sides named by an EWC code, exactly or by one of its prefixes, in that order: remembered per code (a
   * territory declares a few hundred codes, each asked once per new recognition) rather than cutting each prefix out
   * of it again. Bounded.
   */
  private codeSides(ewcCode: string): number[] {
    let ids = this.byCode.get(ewcCode);
    if (!ids) {
      ids = [...(this.byEwc.get(ewcCode) ?? [])];
      for (let length = 1; length < ewcCode.length; length++) for (const id of this.byPrefix.get(ewcCode.slice(0, length)) ?? []) ids.push(id);
      if (this.byCode.size >= CODE_CACHE_SIZE) this.byCode.clear();
      this.byCode.set(ewcCode, ids);
    }
    return ids;
  }

  private add(list: readonly number[] | undefined, call: number): void {
    if (!list) return;
    for (let k = 0; k < list.length; k++) {
      const id = list[k];
      if (this.seen[id] === call) continue;
      this.seen[id] = call;
      this.found[this.count++] = id;
    }
  }
}

/** A label's searchable form, its keywords (prepared, with a leading space, at a word start) and the recognitions made for its flows. */
export interface LabelRecognitions {
  /** The label prepared by `searchableLabel` (for exclusion words, member filters and kinds). */
  searchable: string;
  /** For a need, what it is: its label less its purpose (need-purpose.ts), prepared; else `searchable`. */
  identity: string;
  keywords: Set<string>;
  /** The sides of each of `keywords` (see SideIndex.candidatesOf); undefined until asked. */
  keywordSides: number[][] | undefined;
  /** The needs the label names (see SideIndex.needsOf), by any word and by phrases only; undefined until asked. */
  needs: readonly string[] | undefined;
  phraseNeeds: readonly string[] | undefined;
  /** The sides whose exclusion words were looked for in the label, and whether found (see SideIndex.excludes). */
  exclusions: number[] | undefined;
  /**
   * By need code and description of its flows: what their words decide (see prepared-flow.ts, `describedAs`); the
   * first way in a field of its own (7 in 10 labels whose words decide something meet one), the others in a map.
   */
  describedFirst: DescribedLabel | undefined;
  described: Map<string, DescribedLabel> | undefined;
  /** Filled by prepareFlow: one per way the label's flows are described. */
  recognitions: Recognition[];
}

/**
 * A list of matches in the order a recognition found them, with its matches by role (see `sidesOf`), shared by the
 * recognitions that found the same: read, never changed.
 */
export interface MatchList {
  matches: SideMatch[];
  outputSides: SideMatch[];
  inputSides: SideMatch[];
  streamSides: SideMatch[];
}

/** What a label's words, with a description and a need code, decide of member filters and kinds, by pathway index. */
export interface DescribedLabel {
  /** The need code and description (empty when none) it was made for. */
  needCode: string | null;
  text: string;
  /** The description prepared by `searchableLabel`. */
  described: string;
  /** Whether the words keep the flow out of the pathway's pools (member filter's exclusion words): index × 2 + 1 if so. */
  excluded: number[];
  /** The kinds of item the words name (see kindsOf): pathway index, then kinds, pair by pair. */
  kinds: number[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
