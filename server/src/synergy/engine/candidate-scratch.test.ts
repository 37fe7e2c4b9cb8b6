import { describe, expect, it } from 'vitest';
import { CALL_LIMIT, CandidateScratch } from './substitution-search.js';
import { IO } from './pair-score.js';
import type { EngineContext } from './engine-context.js';

/** A scratch deduplicates the counterparts of one search: a pair reachable by two pathways is one candidate. */
describe('the candidate scratch', () => {
  const ctx = { kb: { pathways: [{ id: 'a' }, { id: 'b' }] } } as unknown as EngineContext;
  const io = new Float64Array(4);
  const offerTwice = (scratch: CandidateScratch) => {
    scratch.begin(3);
    io[IO.SCORE] = 0.5;
    io[IO.DISTANCE] = 1;
    scratch.offer(7, 0, io, ctx);
    io[IO.SCORE] = 0.6;
    scratch.offer(7, 1, io, ctx);
    return { n: scratch.n, score: scratch.scores[0], pathway: scratch.pathways[0] };
  };

  it('keeps one candidate per counterpart, with its best pathway', () => {
    expect(offerTwice(new CandidateScratch())).toEqual({ n: 1, score: 0.6, pathway: 1 });
  });

  it('keeps every counterpart once when a search meets more than it holds (it grows and rehashes)', () => {
    const scratch = new CandidateScratch(4);
    scratch.begin(3);
    // 40 counterparts, each offered by two pathways (the second better for odd slots): the arrays grow from 4 to 64,
    // the table is rehashed on the way, and no counterpart is lost or counted twice.
    for (let pass = 0; pass < 2; pass++) {
      for (let slot = 100; slot < 140; slot++) {
        io[IO.SCORE] = pass === 1 && slot % 2 === 1 ? 0.9 : 0.5;
        io[IO.DISTANCE] = slot;
        scratch.offer(slot, pass, io, ctx);
      }
    }
    expect(scratch.n).toBe(40);
    expect([...scratch.slots.subarray(0, 40)]).toEqual(Array.from({ length: 40 }, (_, k) => 100 + k));
    expect([...scratch.pathways.subarray(0, 40)]).toEqual(Array.from({ length: 40 }, (_, k) => (k % 2 === 1 ? 1 : 0)));
    expect([...scratch.distances.subarray(0, 40)]).toEqual(Array.from({ length: 40 }, (_, k) => 100 + k));
    // The next search starts empty, with the grown arrays.
    scratch.begin(3);
    io[IO.SCORE] = 0.5;
    scratch.offer(100, 0, io, ctx);
    expect(scratch.n).toBe(1);
  });

  it('still does after more calls than an Int32 counts (a detection thread that ran for months)', () => {
    const scratch = new CandidateScratch();
    offerTwice(scratch);
    // As if 2^31 searches had run: the call count stored in the table would wrap past this point.
    (scratch as unknown as { call: number }).call = 2 ** 31 - 2;
    for (let k = 0; k < 4; k++) expect(offerTwice(scratch)).toEqual({ n: 1, score: 0.6, pathway: 1 });
    expect((scratch as unknown as { call: number }).call).toBeLessThan(CALL_LIMIT);
  });
});
