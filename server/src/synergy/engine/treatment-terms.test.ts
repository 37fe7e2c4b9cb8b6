import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Pathway } from '../knowledge/knowledge-base.types.js';
import { recyclingYield } from './net-economics.js';
import { PROCESS_TERMS } from './process-terms.js';
import { POOL_OUTLETS } from './treatment-terms.js';

/**
 * The table that gives a pool its treatment's rules (treatment-terms.ts), on the real knowledge base: each outlet is a
 * substitution of the pool's stream, and no pool that the rules concern is left out of it (the 1.16.5 review found
 * five pools counting neither the process terms nor the yield their pairs count).
 */
const kb = loadKnowledgeBase();
const byId = new Map(kb.pathways.map((p) => [p.id, p]));
const processFactors = (p: Pathway) => (PROCESS_TERMS[p.id] ?? []).map((t) => t.factorId).join(',');
const hasRules = (p: Pathway) => processFactors(p) !== '' || recyclingYield(p, p.impact.avoidedProductionFactorId) !== null;

describe('POOL_OUTLETS', () => {
  for (const [poolId, outletIds] of Object.entries(POOL_OUTLETS)) {
    it(`${poolId}: its outlets are substitutions of the same stream, with the same process terms`, () => {
      const pool = byId.get(poolId);
      expect(pool?.kind).toBe('MUTUALISATION');
      expect(pool!.stream?.direction).toBe('OUTPUT');
      const outlets = outletIds.map((id) => byId.get(id)!);
      for (const o of outlets) {
        expect(o?.kind, o?.id).toBe('SUBSTITUTION');
        expect(o.unit).toBe(pool!.unit);
        expect(o.family).toBe(pool!.family);
        // The yield is keyed by the avoided-production factor: the pool credits the outlet's, or none.
        if (pool!.impact.avoidedProductionFactorId) expect(o.impact.avoidedProductionFactorId).toBe(pool!.impact.avoidedProductionFactorId);
        expect(o.impact.productionFactorsByOutput).toBeUndefined();
        // A pool does not say how its stream splits between outlets: they must deduct the same process terms.
        expect(processFactors(o), o.id).toBe(processFactors(outlets[0]));
      }
    });
  }

  it('names the outlets of every pool whose stream a substitution with process terms or a recycling yield takes', () => {
    const missing: string[] = [];
    for (const pool of kb.pathways) {
      if (pool.kind !== 'MUTUALISATION' || pool.stream?.direction !== 'OUTPUT' || pool.impact.treatmentUnchanged) continue;
      const production = pool.impact.avoidedProductionFactorId;
      const disposal = pool.impact.avoidedDisposalFactorId;
      const sameStream = kb.pathways.filter(
        (s) =>
          s.kind === 'SUBSTITUTION' &&
          s.family === pool.family &&
          (production ? s.impact.avoidedProductionFactorId === production : disposal !== undefined && s.impact.avoidedDisposalFactorId === disposal),
      );
      if (sameStream.some(hasRules) && !POOL_OUTLETS[pool.id]) missing.push(pool.id);
    }
    expect(missing).toEqual([]);
  });
});
