import { keywordForms, NOT_ASCII_START, startKey } from './text-fold.js';

/**
 * Keywords found in a searchable label (see text-fold.ts) without trying them all: every form a keyword is found by
 * (itself, its stems) is filed under its first three characters, and a label is read word start by word start.
 */
export class KeywordIndex<T> {
  /**
   * Forms without their leading space, by their first three characters as a number (startKey: no string cut out of
   * the label at each word start); each with its keyword's value and its fourth character (-1: none), compared
   * before the whole form — a start such as "^co" files thirty forms, of which a label's word begins few.
   */
  private readonly formsByStart = new Map<number, FiledForm<T>[]>();
  /** Those whose first three characters are not all ASCII (none, once folded), by those characters. */
  private readonly formsByOtherStart = new Map<string, FiledForm<T>[]>();
  /** Forms shorter than three characters, searched the plain way (`spaced`: with their leading space, made once). */
  private readonly shortForms: { form: string; spaced: string; value: T }[] = [];

  /** Files a keyword prepared by `searchableKeyword` under `value`. */
  add(keyword: string, value: T): void {
    for (const form of keywordForms(keyword)) {
      const entry = { form: form.slice(1), value };
      if (entry.form.trim().length < 3) this.shortForms.push({ ...entry, spaced: [' ', entry.form].join('') });
      else {
        const filed = { form: entry.form, fourth: entry.form.length > 3 ? entry.form.charCodeAt(3) : -1, value };
        const key = startKey(entry.form, 0);
        if (key === NOT_ASCII_START) fileUnder(this.formsByOtherStart, entry.form.slice(0, 3), filed);
        else fileUnder(this.formsByStart, key, filed);
      }
    }
  }

  /** The values of the keywords occurring in a prepared label, each once. */
  find(label: string): Set<T> {
    const found = new Set<T>();
    for (let at = label.indexOf(' '); at >= 0 && at < label.length - 1; at = label.indexOf(' ', at + 1)) {
      const start = at + 1;
      const key = startKey(label, start);
      const candidates = key >= 0 ? this.formsByStart.get(key) : key === NOT_ASCII_START ? this.formsByOtherStart.get(label.slice(start, start + 3)) : undefined;
      if (!candidates) continue;
      const fourth = label.charCodeAt(start + 3);
      for (let k = 0; k < candidates.length; k++) {
        const c = candidates[k];
        if ((c.fourth === -1 || c.fourth === fourth) && label.startsWith(c.form, start)) found.add(c.value);
      }
    }
    for (const c of this.shortForms) if (label.includes(c.spaced)) found.add(c.value);
    return found;
  }
}

interface FiledForm<T> {
  form: string;
  /** The form's fourth character code, -1 when it has three. */
  fourth: number;
  value: T;
}

function fileUnder<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
