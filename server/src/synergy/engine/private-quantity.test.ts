import { describe, expect, it } from 'vitest';
import { FIXTURE_KB, at, flow } from './engine.fixture.js';
import type { EngineFlow } from './engine.types.js';
import { detectSynergies } from './detector.js';

/**
 * A PRIVATE flow's quantity is hidden from its counterparts (THREAT_MODEL #27): which synergies exist, their order
 * and their score must not move with it. Its impacts and coverage, which only those who may read it see, still do.
 * A market where the choice bites: one need for cardboard, six sources of different sizes at different distances.
 */
function market(needQuantity: number | null, visibility: EngineFlow['visibility'], spacingKm = 1): EngineFlow[] {
  const sources = [40, 90, 150, 300, 700, 1500].map((q, k) =>
    flow({ id: `s${k}`, organizationId: `o${k}`, direction: 'OUTPUT', label: 'Cartons', ewcCode: '15 01 01', yearlyQuantity: q, ...at(1 + spacingKm * k, 0) }),
  );
  const need = flow({
    id: 'need',
    organizationId: 'mill',
    direction: 'INPUT',
    category: 'MATERIAL',
    label: 'Cartons à recycler',
    needCode: 'recovered-cardboard',
    yearlyQuantity: needQuantity,
    visibility,
  });
  return [need, ...sources];
}

const seen = (flows: EngineFlow[]) =>
  detectSynergies(flows, FIXTURE_KB)
    .filter((s) => s.kind === 'SUBSTITUTION')
    .map((s) => ({ pair: s.flowIds.join('>'), score: s.score, parts: s.explanation.score }));
const covered = (flows: EngineFlow[]) =>
  detectSynergies(flows, FIXTURE_KB)
    .filter((s) => s.kind === 'SUBSTITUTION')
    .map((s) => s.explanation.coverage.input);

describe('a PRIVATE quantity in the choice of counterparts', () => {
  it('moves neither which synergies exist, nor their order, nor their score', () => {
    const at100 = seen(market(100, 'PRIVATE'));
    expect(at100.length).toBeGreaterThan(3);
    for (const q of [30, 400, 2_000, 10_000]) expect(seen(market(q, 'PRIVATE'))).toEqual(at100);
  });

  it('does not tell whether a PRIVATE need declared a quantity at all (its list runs as far either way)', () => {
    // Sources 3 km apart, so that their scores are not near-ties: without the quantity, a list cut at its k best
    // would stop short of the one that runs to the capacity with it, and its length alone would answer.
    const declared = seen(market(100, 'PRIVATE', 3));
    expect(declared.length).toBe(6);
    expect(seen(market(null, 'PRIVATE', 3))).toEqual(declared);
    // Where the need is not PRIVATE, the unknown quantity does cut its list (what the test above would catch).
    expect(seen(market(null, 'TERRITORY', 3)).length).toBeLessThan(6);
  });

  it('lets a PRIVATE need keep looking as far as any flow may (its list is never known covered)', () => {
    expect(seen(market(100, 'PRIVATE')).length).toBe(6);
  });

  it('still gives the real coverage to those who may read it', () => {
    expect(covered(market(100, 'PRIVATE'))).not.toEqual(covered(market(2_000, 'PRIVATE')));
  });

  it('where the need is not PRIVATE, its quantity does choose (what the test above would catch)', () => {
    expect(seen(market(100, 'TERRITORY'))).not.toEqual(seen(market(2_000, 'TERRITORY')));
  });
});
