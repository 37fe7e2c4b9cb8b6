import { describe, expect, it } from 'vitest';
import type { EngineContext } from './engine-context.js';
import { TopLists, type Candidates } from './top-lists.js';

/** Ties between counterparts are broken on what they are (distance, then declared quantity), never first on ids. */
function lists(ids: string[]): TopLists {
  const ctx = { options: { counterpartRule: 'MUTUAL', maxCounterpartsToCover: 1 }, flows: ids.map((id) => ({ id })) };
  const top = new TopLists(1, ctx as unknown as EngineContext);
  top.ensure(ids.length);
  return top;
}

function candidates(rows: { slot: number; score: number; distance: number; quantity: number }[]): Candidates {
  return {
    n: rows.length,
    slots: Int32Array.from(rows.map((r) => r.slot)),
    pathways: new Int32Array(rows.length),
    scores: Float64Array.from(rows.map((r) => r.score)),
    distances: Float64Array.from(rows.map((r) => r.distance)),
    ownQuantities: new Float64Array(rows.length).fill(NaN),
    counterpartQuantities: Float64Array.from(rows.map((r) => r.quantity)),
  };
}

describe('a flow keeping its best counterpart among tied ones', () => {
  it('keeps the nearer one, whichever id sorts first', () => {
    for (const ids of [['need', 'a-near', 'z-far'], ['need', 'z-near', 'a-far']]) {
      const top = lists(ids);
      top.fillFrom(0, candidates([{ slot: 2, score: 0.7, distance: 9, quantity: NaN }, { slot: 1, score: 0.7, distance: 2, quantity: NaN }]));
      expect(top.others(0)).toEqual([1]);
    }
  });

  it('at the same distance, keeps the one that declared the larger quantity, an unknown one last', () => {
    const top = lists(['need', 'a-unknown', 'b-small', 'c-large']);
    top.fillFrom(0, candidates([
      { slot: 1, score: 0.7, distance: 3, quantity: NaN },
      { slot: 2, score: 0.7, distance: 3, quantity: 10 },
      { slot: 3, score: 0.7, distance: 3, quantity: 500 },
    ]));
    expect(top.others(0)).toEqual([3]);
  });

  it('still prefers a better score to a nearer counterpart', () => {
    const top = lists(['need', 'near', 'far']);
    top.fillFrom(0, candidates([{ slot: 1, score: 0.6, distance: 1, quantity: 100 }, { slot: 2, score: 0.8, distance: 30, quantity: NaN }]));
    expect(top.others(0)).toEqual([2]);
  });
});

describe('a COVERING list of unknown quantities and near-tied counterparts', () => {
  function covering(ids: string[], margin: number, yearlyQuantity: number | null = null): TopLists {
    const options = { counterpartRule: 'COVERING', maxCounterpartsToCover: 8, counterpartTieMargin: margin };
    const flows = ids.map((id, slot) => ({ id, flow: { yearlyQuantity: slot === 0 ? yearlyQuantity : null } }));
    const top = new TopLists(3, { options, flows } as unknown as EngineContext);
    top.ensure(ids.length);
    return top;
  }
  // A source of unknown quantity and five takers of unknown quantity, the fourth 0.01 behind the third (a km
  // further), the fifth 0.03 behind it (a doubt more).
  const rows = [
    { slot: 1, score: 0.59, distance: 1.9, quantity: NaN },
    { slot: 2, score: 0.58, distance: 2.7, quantity: NaN },
    { slot: 3, score: 0.57, distance: 3.4, quantity: NaN },
    { slot: 4, score: 0.56, distance: 3.6, quantity: NaN },
    { slot: 5, score: 0.54, distance: 3.0, quantity: NaN },
  ];

  it('keeps a counterpart that trails the last one its quantity calls for by less than the margin', () => {
    const top = covering(['steam', 'a', 'b', 'c', 'd', 'e'], 0.015);
    top.fillFrom(0, candidates(rows));
    expect(top.others(0)).toEqual([1, 2, 3, 4]);
    // Under the threshold (0.57 - 0.015) nothing enters; above it, a counterpart does.
    expect(top.worst[0]).toBeCloseTo(0.555, 10);
  });

  it('cuts at the floor count without a margin', () => {
    const top = covering(['steam', 'a', 'b', 'c', 'd', 'e'], 0);
    top.fillFrom(0, candidates(rows));
    expect(top.others(0)).toEqual([1, 2, 3]);
  });

  it('does not extend a cut that declared quantities place', () => {
    const top = covering(['source', 'a', 'b', 'c', 'd', 'e'], 0.015, 10);
    const known = candidates(rows.map((r) => ({ ...r, quantity: 10 })));
    known.ownQuantities.fill(10);
    top.fillFrom(0, known);
    expect(top.others(0)).toEqual([1, 2, 3]);
  });

  it('does not extend the list of a flow that declares its quantity, even among counterparts that declare none', () => {
    // Extending on the counterpart at the cut made the threshold fall when a better counterpart of unknown quantity
    // came (a cut placed by quantities becoming a guessed one): counterparts already cut were then missing, and an
    // incremental update disagreed with a fresh detection (detector.property.test.ts).
    const top = covering(['source', 'a', 'b', 'c', 'd', 'e'], 0.015, 10);
    const mixed = candidates(rows);
    mixed.ownQuantities.fill(10);
    top.fillFrom(0, mixed);
    expect(top.others(0)).toEqual([1, 2, 3]);
  });

  it('keeps the same list whatever the order counterparts are offered in', () => {
    const top = covering(['steam', 'a', 'b', 'c', 'd', 'e'], 0.015);
    top.fillFrom(0, candidates([...rows].reverse()));
    expect(top.others(0)).toEqual([1, 2, 3, 4]);
  });
});

/**
 * Lists start in blocks of four entries and move to blocks of the capacity when they grow longer (and back when the
 * COVERING rule cuts them): what a list holds must not depend on where it is stored, nor touch its neighbours.
 */
describe('COVERING lists longer than their first block', () => {
  function coveringLists(count: number): TopLists {
    // Every flow declares its quantity (100), so the near-tie margin never extends a cut here.
    const options = { counterpartRule: 'COVERING', maxCounterpartsToCover: 8, counterpartTieMargin: 0.015 };
    const ctx = { options, flows: Array.from({ length: count }, (_, n) => ({ id: `f${n}`, flow: { yearlyQuantity: 100 } })) };
    const top = new TopLists(3, ctx as unknown as EngineContext);
    top.ensure(count);
    return top;
  }

  /** Candidates searched by a flow of quantity 100: each `[slot, score, quantity]`. */
  function searched(rows: [number, number, number][]): Candidates {
    const c = candidates(rows.map(([slot, score, quantity]) => ({ slot, score, distance: 1, quantity })));
    c.ownQuantities.fill(100);
    return c;
  }

  it('keeps every uncovering counterpart up to the capacity, is cut back when one covers, and leaves other lists alone', () => {
    const top = coveringLists(12);
    top.fillFrom(1, searched([[9, 0.5, 1], [10, 0.4, 1], [11, 0.3, 1], [8, 0.2, 1]]));
    top.fillFrom(0, searched([[2, 0.9, 1], [3, 0.8, 1], [4, 0.7, 1], [5, 0.6, 1], [6, 0.5, 1], [7, 0.4, 1]]));
    expect(top.others(0)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(top.distanceAt(0, 5)).toBe(1);
    // A counterpart covering the whole quantity: the list ends at the third (at least k = 3), the rest pushed out.
    expect(top.offer(0, 11, searched([[11, 0.95, 100]]), 0, false)).not.toBe(-2);
    expect(top.others(0)).toEqual([11, 2, 3]);
    expect([...top.evicted.slice(0, top.evictedCount)]).toEqual([4, 5, 6, 7]);
    // Grown again past four, cleared, refilled: the same as a list built afresh.
    top.fillFrom(0, searched([[2, 0.9, 1], [3, 0.8, 1], [4, 0.7, 1], [5, 0.6, 1], [6, 0.5, 1]]));
    expect(top.others(0)).toEqual([2, 3, 4, 5, 6]);
    top.fillFrom(0, searched([[4, 0.7, 1], [3, 0.8, 1]]));
    expect(top.others(0)).toEqual([3, 4]);
    expect(top.others(1)).toEqual([9, 10, 11, 8]);
    expect(top.pathwayAt(1, 3)).toBe(0);
  });
});
