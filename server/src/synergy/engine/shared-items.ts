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

/** By code, then parameter name(s), then value(s): no key string is built for a look-up (one per match before). */
const cache = new Map<string, Map<string, Map<unknown, ExplanationItem>>>();
/** Beyond this many values of one code and parameter, items are made each time (a distance has a few thousand). */
const VALUES_PER_PARAMETER = 8192;

function valuesOf(code: string, name: string): Map<unknown, ExplanationItem> {
  let byName = cache.get(code);
  if (!byName) cache.set(code, (byName = new Map()));
  let byValue = byName.get(name);
  if (!byValue) byName.set(name, (byValue = new Map()));
  return byValue;
}

/** One shared, frozen item per code and single parameter value. */
export function sharedItem(code: string, name: string, value: string | number): ExplanationItem {
  const byValue = valuesOf(code, name);
  let found = byValue.get(value);
  if (!found) {
    found = frozenItem(code, { [name]: value });
    if (byValue.size < VALUES_PER_PARAMETER) byValue.set(value, found);
  }
  return found;
}

const pairs = new Map<string, { nameA: string; nameB: string; byA: Map<number, Map<number, ExplanationItem>> }>();

/**
 * One shared, frozen item per code and pair of numeric parameters (`nameA`: `a`, then `nameB`: `b`; a code is
 * remembered with the names of its first call): a distance within a pathway's reach, said by 17k substitutions at
 * 100k flows for 2.3k distinct distances.
 */
export function sharedPairItem(code: string, nameA: string, a: number, nameB: string, b: number): ExplanationItem {
  let entry = pairs.get(code);
  if (!entry) pairs.set(code, (entry = { nameA, nameB, byA: new Map() }));
  if (entry.nameA !== nameA || entry.nameB !== nameB) return frozenItem(code, { [nameA]: a, [nameB]: b });
  let byB = entry.byA.get(a);
  if (!byB) {
    byB = new Map();
    if (entry.byA.size < VALUES_PER_PARAMETER) entry.byA.set(a, byB);
  }
  let found = byB.get(b);
  if (!found) {
    found = frozenItem(code, { [nameA]: a, [nameB]: b });
    if (byB.size < VALUES_PER_PARAMETER) byB.set(b, found);
  }
  return found;
}

const distances = new Map<string, { name: string; byReach: Map<number, ExplanationItem[]> }>();
/** Reaches up to 2,000 km keep their items by distance (in tenths of a km, 20k places at most). */
const MAX_TENTHS = 20_000;

/**
 * `{ [name]: distanceKm rounded to 100 m, reachKm }` under `code` (a code is remembered with the name of its first
 * call), one shared, frozen item per distance within the reach: "within reach" is said by 17k substitutions at 100k
 * flows for 2.3k distinct distances. Found by the distance in tenths of a km, an index into a list per reach: a map
 * keyed by fractional numbers cost more than the item it saved.
 */
export function sharedDistanceItem(code: string, name: string, distanceKm: number, reachKm: number): ExplanationItem {
  const tenths = Math.round(distanceKm * 10);
  let entry = distances.get(code);
  if (!entry) distances.set(code, (entry = { name, byReach: new Map() }));
  let items = entry.byReach.get(reachKm);
  if (!items) entry.byReach.set(reachKm, (items = new Array<ExplanationItem>(Math.min(MAX_TENTHS, Math.max(0, Math.ceil(reachKm * 10))) + 1)));
  const remembered = entry.name === name && tenths >= 0 && tenths < items.length;
  if (remembered && items[tenths]) return items[tenths];
  const made = frozenItem(code, { [name]: tenths / 10, reachKm });
  if (remembered) items[tenths] = made;
  return made;
}

const EMPTY: readonly ExplanationItem[] = Object.freeze([]);

interface ListNode {
  list: ExplanationItem[] | null;
  next: Map<object, ListNode> | null;
}
const lists: ListNode = { list: null, next: null };
let listNodes = 0;
/** Beyond this many remembered lists (and prefixes), lists are copied each time. */
const MAX_LIST_NODES = 65_536;

/**
 * `items` then `tail` (a frozen list, possibly empty) as one list: when every item is shared (frozen), one frozen
 * list per sequence, shared by every synergy saying the same — a substitution's conditions met are 1.5k distinct
 * lists for 17k synergies at 100k flows. Otherwise (or past the limit) a copy, as the explanation always had. For
 * lists that repeat: reasons (a distance each) are mostly distinct, and a look-up per item costs more than a copy.
 */
export function sharedList(items: readonly ExplanationItem[], tail: readonly ExplanationItem[] = EMPTY): ExplanationItem[] {
  for (let k = 0; k < items.length; k++) if (!Object.isFrozen(items[k])) return items.concat(tail);
  let node = lists;
  for (let k = 0; k <= items.length; k++) {
    const key: object = k < items.length ? items[k] : tail;
    let next = node.next?.get(key);
    if (!next) {
      if (listNodes >= MAX_LIST_NODES) return items.concat(tail);
      next = { list: null, next: null };
      (node.next ??= new Map()).set(key, next);
      listNodes++;
    }
    node = next;
  }
  return (node.list ??= Object.freeze(items.concat(tail)) as ExplanationItem[]);
}

export const NOT_HAZARDOUS = frozenItem('NOT_HAZARDOUS', {});

/**
 * The text `make` gives for keys `a` then `b`, made (and flattened) once: words that many synergies say alike — a
 * formula crediting nothing, for the same reason — are one string kept once, not one built and kept per synergy.
 * The keys must name everything the text says (the text is another synergy's too); texts are never made of what
 * an organisation declared (docs/THREAT_MODEL.md row 27): the callers keep the knowledge base's words only.
 */
export function memoText<B>(texts: Map<string, Map<B, string>>, a: string, b: B, make: () => string): string {
  return memoTwoKeys(texts, a, b, () => flat(make()));
}

/**
 * The value `make` gives for keys `a` then `b`, made once (two Maps: no key string built per call). What is kept is
 * shared by every synergy that asks with the same keys: an object must be frozen by `make` (shared-objects.test.ts).
 */
export function memoTwoKeys<A, B, V>(memo: Map<A, Map<B, V>>, a: A, b: B, make: () => V): V {
  let byB = memo.get(a);
  if (!byB) memo.set(a, (byB = new Map()));
  let value = byB.get(b);
  if (value === undefined) byB.set(b, (value = make()));
  return value;
}

/**
 * A string built by concatenation is a tree of its pieces in V8 (a formula: a dozen of them); reading a character
 * flattens it into one. Synergies keep their formulas for long: one flat string is lighter to keep and to collect.
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
