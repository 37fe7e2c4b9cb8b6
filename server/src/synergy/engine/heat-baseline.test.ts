import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { compileKnowledgeBase } from './compiled-knowledge-base.js';
import { flow } from './engine.fixture.js';
import type { EngineFlow, ImpactFigure } from './engine.types.js';
import { substitutionImpacts } from './impacts.js';

/**
 * Issue 14, item 2 as far as flows declare it: a heat or water source already used today earns nothing, and a heat
 * baseline nobody declared shows in the range (gas boiler central, electric heating low).
 */

const kb = compileKnowledgeBase(loadKnowledgeBase());
const pathway = (id: string) => kb.kb.pathways.find((p) => p.id === id)!;
const get = (figures: ImpactFigure[], indicator: string) => figures.find((f) => f.indicator === indicator);

function heat(id: string, output: Partial<EngineFlow>, unit: EngineFlow['unit'] = 'MEGAWATT_HOUR', q = 1_000): ImpactFigure[] {
  const o = flow({ id: 'o', organizationId: 'plant', direction: 'OUTPUT', category: 'ENERGY', unit, yearlyQuantity: q, temperatureC: 95, ...output });
  const i = flow({ id: 'i', organizationId: 'network', direction: 'INPUT', category: 'ENERGY', unit, yearlyQuantity: q, temperatureC: 60 });
  return substitutionImpacts({ pathway: pathway(id), output: o, input: i, matchedQuantity: q, coverage: { output: 1, input: 1 }, transport: null }, kb);
}

describe('heat and water baselines', () => {
  it('credits nothing for heat the source already gives to someone else, and says why', () => {
    const f = heat('heat-hot-water-district-heating', { currentDestination: 'ENERGY_RECOVERY' });
    expect(get(f, 'MWH_RECOVERED')).toMatchObject({ low: 0, central: 0, high: 0 });
    expect(get(f, 'CO2E_AVOIDED_T')!.central).toBe(0);
    expect(get(f, 'CO2E_AVOIDED_T')!.formula).toContain('already used today');
  });

  it('credits nothing for water already reused today', () => {
    const f = heat('cooling-water-cascade', { category: 'WATER', currentDestination: 'REUSE' }, 'CUBIC_METRE', 50_000);
    expect(get(f, 'WATER_M3_SAVED')!.central).toBe(0);
  });

  it('keeps the gas boiler as the central heat baseline and electric heating as the low, saying so', () => {
    const f = get(heat('heat-hot-water-district-heating', { currentDestination: 'OTHER' }), 'CO2E_AVOIDED_T')!;
    // 1,000 MWh × 252 kg/MWh; low 700 MWh (take-up) × 40 kg/MWh (electricity, French mix, low).
    expect(f.central).toBeCloseTo(252, 1);
    expect(f.low).toBeCloseTo(28, 1);
    expect(f.formula).toContain('heat supply today is not declared');
    expect(f.factors.map((u) => u.id)).toContain('ef-electricity-fr');
  });
});
