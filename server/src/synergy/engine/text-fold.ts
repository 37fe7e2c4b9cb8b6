import { stemPhrases } from './word-stems.js';

/**
 * Folding of free text so that "Chaleur fatale à 80 °C", "chaleur fatale a 80 C" and "CHALEUR" compare equal:
 * NFD, accents stripped, lower case, every non-alphanumeric character turned into a single space; and the words'
 * Snowball stems, French and English (word-stems.ts), so that "palette" finds "palettes" and "eaux" finds "eau".
 */

// eslint-disable-next-line no-control-regex -- "is every character ASCII" is exactly a control-range test
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ALNUM = /[^a-z0-9]+/g;
/** Between the parts of a searchable label: never part of a keyword, so no keyword spans two parts. */
const PART_BREAK = ' | ';
/** A keyword of this many characters or fewer, one word, matches whole words only ("pet" is not "petrole"). */
const SHORT_KEYWORD = 3;

/** NFD, strip accents, lower case. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Most labels are plain ASCII: skip the (costly) normalisation for them.
  if (ASCII_ONLY.test(lower)) return lower;
  return lower.normalize('NFD').replace(COMBINING_MARKS, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

/**
 * Compound names of a fuel that contain the word of a use: "heating oil" is fuel oil, not heating. "Fuel for the
 * dryers (heating oil today)" is a fuel need; read as "heating", it was offered a heat pump's warm water. Written as
 * the fuel's other name, so that "Space heating (heating oil today)" stays a heating need and a route listing
 * "fuel oil" finds both. Folded words, whole words only.
 */
const FUEL_COMPOUNDS = /(^| )heating oils?(?= |$)/g;

/** Folded words separated by single spaces, without leading or trailing space. */
export function foldedWords(text: string): string {
  return foldText(text).replace(NON_ALNUM, ' ').trim().replace(FUEL_COMPOUNDS, '$1fuel oil');
}

/**
 * A label prepared for keyword search: its folded words, then their French stems, then their English stems, parts
 * separated by " | ", with a leading and a trailing space, so that a keyword matches at the start of a word
 * (" palette" finds "palettes" but "or" does not find "bois dormant") and a keyword's stems match the label's stems
 * word for word.
 */
export function searchableLabel(label: string): string {
  const words = foldedWords(label);
  if (words === '') return '  ';
  const stems = stemPhrases(words);
  return ` ${words}${PART_BREAK}${stems.fr}${PART_BREAK}${stems.en} `;
}

/**
 * A keyword prepared for `searchableLabel`: folded, with a leading space (matches at the start of a word). A keyword
 * written with a final `$` ("sulphur$") matches whole words only: it gets a trailing space too, so that it does not
 * find "sulphuric"; so does a one-word keyword of three characters or fewer.
 */
export function searchableKeyword(keyword: string): string {
  const marked = keyword.endsWith('$');
  const words = foldedWords(marked ? keyword.slice(0, -1) : keyword);
  const whole = marked || (words.length <= SHORT_KEYWORD && !words.includes(' '));
  return whole ? ` ${words} ` : ` ${words}`;
}

const variantCache = new Map<string, string[]>();

/**
 * The forms a prepared keyword is found by in a searchable label: itself (in the folded words), and unless it is
 * whole-word, its French and English stems (each in its own part). A whole-word keyword — `$`, or short — finds its
 * exact words only: stemming makes "sulphuric" a "sulphur" and "bagasse" a French "bag" (the knowledge base lists
 * the plurals of its short words).
 */
export function keywordForms(keyword: string): string[] {
  let forms = variantCache.get(keyword);
  if (!forms) {
    const stems = stemPhrases(keyword.trim());
    forms = keyword.endsWith(' ') ? [keyword] : [keyword, ` ${stems.fr} `, ` ${stems.en} `];
    variantCache.set(keyword, forms);
  }
  return forms;
}

/**
 * A list of prepared keywords flattened with their forms, keyword by keyword (see findKeyword), and what it found in
 * the labels already searched: a territory repeats its labels, and each list is read for every flow of a label.
 */
interface FlatForms {
  forms: string[];
  owners: string[];
  found: Map<string, string | null>;
}

/** Labels remembered per list of keywords; beyond, the memory starts again (a long-lived engine sees new labels). */
const FOUND_PER_LIST = 20_000;

const flatCache = new WeakMap<readonly string[], FlatForms>();

function flatForms(keywords: readonly string[]): FlatForms {
  let flat = flatCache.get(keywords);
  if (!flat) {
    flat = { forms: [], owners: [], found: new Map() };
    for (const keyword of keywords) {
      if (keyword.length <= 1) continue;
      for (const form of keywordForms(keyword)) {
        flat.forms.push(form);
        flat.owners.push(keyword);
      }
    }
    // Lists are compiled once and read for every flow: their forms are worked out once too.
    flatCache.set(keywords, flat);
  }
  return flat;
}

/** The first of the prepared keywords that occurs in the prepared label (itself or by its stems), or null. */
export function findKeyword(label: string, keywords: readonly string[]): string | null {
  const flat = flatForms(keywords);
  let keyword = flat.found.get(label);
  if (keyword === undefined) {
    keyword = null;
    const { forms, owners } = flat;
    for (let k = 0; k < forms.length; k++) {
      if (label.includes(forms[k])) {
        keyword = owners[k];
        break;
      }
    }
    if (flat.found.size >= FOUND_PER_LIST) flat.found.clear();
    flat.found.set(label, keyword);
  }
  return keyword;
}
