import type { ExplanationItem } from './engine.types.js';

/**
 * Explanation items and strings that many synergies hold. Identical items are shared and frozen (never copied a
 * hundred thousand times), and long strings are flattened, so that a large territory's synergies stay light for
 * the garbage collector. Consumers read them; nothing may mutate them (frozen objects throw in strict mode).
 */

export function item(code: string, params: ExplanationItem['params']): ExplanationItem {
  return { code, params };
}

export function frozenItem(code: string, params: ExplanationItem['params']): ExplanationItem {
  return Object.freeze({ code, params: Object.freeze(params) }) as ExplanationItem;
}

const cache = new Map<string, ExplanationItem>();

/** One shared, frozen item per code and single parameter value. */
export function sharedItem(code: string, name: string, value: string | number): ExplanationItem {
  const key = `${code}\u0000${name}\u0000${value}`;
  let found = cache.get(key);
  if (!found) {
    found = frozenItem(code, { [name]: value });
    cache.set(key, found);
  }
  return found;
}

export const NOT_HAZARDOUS = frozenItem('NOT_HAZARDOUS', {});

/**
 * A string built by concatenation is a tree of its pieces in V8 (a formula: a dozen of them); reading a character
 * flattens it into one. Synergies keep their formulas for long: one flat string is lighter to keep and to collect.
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
