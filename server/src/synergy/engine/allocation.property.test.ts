import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateQuantities, type AllocationFlow, type AllocationSynergy } from './allocation.js';

/**
 * Whatever the suggestions, no declared quantity is handed out twice: for every flow, the quantities the synergies
 * keep add up to at most what it declared, and no synergy keeps more than its match.
 */

const STAGES = ['OPERATIONAL', 'IN_PROGRESS', 'SUGGESTED'] as const;

const territory = fc
  .record({
    quantities: fc.array(fc.option(fc.integer({ min: 1, max: 5_000 }), { nil: null }), { minLength: 2, maxLength: 8 }),
    synergies: fc.array(
      fc.record({
        pool: fc.boolean(),
        members: fc.uniqueArray(fc.nat({ max: 7 }), { minLength: 2, maxLength: 4 }),
        stage: fc.constantFrom(...STAGES),
        score: fc.double({ min: 0, max: 1, noNaN: true }),
        kg: fc.boolean(),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ quantities, synergies }) => {
    const flows: AllocationFlow[] = quantities.map((q, k) => ({ id: `f${k}`, organizationId: `o${k % 3}`, yearlyQuantity: q, unit: 'TONNE' }));
    const list: AllocationSynergy[] = synergies.flatMap((s, k) => {
      const members = s.members.filter((m) => m < flows.length).map((m) => flows[m]);
      if (members.length < 2) return [];
      const known = members.map((f) => f.yearlyQuantity ?? Infinity);
      const matched = s.pool ? members.reduce((n, f) => n + (f.yearlyQuantity ?? 0), 0) : Math.min(...known.slice(0, 2));
      const inPathwayUnit = s.kg ? matched * 1000 : matched;
      return [
        {
          key: `s${k}`,
          kind: s.pool ? 'MUTUALISATION' : 'SUBSTITUTION',
          stage: s.stage,
          score: s.score,
          unit: s.kg ? 'KILOGRAM' : 'TONNE',
          matchedQuantity: Number.isFinite(inPathwayUnit) && inPathwayUnit > 0 ? inPathwayUnit : null,
          flows: s.pool ? members : members.slice(0, 2),
          impacts: [],
        },
      ];
    });
    return { flows, list };
  });

describe('allocateQuantities (property)', () => {
  it('never hands out more of a flow than it declared', () => {
    fc.assert(
      fc.property(territory, ({ flows, list }) => {
        const kept = allocateQuantities(list);
        const used = new Map<string, number>();
        for (const s of list) {
          const k = kept.find((x) => x.key === s.key)!;
          expect(k.share).toBeGreaterThanOrEqual(0);
          expect(k.share).toBeLessThanOrEqual(1 + 1e-9);
          if (s.matchedQuantity === null) continue;
          const tonnes = s.unit === 'KILOGRAM' ? s.matchedQuantity / 1000 : s.matchedQuantity;
          const took = k.taken.reduce((n, t) => n + t.quantity, 0);
          // A substitution takes its kept match from each flow; a pool its kept share of the pooled quantity.
          if (s.kind === 'SUBSTITUTION') for (const t of k.taken) expect(t.quantity).toBeCloseTo(tonnes * k.share, 6);
          else expect(took).toBeCloseTo(tonnes * k.share, 6);
          for (const t of k.taken) used.set(t.flowId, (used.get(t.flowId) ?? 0) + t.quantity);
        }
        for (const f of flows) expect(used.get(f.id) ?? 0).toBeLessThanOrEqual((f.yearlyQuantity ?? Infinity) + 1e-6);
      }),
      { numRuns: 300 },
    );
  });
});
