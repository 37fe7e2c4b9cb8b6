import { keywordForms } from './text-fold.js';

/**
 * Keywords found in a searchable label (see text-fold.ts) without trying them all: every form a keyword is found by
 * (itself, its stems) is filed under its first three characters, and a label is read word start by word start.
 */
export class KeywordIndex<T> {
  /** Forms without their leading space, by their first three characters; each with its keyword's value. */
  private readonly formsByStart = new Map<string, { form: string; value: T }[]>();
  /** Forms shorter than three characters, searched the plain way (`spaced`: with their leading space, made once). */
  private readonly shortForms: { form: string; spaced: string; value: T }[] = [];

  /** Files a keyword prepared by `searchableKeyword` under `value`. */
  add(keyword: string, value: T): void {
    for (const form of keywordForms(keyword)) {
      const entry = { form: form.slice(1), value };
      if (entry.form.trim().length < 3) this.shortForms.push({ ...entry, spaced: ` ${entry.form}` });
      else {
        const key = entry.form.slice(0, 3);
        const list = this.formsByStart.get(key);
        if (list) list.push(entry);
        else this.formsByStart.set(key, [entry]);
      }
    }
  }

  /** The values of the keywords occurring in a prepared label, each once. */
  find(label: string): Set<T> {
    const found = new Set<T>();
    for (let at = label.indexOf(' '); at >= 0 && at < label.length - 1; at = label.indexOf(' ', at + 1)) {
      const start = at + 1;
      const candidates = this.formsByStart.get(label.slice(start, start + 3));
      if (!candidates) continue;
      for (const c of candidates) if (label.startsWith(c.form, start)) found.add(c.value);
    }
    for (const c of this.shortForms) if (label.includes(c.spaced)) found.add(c.value);
    return found;
  }
}
