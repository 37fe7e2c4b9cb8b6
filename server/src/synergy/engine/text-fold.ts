/**
 * Folding of free text so that "Chaleur fatale à 80 °C", "chaleur fatale a 80 C" and "CHALEUR" compare equal:
 * NFD, accents stripped, lower case, every non-alphanumeric character turned into a single space.
 */

// eslint-disable-next-line no-control-regex -- "is every character ASCII" is exactly a control-range test
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ALNUM = /[^a-z0-9]+/g;

/** NFD, strip accents, lower case. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Most labels are plain ASCII: skip the (costly) normalisation for them.
  if (ASCII_ONLY.test(lower)) return lower;
  return lower.normalize('NFD').replace(COMBINING_MARKS, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

/**
 * A label prepared for keyword search: folded, words separated by single spaces, with a leading and a trailing
 * space, so that a keyword matches at the start of a word (" palette" finds "palettes" but "or" does not find
 * "bois dormant").
 */
export function searchableLabel(label: string): string {
  return ` ${foldText(label).replace(NON_ALNUM, ' ').trim()} `;
}

/**
 * A keyword prepared for `searchableLabel`: folded, with a leading space (matches at the start of a word). A keyword
 * written with a final `$` ("sulphur$") matches whole words only: it gets a trailing space too, so that it does not
 * find "sulphuric".
 */
export function searchableKeyword(keyword: string): string {
  const whole = keyword.endsWith('$');
  const words = foldText(whole ? keyword.slice(0, -1) : keyword).replace(NON_ALNUM, ' ').trim();
  return whole ? ` ${words} ` : ` ${words}`;
}

/** The first of the prepared keywords that occurs in the prepared label, or null. */
export function findKeyword(label: string, keywords: readonly string[]): string | null {
  for (const keyword of keywords) {
    if (keyword.length > 1 && label.includes(keyword)) return keyword;
  }
  return null;
}
