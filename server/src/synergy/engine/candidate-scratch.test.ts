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

  it('still does after more calls than an Int32 counts (a detection thread that ran for months)', () => {
    const scratch = new CandidateScratch();
    offerTwice(scratch);
    // As if 2^31 searches had run: the call count stored in the table would wrap past this point.
    (scratch as unknown as { call: number }).call = 2 ** 31 - 2;
    for (let k = 0; k < 4; k++) expect(offerTwice(scratch)).toEqual({ n: 1, score: 0.6, pathway: 1 });
    expect((scratch as unknown as { call: number }).call).toBeLessThan(CALL_LIMIT);
  });
});
