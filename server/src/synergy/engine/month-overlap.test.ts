import { describe, expect, it } from 'vitest';
import { monthOverlap } from './heat-impacts.js';

/** Month counts as distinct values, null or empty for all year: what the Sets used to count, whatever the list holds. */
function bySets(source: number[] | null, need: number[] | null): { both: number; source: number; need: number } {
  const all = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const s = new Set(source && source.length > 0 ? source : all);
  const n = new Set(need && need.length > 0 ? need : all);
  return { both: [...s].filter((m) => n.has(m)).length, source: s.size, need: n.size };
}

describe('months a heat source and need share', () => {
  it('counts distinct months, all year when none are given, and odd lists as they are', () => {
    const lists: (number[] | null)[] = [null, [], [1, 2, 3], [12], [6, 7, 8, 9], [1, 1, 2], [3, 13], [0, 4], [2.5, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]];
    for (const source of lists) for (const need of lists) expect(monthOverlap(source, need)).toEqual(bySets(source, need));
    expect(monthOverlap([1, 2, 3], [3, 4])).toEqual({ both: 1, source: 3, need: 2 });
  });
});
