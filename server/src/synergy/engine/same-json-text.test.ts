import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameJsonText } from './same-json-text.js';

/** sameJsonText must answer exactly what comparing the two JSON strings answers. */
const byJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

describe('sameJsonText', () => {
  const value = fc.anything({ withNullPrototype: true, withDate: true, withBoxedValues: true, withSparseArray: true, maxDepth: 3 });

  it('agrees with comparing JSON strings on unrelated values, on copies and on copies changed in one place', () => {
    fc.assert(fc.property(value, value, (a, b) => {
      expect(sameJsonText(a, b)).toBe(byJson(a, b));
    }), { numRuns: 2_000 });
    fc.assert(
      fc.property(value, (a) => {
        const copy: unknown = structuredCloneOrSelf(a);
        expect(sameJsonText(a, copy)).toBe(byJson(a, copy));
      }),
      { numRuns: 1_000 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value), fc.string(), value, (a, key, replacement) => {
        const changed = { ...a, [key]: replacement };
        expect(sameJsonText(a, changed)).toBe(byJson(a, changed));
      }),
      { numRuns: 1_000 },
    );
  });

  it('tells apart what JSON tells apart, and only that', () => {
    expect(sameJsonText({ x: 1, y: 2 }, { y: 2, x: 1 })).toBe(false);
    expect(sameJsonText({ x: 1, y: undefined }, { x: 1 })).toBe(true);
    expect(sameJsonText([undefined], [null])).toBe(true);
    expect(sameJsonText({ x: NaN }, { x: null })).toBe(true);
    expect(sameJsonText({ x: -0 }, { x: 0 })).toBe(true);
    expect(sameJsonText({ x: '1' }, { x: 1 })).toBe(false);
    expect(sameJsonText({ x: [1, 2] }, { x: { 0: 1, 1: 2 } })).toBe(false);
    expect(sameJsonText({ d: new Date(0) }, { d: new Date(0).toISOString() })).toBe(true);
  });
});

function structuredCloneOrSelf(a: unknown): unknown {
  try {
    return structuredClone(a);
  } catch {
    return a;
  }
}
