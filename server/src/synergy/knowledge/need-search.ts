import { searchWords } from '../../nomenclature/text-search.js';
import { loadKnowledgeBase } from './knowledge-base.js';
import type { KnowledgeBase, NeedDefinition } from './knowledge-base.types.js';

/** Searching the knowledge base's needs by what someone typed, and by code. */

const NEED_STOP_WORDS = new Set([
  'a', 'au', 'aux', 'de', 'des', 'du', 'en', 'et', 'la', 'le', 'les', 'ou', 'par', 'pour', 'sur', 'un', 'une',
  'and', 'for', 'from', 'in', 'of', 'or', 'the', 'to', 'with', 'c', 'deg', 'degres', 'degrees',
]);
const NUMBER = /^\d{1,4}$/;

interface NeedSearchKey {
  need: NeedDefinition;
  index: number;
  words: string[];
  firstLabelWords: string[];
}

const needKeyCache = new WeakMap<KnowledgeBase, NeedSearchKey[]>();

function needKeys(kb: KnowledgeBase): NeedSearchKey[] {
  let keys = needKeyCache.get(kb);
  if (!keys) {
    keys = kb.needs.map((need, index) => ({
      need,
      index,
      words: [
        ...new Set([need.labelFr, need.labelEn, ...need.keywords, need.code.replace(/-/g, ' ')].flatMap(searchWords)),
      ],
      firstLabelWords: [searchWords(need.labelFr)[0] ?? '', searchWords(need.labelEn)[0] ?? ''],
    }));
    needKeyCache.set(kb, keys);
  }
  return keys;
}

/**
 * Needs suggested for what someone typed ("chaleur 80", "palettes", "gypse"), best first, at most `first`.
 * Accent- and case-insensitive; words match the start of the needs' label and keyword words. A number is read as a
 * temperature: needs whose temperature covers it (the lowest sufficient band first) come before the others.
 */
export function findNeeds(search: string, first: number, kb: KnowledgeBase = loadKnowledgeBase()): NeedDefinition[] {
  const limit = Math.max(0, Math.floor(first));
  const allWords = searchWords(search ?? '').filter((word) => !NEED_STOP_WORDS.has(word));
  const temperature = allWords.filter((word) => NUMBER.test(word)).map(Number)[0];
  const textWords = allWords.filter((word) => !NUMBER.test(word) && word.length > 1);
  const keys = needKeys(kb);
  if (textWords.length === 0 && temperature === undefined) return keys.slice(0, limit).map((key) => key.need);

  const ranked: Array<{ key: NeedSearchKey; rank: number[] }> = [];
  for (const key of keys) {
    const hits = textWords.filter((word) => key.words.some((needWord) => needWord.startsWith(word))).length;
    if (textWords.length > 0 && hits === 0) continue;
    const need = key.need;
    if (textWords.length === 0 && need.temperatureC === undefined) continue;
    let fit = 0;
    let gap = 0;
    if (temperature !== undefined) {
      if (need.temperatureC === undefined) {
        fit = 1;
        gap = Number.MAX_SAFE_INTEGER;
      } else if (temperature <= need.temperatureC) {
        gap = need.temperatureC - temperature;
      } else {
        fit = 2;
        gap = temperature - need.temperatureC;
      }
    }
    const labelStarts =
      textWords.length > 0 && key.firstLabelWords.some((word) => word.startsWith(textWords[0])) ? 0 : 1;
    ranked.push({ key, rank: [textWords.length - hits, fit, gap, labelStarts, key.index] });
  }
  ranked.sort((a, b) => compareRanks(a.rank, b.rank));
  return ranked.slice(0, limit).map(({ key }) => key.need);
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}

/** The need with this code, if the knowledge base has it. */
export function findNeedByCode(code: string, kb: KnowledgeBase = loadKnowledgeBase()): NeedDefinition | undefined {
  return kb.needs.find((need) => need.code === code);
}
