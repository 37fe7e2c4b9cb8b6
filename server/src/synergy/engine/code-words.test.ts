import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { detectSynergies } from './detector.js';
import { at, flow } from './engine.fixture.js';
import { renderExplanation } from './explanation.js';

/**
 * Near-misses under one code (issue 10): one waste code often covers a material that suits a route and one that does
 * not; the words of the label tell them apart, in the score and not only in the checks.
 */
const KB = loadKnowledgeBase();
const need = flow({ id: 'need', organizationId: 'boiler-house', direction: 'INPUT', category: 'MATERIAL', label: 'Plaquettes pour la chaufferie', needCode: 'wood-chips-fuel', unit: 'TONNE', ...at(0, 0) });
const output = (id: string, label: string) =>
  flow({ id, organizationId: `org-${id}`, direction: 'OUTPUT', category: 'WASTE', label, ewcCode: '15 01 03', unit: 'TONNE', ...at(2, 0) });
const PATHWAY = 'wood-packaging-biomass-fuel';

function pairOf(id: string, label: string) {
  return detectSynergies([need, output(id, label)], KB, { counterpartRule: 'EITHER', maxCounterpartsPerFlow: 100 }).find(
    (s) => s.pathwayId === PATHWAY && s.flowIds[0] === id,
  )!;
}

describe('a coded output whose words do not confirm its code', () => {
  const named = pairOf('named', 'Palettes cassées');
  const unnamed = pairOf('unnamed', 'Emballages de réception divers');

  it('is still offered, with a lower compatibility and score than one whose label names the material', () => {
    expect(named).toBeDefined();
    expect(unnamed).toBeDefined();
    expect(unnamed.explanation.score.compatibility).toBeLessThan(named.explanation.score.compatibility);
    expect(unnamed.score).toBeLessThan(named.score);
  });

  it('says so in a check to make, in French and English', () => {
    expect(unnamed.explanation.conditionsToCheck.map((c) => c.code)).toContain('CODE_WORDS_UNCONFIRMED');
    expect(named.explanation.conditionsToCheck.map((c) => c.code)).not.toContain('CODE_WORDS_UNCONFIRMED');
    expect(renderExplanation(unnamed.explanation, KB, 'fr').join('\n')).toContain('ne nomme aucune des matières');
    expect(renderExplanation(unnamed.explanation, KB, 'en').join('\n')).toContain('names none of the materials');
  });
});
