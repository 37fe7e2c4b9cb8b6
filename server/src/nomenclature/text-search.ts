/**
 * Accent- and case-insensitive search over small code lists (waste codes, activity sectors). The lists hold a
 * few thousand items at most, so a linear scan over precomputed keys is fast enough and needs no index.
 */

const APOSTROPHES_AND_DASHES = /['’‘ʼ`\p{Pd}]/gu;
const COMBINING_MARKS = /\p{M}/gu;
// NFD leaves these ligatures whole, yet French users type "oeuf" for "œuf".
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };

/** Lowercase, without diacritics, apostrophes and hyphens turned into spaces, whitespace collapsed. */
export function normalizeText(input: string): string {
  return input
    .normalize('NFD')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[œæß]/g, (ligature) => LIGATURES[ligature])
    .replace(APOSTROPHES_AND_DASHES, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a text, normalized; punctuation separates words. */
export function searchWords(text: string): string[] {
  return normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Letters and digits of a code only: "10 02 01" → "100201", "24.10Z" → "2410z". */
export function compactCode(code: string): string {
  return normalizeText(code).replace(/[^\p{L}\p{N}]/gu, '');
}

// Words people type between the meaningful ones; requiring them would hide "béton" from "déchets de béton".
const STOP_WORDS = new Set([
  'a', 'au', 'aux', 'd', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'ou', 'par', 'pour', 'sur',
  'and', 'for', 'from', 'in', 'of', 'or', 'the', 'to', 'with',
]);

// A query made of digits and separators (and a NAF letter) means a code: labels quoting codes must not match it.
const CODE_SHAPED = /^\d[\d .*]*[a-z]?$/;

export interface SearchKey {
  compactCode: string;
  /** Words of the code, of the item's own labels and of its aliases. */
  ownWords: readonly string[];
  /** Words of the headings above the item (chapter, division…): a query may lean on them, ranked lower. */
  contextWords: readonly string[];
  /** Each own label, normalized, to put an item whose label is exactly the query first. */
  ownLabels: readonly string[];
}

export interface Searchable<T> {
  item: T;
  key: SearchKey;
}

export function buildSearchKey(
  code: string,
  ownLabels: ReadonlyArray<string | null | undefined>,
  contextLabels: ReadonlyArray<string | null | undefined> = [],
): SearchKey {
  const labels = ownLabels.filter((label): label is string => Boolean(label));
  return {
    compactCode: compactCode(code),
    ownWords: unique([...searchWords(code), ...labels.flatMap(searchWords)]),
    contextWords: unique(contextLabels.flatMap((label) => (label ? searchWords(label) : []))),
    ownLabels: labels.map((label) => searchWords(label).join(' ')),
  };
}

/**
 * The items matching a query, best first, at most `first`. Items must be given in code order: it breaks ties.
 * Ranking: exact code, then code prefix, then label matches (a label equal to the query, then matches on the
 * item's own words before matches that need its headings, then the most query words found among its own words).
 */
export function rankBySearch<T>(items: ReadonlyArray<Searchable<T>>, search: string | undefined, first: number): T[] {
  const limit = Math.max(0, Math.floor(first));
  const query = parseQuery(search ?? '');
  if (query === null) return items.slice(0, limit).map(({ item }) => item);

  const scored: Array<{ item: T; rank: number; index: number }> = [];
  items.forEach(({ item, key }, index) => {
    const rank = rankItem(query, key);
    if (rank !== null) scored.push({ item, rank, index });
  });
  scored.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return scored.slice(0, limit).map(({ item }) => item);
}

interface ParsedQuery {
  compact: string;
  codeShaped: boolean;
  words: string[];
  phrase: string;
}

function parseQuery(search: string): ParsedQuery | null {
  const normalized = normalizeText(search);
  const allWords = unique(searchWords(normalized));
  if (allWords.length === 0) return null;
  const meaningful = allWords.filter((word) => !STOP_WORDS.has(word));
  return {
    compact: compactCode(normalized),
    codeShaped: CODE_SHAPED.test(normalized),
    words: meaningful.length > 0 ? meaningful : allWords,
    phrase: allWords.join(' '),
  };
}

// Lower is better. Label ranks leave room for the number of query words found among the item's own words.
function rankItem(query: ParsedQuery, key: SearchKey): number | null {
  if (query.compact === key.compactCode) return 0;
  if (query.compact.length > 0 && key.compactCode.startsWith(query.compact)) return 1;
  if (query.codeShaped) return null;

  const ownHits = query.words.filter((word) => hasWordWithPrefix(key.ownWords, word)).length;
  if (ownHits === query.words.length) {
    return key.ownLabels.includes(query.phrase) ? 2 : 3;
  }
  const allFound = query.words.every(
    (word) => hasWordWithPrefix(key.ownWords, word) || hasWordWithPrefix(key.contextWords, word),
  );
  return allFound ? 1000 - ownHits : null;
}

function hasWordWithPrefix(words: readonly string[], prefix: string): boolean {
  return words.some((word) => word.startsWith(prefix));
}

function unique(words: string[]): string[] {
  return [...new Set(words)];
}
