import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { compileKnowledgeBase } from './compiled-knowledge-base.js';
import { flow } from './engine.fixture.js';
import type { EngineFlow } from './engine.types.js';
import { substitutionImpacts } from './impacts.js';

/** The avoided-disposal factor follows the output's declared destination, not the pathway's assumed one (issue 14). */

const kb = compileKnowledgeBase(loadKnowledgeBase());
const pathway = kb.kb.pathways.find((p) => p.id === 'sludge-co-composting')!;

function co2(destination: EngineFlow['currentDestination']) {
  const output = flow({ id: 'o', organizationId: 'dairy', direction: 'OUTPUT', yearlyQuantity: 100, currentDestination: destination });
  const input = flow({ id: 'i', organizationId: 'composter', direction: 'INPUT', yearlyQuantity: 100 });
  const figures = substitutionImpacts({ pathway, output, input, matchedQuantity: 100, coverage: { output: 1, input: 1 }, transport: null }, kb);
  return figures.find((f) => f.indicator === 'CO2E_AVOIDED_T')!;
}

describe('avoided disposal by declared destination', () => {
  it('credits landfill methane for sludge declared landfilled, and incineration for sludge declared incinerated', () => {
    expect(pathway.impact.avoidedDisposalFactorId).toBe('ef-incineration-biomass');
    const landfilled = co2('LANDFILL');
    const incinerated = co2('INCINERATION');
    expect(landfilled.factors.map((f) => f.id)).toContain('ef-landfill-biodegradable');
    expect(incinerated.factors.map((f) => f.id)).toContain('ef-incineration-biomass');
    // 100 t × 85 % expected take-up × (692 − 45) kg/t more avoided when the sludge was landfilled (Base Carbone V23.6,
    // « Déchets putrescibles » n° 34648 « Stockage - Impacts » and n° 34646 « Incinération - Impacts »).
    expect(landfilled.central - incinerated.central).toBeCloseTo(55.0, 1);
  });

  it('keeps the pathway factor when the destination is not declared', () => {
    expect(co2(null).factors.map((f) => f.id)).toContain('ef-incineration-biomass');
  });
});
