import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { detectSynergies } from './detector.js';
import { at, flow } from './engine.fixture.js';

/**
 * Heat routes read temperatures: a source declared without one (water whose words meet a heat route) scores below
 * the same source qualified by a temperature, on direct and heat-pump routes alike (issue 10).
 */
const KB = loadKnowledgeBase();
const need = flow({ id: 'need', organizationId: 'town', direction: 'INPUT', category: 'ENERGY', label: 'Chaleur pour le réseau de chauffage urbain', temperatureC: 80, unit: 'MEGAWATT_HOUR', ...at(0, 0) });
const source = (temperatureC: number | null) =>
  flow({ id: `src-${temperatureC}`, organizationId: `plant-${temperatureC}`, direction: 'OUTPUT', category: 'ENERGY', label: 'Eau chaude de refroidissement des fours', physicalForm: 'LIQUID', unit: 'MEGAWATT_HOUR', temperatureC, ...at(1, 0) });
const scoreOf = (flows: ReturnType<typeof flow>[], id: string) =>
  detectSynergies(flows, KB, { counterpartRule: 'EITHER', maxCounterpartsPerFlow: 100 })
    .filter((s) => s.kind === 'SUBSTITUTION' && s.flowIds[0] === id && s.flowIds[1] === 'need')
    .reduce((best, s) => Math.max(best, s.score), 0);

describe('an unknown temperature on a heat route', () => {
  it('lowers the score below that of a qualified hot source at the same place', () => {
    const unknown = scoreOf([need, source(null)], 'src-null');
    const qualified = scoreOf([need, source(95)], 'src-95');
    expect(unknown).toBeGreaterThan(0);
    expect(qualified).toBeGreaterThan(unknown);
  });

  it('counts as less sure a match on words alone: the same route shows a lower compatibility', () => {
    const options = { counterpartRule: 'EITHER', maxCounterpartsPerFlow: 100 } as const;
    const unknown = detectSynergies([need, source(null)], KB, options).filter((s) => s.kind === 'SUBSTITUTION');
    const qualified = detectSynergies([need, source(95)], KB, options).filter((s) => s.kind === 'SUBSTITUTION');
    const common = unknown.filter((u) => qualified.some((q) => q.pathwayId === u.pathwayId));
    expect(common.length).toBeGreaterThan(0);
    for (const u of common) {
      const q = qualified.find((x) => x.pathwayId === u.pathwayId)!;
      expect(u.explanation.score.compatibility, u.pathwayId).toBeLessThan(q.explanation.score.compatibility);
    }
  });
});
