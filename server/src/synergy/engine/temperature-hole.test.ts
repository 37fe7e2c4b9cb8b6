import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { detectSynergies } from './detector.js';
import { at, flow } from './engine.fixture.js';

/**
 * No temperature hole (issue 10): a heat source a few degrees above a need is too cool for a direct exchanger (the
 * need plus its margin) and used to be refused by the heat pump too (which took only sources below the need). Every
 * source from well below to well above a need is now offered by one route or the other.
 */
const KB = loadKnowledgeBase();
const HEAT_PUMP = 'heat-low-temperature-heat-pump';

function routes(needC: number, sourceC: number): string[] {
  const need = flow({ id: 'need', organizationId: 'town', direction: 'INPUT', category: 'ENERGY', label: 'Chaleur pour le chauffage des bâtiments', needCode: needC <= 60 ? 'heat-below-60c' : 'heat-below-90c', temperatureC: needC, unit: 'MEGAWATT_HOUR', ...at(0, 0) });
  const source = flow({ id: 'src', organizationId: 'plant', direction: 'OUTPUT', category: 'ENERGY', label: 'Eau chaude de refroidissement', physicalForm: 'LIQUID', temperatureC: sourceC, unit: 'MEGAWATT_HOUR', ...at(1, 0) });
  return detectSynergies([need, source], KB, { counterpartRule: 'EITHER', maxCounterpartsPerFlow: 100 })
    .filter((s) => s.kind === 'SUBSTITUTION')
    .map((s) => s.pathwayId);
}

describe('heat sources around the temperature of a need', () => {
  for (const needC of [40, 55, 70, 85]) {
    it(`pairs a ${needC} °C need with every source from 20 °C below to 30 °C above it`, () => {
      for (let sourceC = Math.max(20, needC - 20); sourceC <= needC + 30; sourceC++) {
        const found = routes(needC, sourceC);
        expect(found.length, `${sourceC} °C source`).toBeGreaterThan(0);
        // A source hot enough for every exchanger route (10 °C, their largest margin) does not need a heat pump.
        if (sourceC >= needC + 10) expect(found, `${sourceC} °C source`).not.toContain(HEAT_PUMP);
      }
    });
  }

  it('lifts a source just above the need by a heat pump, and one 10 °C above goes through an exchanger', () => {
    expect(routes(70, 73)).toEqual([HEAT_PUMP]);
    expect(routes(70, 80)).not.toContain(HEAT_PUMP);
    expect(routes(70, 80).length).toBeGreaterThan(0);
  });
});
