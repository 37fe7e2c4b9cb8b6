import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as frenchStem } from '@orama/stemmers/french';

/**
 * Snowball stems of folded words, French and English: a label does not say its language, and the corpus mixes both
 * ("palettes bois", "wooden pallets"). Each word gets both stems; a keyword matches a label when, in either language,
 * its stems are the label's stems word for word ("palette" finds "palettes", "eaux chaudes" finds "eau chaude").
 * Stemming runs on folded text on both sides (the knowledge base's keywords are folded), so the two agree.
 */

export interface WordStems {
  fr: string;
  en: string;
}

const CACHE_SIZE = 100_000;
const cache = new Map<string, WordStems>();

/** Both stems of one folded word (letters and digits only). Numbers are their own stem. */
export function stemsOf(word: string): WordStems {
  let stems = cache.get(word);
  if (!stems) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    stems = /^\d+$/.test(word) ? { fr: word, en: word } : { fr: frenchStem(word), en: englishStem(word) };
    cache.set(word, stems);
  }
  return stems;
}

/**
 * Marks put before each stem: a folded word is letters and digits only, so a keyword written in words never matches
 * a stem ("sulphur$" does not find the English stem of "sulphuric"), and a French stem never an English one.
 */
export const STEM_MARK = { fr: '^', en: '~' } as const;

/**
 * The French and the English stems of folded words separated by single spaces, each stem marked (STEM_MARK) and
 * joined by single spaces: "eaux chaudes" → { fr: "^eau ^chaud", en: "~eaux ~chaud" }.
 */
export function stemPhrases(words: string): WordStems {
  const list = words.split(' ').filter((w) => w !== '');
  return {
    fr: list.map((w) => STEM_MARK.fr + stemsOf(w).fr).join(' '),
    en: list.map((w) => STEM_MARK.en + stemsOf(w).en).join(' '),
  };
}
