import { stemPhraseOf, stemPhrases } from './word-stems.js';

/**
 * Folding of free text so that "Chaleur fatale à 80 °C", "chaleur fatale a 80 C" and "CHALEUR" compare equal:
 * NFD, accents stripped, lower case, every non-alphanumeric character turned into a single space; and the words'
 * Snowball stems, French and English (word-stems.ts), so that "palette" finds "palettes" and "eaux" finds "eau".
 */

// eslint-disable-next-line no-control-regex -- "is every character ASCII" is exactly a control-range test
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
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
 * "fuel oil" finds both. Folded words, whole words only: "heating" then "oil" or "oils" become "fuel" "oil".
 */
const FUEL_COMPOUND_USE = 'heating';
const FUEL_COMPOUND_FUEL = new Set(['oil', 'oils']);

/** Folded words separated by single spaces, without leading or trailing space. */
export function foldedWords(text: string): string {
  return foldedWordList(text).join(' ');
}

/**
 * The folded words of a text, in order: the runs of letters a-z and digits of its folded form (anything else
 * separates words), fuel compounds renamed. Read in one pass rather than by replacing, trimming and splitting: every
 * label of a territory goes through it.
 */
function foldedWordList(text: string): string[] {
  const folded = foldText(text);
  const words: string[] = [];
  let start = -1;
  for (let k = 0; k < folded.length; k++) {
    const c = folded.charCodeAt(k);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      if (start < 0) start = k;
    } else if (start >= 0) {
      words.push(folded.slice(start, k));
      start = -1;
    }
  }
  if (start >= 0) words.push(start === 0 ? folded : folded.slice(start));
  for (let k = 0; k + 1 < words.length; k++) {
    if (words[k] === FUEL_COMPOUND_USE && FUEL_COMPOUND_FUEL.has(words[k + 1])) {
      words[k] = 'fuel';
      words[k + 1] = 'oil';
      k++;
    }
  }
  return words;
}

/**
 * A label prepared for keyword search: its folded words, then their French stems, then their English stems, parts
 * separated by " | ", with a leading and a trailing space, so that a keyword matches at the start of a word
 * (" palette" finds "palettes" but "or" does not find "bois dormant") and a keyword's stems match the label's stems
 * word for word.
 */
export function searchableLabel(label: string): string {
  const words = foldedWordList(label);
  if (words.length === 0) return '  ';
  const stems = stemPhraseOf(words);
  // Joined at once into one flat string: every keyword search reads the label character by character, and a string
  // built by concatenation is a tree of pieces V8 copies flat at the first search, then reads through an indirection
  // (finding the keywords of 9.8k labels took a third longer, measured).
  SEARCHABLE_PARTS[1] = words.join(' ');
  SEARCHABLE_PARTS[3] = stems.fr;
  SEARCHABLE_PARTS[5] = stems.en;
  return SEARCHABLE_PARTS.join('');
}

/** The pieces of a searchable label, the words and stems filled in per label (see searchableLabel). */
const SEARCHABLE_PARTS = [' ', '', PART_BREAK, '', PART_BREAK, '', ' '];

/**
 * A keyword prepared for `searchableLabel`: folded, with a leading space (matches at the start of a word). A keyword
 * written with a final `$` ("sulphur$") matches whole words only: it gets a trailing space too, so that it does not
 * find "sulphuric"; so does a one-word keyword of three characters or fewer.
 */
export function searchableKeyword(keyword: string): string {
  const marked = keyword.endsWith('$');
  const words = foldedWords(marked ? keyword.slice(0, -1) : keyword);
  const whole = marked || (words.length <= SHORT_KEYWORD && !words.includes(' '));
  // Flat strings (see searchableLabel): a keyword's forms are compared with every label searched for it.
  return whole ? [' ', words, ' '].join('') : [' ', words].join('');
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
    forms = keyword.endsWith(' ') ? [keyword] : [keyword, [' ', stems.fr, ' '].join(''), [' ', stems.en, ' '].join('')];
    variantCache.set(keyword, forms);
  }
  return forms;
}

/**
 * The first three characters from `start` as one small integer, to file and find keyword forms by how they begin
 * without cutting a string out of the label for each word (see KeywordIndex, findKeyword); NO_START_KEY when fewer
 * than three characters remain, NOT_ASCII_START when one of them is not ASCII (never, in a folded label: such forms
 * and places are read the plain way).
 */
export function startKey(text: string, start: number): number {
  if (start + 3 > text.length) return NO_START_KEY;
  const c0 = text.charCodeAt(start);
  const c1 = text.charCodeAt(start + 1);
  const c2 = text.charCodeAt(start + 2);
  if ((c0 | c1 | c2) >= 0x80) return NOT_ASCII_START;
  return (c0 << 14) | (c1 << 7) | c2;
}
export const NO_START_KEY = -1;
export const NOT_ASCII_START = -2;

/**
 * A list of prepared keywords flattened with their forms, keyword by keyword (see findKeyword), and what it found in
 * the labels already searched: a territory repeats its labels, and each list is read for every flow of a label.
 */
interface FlatForms {
  forms: string[];
  owners: string[];
  /**
   * Positions in `forms` of the forms of a space and three or more characters, by those three (startKey), in
   * ascending order: a label is read once, word start by word start, instead of once per form (lists of exclusion
   * words and kinds run to dozens of forms, most of them found nowhere).
   */
  byStart: Map<number, number[]>;
  /** Positions of the other forms (shorter, or not ASCII there), searched the plain way; ascending. */
  plain: number[];
  found: Map<string, string | null>;
}

/** Labels remembered per list of keywords; beyond, the memory starts again (a long-lived engine sees new labels). */
const FOUND_PER_LIST = 20_000;

const flatCache = new WeakMap<readonly string[], FlatForms>();

function flatForms(keywords: readonly string[]): FlatForms {
  let flat = flatCache.get(keywords);
  if (!flat) {
    flat = { forms: [], owners: [], byStart: new Map(), plain: [], found: new Map() };
    for (const keyword of keywords) {
      if (keyword.length <= 1) continue;
      for (const form of keywordForms(keyword)) {
        const at = flat.forms.length;
        flat.forms.push(form);
        flat.owners.push(keyword);
        // Every form starts with a space (keywordForms): it occurs where the label has a space followed by its rest.
        const key = form.charCodeAt(0) === SPACE ? startKey(form, 1) : NOT_ASCII_START;
        if (key < 0) flat.plain.push(at);
        else {
          const list = flat.byStart.get(key);
          if (list) list.push(at);
          else flat.byStart.set(key, [at]);
        }
      }
    }
    // Lists are compiled once and read for every flow: their forms are worked out once too.
    flatCache.set(keywords, flat);
  }
  return flat;
}

const SPACE = 0x20;

/** The first of the prepared keywords that occurs in the prepared label (itself or by its stems), or null. */
export function findKeyword(label: string, keywords: readonly string[]): string | null {
  const flat = flatForms(keywords);
  let keyword = flat.found.get(label);
  if (keyword === undefined) {
    const first = firstForm(label, flat);
    keyword = first < 0 ? null : flat.owners[first];
    if (flat.found.size >= FOUND_PER_LIST) flat.found.clear();
    flat.found.set(label, keyword);
  }
  return keyword;
}

/** The position in `flat.forms` of the first form that occurs in `label`, or -1: as trying each form in turn. */
function firstForm(label: string, flat: FlatForms): number {
  const { forms, plain, byStart } = flat;
  let first = forms.length;
  for (let k = 0; k < plain.length; k++) {
    if (label.includes(forms[plain[k]])) {
      first = plain[k];
      break;
    }
  }
  if (byStart.size > 0) {
    for (let at = label.indexOf(' '); at >= 0 && first > 0; at = label.indexOf(' ', at + 1)) {
      const key = startKey(label, at + 1);
      if (key < 0) continue;
      const candidates = byStart.get(key);
      if (!candidates) continue;
      for (let c = 0; c < candidates.length && candidates[c] < first; c++) {
        if (label.startsWith(forms[candidates[c]], at)) first = candidates[c];
      }
    }
  }
  return first === forms.length ? -1 : first;
}
