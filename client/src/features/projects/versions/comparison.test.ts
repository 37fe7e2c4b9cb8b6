import { describe, expect, it } from 'vitest';
import { translate } from '../../../i18n/messages';
import { comparisonLines, versionNameProblem, type Comparison } from './comparison';

const none = { added: [], removed: [], changed: [] };
const fr = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('fr', key, params);

describe('the changes between two versions, in French', () => {
  it('lists actions, budget lines and indicators added, removed and changed, then the texts', () => {
    const c: Comparison = {
      summaryChanged: true,
      notesChanged: false,
      actions: {
        added: [{ title: 'Achat du broyeur' }],
        removed: [{ title: 'Visite du site' }],
        changed: [{ before: { title: 'Étude' }, after: { title: 'Étude' }, fields: ['status', 'dueDate'] }],
      },
      budget: { ...none, added: [{ label: 'Broyeur', amountEur: 48000 }] },
      indicators: { ...none, changed: [{ before: { indicator: 'tonnes détournées', unit: 't/an', expected: 100 }, after: { indicator: 'tonnes détournées', unit: 't/an', expected: 120 }, fields: ['expected'] }] },
    };
    const lines = comparisonLines(c, fr, 'fr');
    expect(lines[0]).toBe('Action ajoutée : « Achat du broyeur »');
    expect(lines[1]).toBe('Action supprimée : « Visite du site »');
    expect(lines[2]).toBe('Action modifiée : « Étude » (statut, échéance)');
    expect(lines[3]).toMatch(/^Ligne de budget ajoutée : « Broyeur » \(48\s000\s€\)$/);
    expect(lines[4]).toBe('Indicateur modifié : tonnes détournées, de 100 à 120 t/an');
    expect(lines[5]).toBe('Résumé modifié');
    expect(lines).toHaveLength(6);
  });

  it('says when only an indicator\'s link to the synergy\'s estimate changed', () => {
    const same = { indicator: 'tCO2e évitées', unit: 't/an', expected: 95 };
    const c: Comparison = { summaryChanged: false, notesChanged: false, actions: none, budget: none, indicators: { ...none, changed: [{ before: same, after: same, fields: ['figure'] }] } };
    expect(comparisonLines(c, fr, 'fr')).toEqual(['Indicateur tCO2e évitées : lien avec l’estimation de la synergie modifié']);
  });

  it('says nothing when nothing differs', () => {
    expect(comparisonLines({ summaryChanged: false, notesChanged: false, actions: none, budget: none, indicators: none }, fr, 'fr')).toEqual([]);
  });

  it('checks a name as the server does', () => {
    expect(['', '  ', 'x'.repeat(201), 'a\u0007', 'deux\nlignes'].map(versionNameProblem)).toEqual([
      'versions.name.required',
      'versions.name.required',
      'versions.name.tooLong',
      'versions.name.control',
      'versions.name.control',
    ]);
    expect(versionNameProblem('après le comité de pilotage du 12 mars')).toBeNull();
  });
});
