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
/** Both stems of each word, and each stem already marked (see STEM_MARK): labels repeat their words. */
const cache = new Map<string, MarkedStems>();

interface MarkedStems extends WordStems {
  markedFr: string;
  markedEn: string;
}

/** Both stems of one folded word (letters and digits only). Numbers are their own stem. */
export function stemsOf(word: string): WordStems {
  const stems = markedStemsOf(word);
  return { fr: stems.fr, en: stems.en };
}

function markedStemsOf(word: string): MarkedStems {
  let stems = cache.get(word);
  if (!stems) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    const number = DIGITS.test(word);
    const fr = number ? word : frenchStem(word);
    const en = number ? word : englishStem(word);
    stems = { fr, en, markedFr: STEM_MARK.fr + fr, markedEn: STEM_MARK.en + en };
    cache.set(word, stems);
  }
  return stems;
}

const DIGITS = /^\d+$/;

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
  return stemPhraseOf(words.split(' ').filter((w) => w !== ''));
}

/** `stemPhrases` of words already apart (none empty). */
export function stemPhraseOf(words: readonly string[]): WordStems {
  if (words.length === 1) {
    const stems = markedStemsOf(words[0]);
    return { fr: stems.markedFr, en: stems.markedEn };
  }
  // Joined rather than concatenated word by word: flat strings, without a piece per word (see searchableLabel).
  const fr = new Array<string>(words.length);
  const en = new Array<string>(words.length);
  for (let k = 0; k < words.length; k++) {
    const stems = markedStemsOf(words[k]);
    fr[k] = stems.markedFr;
    en[k] = stems.markedEn;
  }
  return { fr: fr.join(' '), en: en.join(' ') };
}
