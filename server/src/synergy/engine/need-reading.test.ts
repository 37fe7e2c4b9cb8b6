import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { compileKnowledgeBase } from './compiled-knowledge-base.js';
import { detectSynergies } from './detector.js';
import { at, flow } from './engine.fixture.js';
import { withoutPurpose } from './need-purpose.js';

/**
 * How a need in the receiver's own words is read (issue 10): what it IS, not what it is FOR; and, when no route's
 * words name it, the knowledge base's needs its words name.
 */
const KB = loadKnowledgeBase();
const inputs = compileKnowledgeBase(KB).sides.INPUT;

/** The families of the routes whose input side the label's words point to. */
function familiesOf(label: string): string[] {
  const count = inputs.candidates(null, null, inputs.labelOf(label).keywords);
  return [...new Set([...inputs.found.slice(0, count)].map((id) => inputs.sides[id].pathway.pathway.family))].sort();
}

describe('what a need is, told from what it is for', () => {
  it('drops the purpose clause up to the end of its clause, keeping a parenthesis that says what is bought', () => {
    expect(withoutPurpose('Eau pour le refroidissement').trim()).toBe('Eau');
    expect(withoutPurpose('Limestone for the raw meal').trim()).toBe('Limestone');
    expect(withoutPurpose('Fibre for pulping (wood chips today)')).toBe('Fibre (wood chips today)');
    expect(withoutPurpose('Sable destiné aux remblais, lavé')).toBe('Sable , lavé');
  });

  it('keeps a label that would be left empty, and does not cut inside a word', () => {
    expect(withoutPurpose('Pour info')).toBe('Pour info');
    expect(withoutPurpose('Matériel forain')).toBe('Matériel forain');
  });

  it('reads sand for concrete as sand, not as concrete mixing water; pallets for compost as pallets', () => {
    expect(familiesOf('Sable pour le béton')).toEqual(familiesOf('Sable'));
    expect(familiesOf('Sable pour le béton')).not.toContain('WATER');
    expect(familiesOf('Palettes pour expédier le compost')).toEqual(familiesOf('Palettes'));
  });

  it('still reads a purpose naming routes of the family the need is (heat for a heat network)', () => {
    expect(familiesOf('Chaleur pour le réseau de chauffage urbain')).toContain('HEAT');
    expect(inputs.labelOf('Chaleur pour le réseau de chauffage urbain').keywords.size).toBeGreaterThan(inputs.labelOf('Chaleur').keywords.size);
  });
});

describe('a need in free words, naming a need of the knowledge base', () => {
  it('finds the needs its words name, and tells a phrase from a single word', () => {
    expect(inputs.needsOf(inputs.labelOf('Wood fuel for the boiler house'), true)).toContain('wood-chips-fuel');
    expect(inputs.needsOf(inputs.labelOf('Bois'))).toContain('wood-pellets');
    expect(inputs.needsOf(inputs.labelOf('Bois'), true)).toEqual([]);
  });

  it('offers a fuel need declared as energy (MWh) the routes of solid fuels', () => {
    const need = flow({ id: 'need', organizationId: 'chp', direction: 'INPUT', category: 'ENERGY', label: 'Wood fuel for the boilers', unit: 'MEGAWATT_HOUR', ...at(0, 0) });
    const sawdust = flow({ id: 'sawdust', organizationId: 'sawmill', direction: 'OUTPUT', category: 'WASTE', label: 'Sciure et copeaux de bois', ewcCode: '03 01 05', unit: 'TONNE', ...at(3, 0) });
    expect(detectSynergies([need, sawdust], KB).some((s) => s.flowIds[0] === 'sawdust' && s.flowIds[1] === 'need')).toBe(true);
  });

  it('is offered the routes serving that need, at the looseness of words (KEYWORD)', () => {
    // "Bois broyé" names the need wood-chips-fuel and no route's own word ("fuel" is one since 1.16.0).
    const need = flow({ id: 'need', organizationId: 'heating-plant', direction: 'INPUT', category: 'MATERIAL', label: 'Bois broyé for the boiler house', unit: 'TONNE', ...at(0, 0) });
    const sawdust = flow({ id: 'sawdust', organizationId: 'sawmill', direction: 'OUTPUT', category: 'WASTE', label: 'Sciure et copeaux de bois', ewcCode: '03 01 05', unit: 'TONNE', ...at(3, 0) });
    const found = detectSynergies([need, sawdust], KB).filter((s) => s.kind === 'SUBSTITUTION');
    expect(found.length).toBeGreaterThan(0);
    const input = found[0].explanation.reasons.find((r) => (r.params as { side?: string }).side === 'input')!;
    expect(input.code).toBe('KEYWORD');
    expect((input.params as { detail: string }).detail).toBe('wood-chips-fuel');
  });
});
