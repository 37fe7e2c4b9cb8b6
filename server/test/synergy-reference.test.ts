import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NaiveDetector } from '../bench/synergy/naive-detector.js';
import { territoryOf } from '../bench/synergy/naive-baseline.js';
import { applyUpdates, updateStream } from '../bench/synergy/update-stream.js';
import { SynergyDetector } from '../src/synergy/engine/detector.js';
import { FIXTURE_KB } from '../src/synergy/engine/engine.fixture.js';
import type { DetectedSynergy } from '../src/synergy/engine/engine.types.js';
import { loadKnowledgeBase } from '../src/synergy/knowledge/knowledge-base.js';
import type { KnowledgeBase } from '../src/synergy/knowledge/knowledge-base.types.js';

/**
 * The engine against the brute-force reference of the benchmark (every output × every input, every pair of
 * pooling members, no index), on small generated territories: the engine's indexes may only make detection
 * faster, never find something else. The benchmark checks the same at 1k and 10k flows; this runs in CI.
 */

const found = (synergies: DetectedSynergy[]) => synergies.map((s) => `${s.key} ${s.score}`);

function agreesWithReference(kb: KnowledgeBase) {
  return fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 20, max: 400 }), (seed, size) => {
    const { generator, flows } = territoryOf(kb, size, seed);
    const reference = new NaiveDetector(kb);
    const detector = new SynergyDetector(kb);
    expect(found(detector.load(flows))).toEqual(found(reference.detect(flows)));
    // And after a stream of changes through the incremental path.
    const updates = updateStream(generator, flows, 30, seed);
    for (const f of updates) detector.upsertFlow(f);
    expect(found(detector.all())).toEqual(found(reference.detect(applyUpdates(flows, updates))));
  });
}

describe('the engine finds what the brute-force reference finds', () => {
  it('with the real knowledge base', () => {
    const kb = loadKnowledgeBase();
    // Not vacuous: the generated territories do hold synergies of both kinds.
    const { flows } = territoryOf(kb, 400, 7);
    const kinds = new Set(new NaiveDetector(kb).detect(flows).map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['MUTUALISATION', 'SUBSTITUTION']);
    fc.assert(agreesWithReference(kb), { numRuns: 15 });
  });

  it("with the engine tests' fixture knowledge base", () => {
    fc.assert(agreesWithReference(FIXTURE_KB), { numRuns: 10 });
  });

  it("the benchmark's pathway-joined naive scan finds the counterparts the full naive scan finds", () => {
    // The stricter baseline must be the same search, only without the pairs that share no pathway.
    const kb = loadKnowledgeBase();
    const { generator, flows } = territoryOf(kb, 400, 11);
    let found = 0;
    for (const f of updateStream(generator, flows, 40, 11)) {
      const full = new NaiveDetector(kb);
      full.prepare(flows);
      const joined = new NaiveDetector(kb);
      joined.prepare(flows);
      const expected = full.scanChange(f);
      expect(joined.scanChangeByPathway(f)).toBe(expected);
      found += expected;
    }
    expect(found).toBeGreaterThan(0);
  });
});
