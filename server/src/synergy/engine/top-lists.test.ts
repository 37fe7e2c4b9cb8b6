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
