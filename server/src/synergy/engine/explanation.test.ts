import { describe, expect, it } from 'vitest';
import { FIXTURE_KB, at, flow } from './engine.fixture.js';
import { detectSynergies } from './detector.js';
import { renderExplanation } from './explanation.js';

describe('renderExplanation', () => {
  const [slag] = detectSynergies(
    [
      flow({ id: 'slag', organizationId: 'steelworks', direction: 'OUTPUT', label: 'Laitier', ewcCode: '10 02 02', yearlyQuantity: 30_000, physicalForm: 'SOLID' }),
      flow({ id: 'concrete', organizationId: 'plant', direction: 'INPUT', category: 'MATERIAL', label: 'Granulats', needCode: 'slag-aggregate', yearlyQuantity: 12_000, physicalForm: 'SOLID', ...at(12, 0) }),
    ],
    FIXTURE_KB,
  );

  it('says in French why, how much, how far and what remains to check', () => {
    const lines = renderExplanation(slag.explanation, FIXTURE_KB, 'fr');
    expect(lines[0]).toBe('Filière : Laitier sidérurgique en granulats pour béton.');
    expect(lines).toContain('Le gisement porte exactement le code déchet 10 02 02 attendu par la filière.');
    expect(lines).toContain('Le besoin a été déclaré comme « Granulats de laitier », besoin couvert par la filière.');
    expect(lines.some((l) => /^Quantité échangeable : 12\u202f?\s?000 t par an, soit 40 % du gisement et 100 % du besoin\.$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('Distance : 12 km'))).toBe(true);
    expect(lines).toContain('À vérifier : Conformité à la norme NF EN 12620');
  });

  it('says the same in English', () => {
    const lines = renderExplanation(slag.explanation, FIXTURE_KB, 'en');
    expect(lines[0]).toBe('Pathway: Steel slag as concrete aggregate.');
    expect(lines).toContain('Quantity exchanged: 12,000 t a year, 40 % of the output and 100 % of the input.');
    expect(lines).toContain('To check: Compliance with EN 12620');
    expect(lines.some((l) => l.startsWith('Estimated road transport:'))).toBe(true);
  });

  it('never returns an empty sentence, even for a code it does not know', () => {
    const lines = renderExplanation(
      { ...slag.explanation, reasons: [{ code: 'SOMETHING_NEW', params: { a: 1 } }] },
      FIXTURE_KB,
      'en',
    );
    expect(lines).toContain('SOMETHING_NEW (a=1)');
    expect(lines.every((l) => l.length > 0)).toBe(true);
  });
});
