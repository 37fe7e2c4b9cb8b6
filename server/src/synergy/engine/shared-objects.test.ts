import { describe, expect, it } from 'vitest';
import { FIXTURE_KB, at, flow } from './engine.fixture.js';
import type { DetectedSynergy, EngineFlow } from './engine.types.js';
import { detectSynergies } from './detector.js';

/**
 * Synergies share what they say alike (items, factors, lists of them) so that a large territory's results stay
 * light: a caller reading one synergy must not be able to change another through what they share.
 */

/** Objects reachable from two synergies or more, and those of them that can be changed (not frozen). */
function shared(synergies: DetectedSynergy[]): { count: number; mutable: string[] } {
  const owner = new Map<object, number>();
  const counted = new Set<object>();
  const mutable: string[] = [];
  synergies.forEach((s, k) => {
    const seen = new Set<object>();
    const walk = (o: unknown, path: string): void => {
      if (o === null || typeof o !== 'object' || seen.has(o)) return;
      seen.add(o);
      const first = owner.get(o);
      if (first !== undefined && first !== k && !counted.has(o)) {
        counted.add(o);
        if (!Object.isFrozen(o)) mutable.push(path);
      }
      owner.set(o, k);
      for (const [key, value] of Object.entries(o)) walk(value, `${path}.${key}`);
    };
    walk(s, s.key);
  });
  return { count: counted.size, mutable };
}

const pool = (name: string, eastKm: number): EngineFlow[] => [
  flow({ id: `${name}-a`, organizationId: `${name}-retailer-a`, direction: 'OUTPUT', label: 'Cartons', ewcCode: '15 01 01', yearlyQuantity: 30, currentDestination: 'LANDFILL', ...at(eastKm, 0) }),
  flow({ id: `${name}-b`, organizationId: `${name}-retailer-b`, direction: 'OUTPUT', label: 'Cartons', ewcCode: '15 01 01', yearlyQuantity: 20, currentDestination: 'LANDFILL', ...at(eastKm + 2, 1) }),
];

describe('objects shared by synergies', () => {
  it('are frozen: two pools and their substitutions share factors and items, none of them changeable', () => {
    const mill = flow({ id: 'mill', organizationId: 'paper-mill', direction: 'INPUT', category: 'MATERIAL', label: 'Cartons à recycler', needCode: 'recovered-cardboard', yearlyQuantity: 50_000, ...at(40, 0) });
    const found = detectSynergies([...pool('west', 0), ...pool('east', 80), mill], FIXTURE_KB);
    expect(found.filter((s) => s.kind === 'MUTUALISATION')).toHaveLength(2);
    expect(found.filter((s) => s.kind === 'SUBSTITUTION').length).toBeGreaterThan(1);
    const { count, mutable } = shared(found);
    expect(count).toBeGreaterThan(0);
    expect(mutable).toEqual([]);
  });
});
