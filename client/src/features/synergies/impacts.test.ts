import { describe, expect, it } from 'vitest';
import { translate, type Language, type MessageKey, type MessageParams } from '../../i18n/messages';
import {
  citedSources,
  factorLabel,
  formatImpact,
  headlineImpacts,
  indicatorLabel,
  scoreOutOf100,
  sortImpacts,
  sumByIndicator,
} from './impacts';

const tr = (language: Language) => (key: MessageKey, params?: MessageParams) => translate(language, key, params);
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const figure = (indicator: string, low: number, central: number, high: number, unit: string) => ({ indicator, low, central, high, unit });

describe('formatImpact', () => {
  it('gives the central estimate and the low-to-high range', () => {
    const result = formatImpact(figure('CO2E_AVOIDED_T', 2.184, 7.28, 16.64, 't CO2e'), 'fr', tr('fr'));
    expect(nbsp(result.central)).toBe('7,28 t CO₂e');
    expect(result.range && nbsp(result.range)).toBe('2,18 à 16,6 t CO₂e');
  });

  it('writes a range of euros with the currency on each bound', () => {
    const result = formatImpact(figure('EUROS_SAVED', 9800, 14000, 14000, 'EUR'), 'en', tr('en'));
    expect(result.range).toBe('€9,800 to €14,000');
  });

  it('has no range when the estimate is certain once rounded', () => {
    expect(formatImpact(figure('JOBS', 2.0001, 2, 2.0002, 'FTE'), 'en', tr('en')).range).toBeNull();
  });
});

describe('headlineImpacts', () => {
  const impacts = [
    figure('JOBS', 1, 2, 3, 'FTE'),
    figure('TONNES_DIVERTED', 0, 0, 0, 't'),
    figure('SOMETHING_NEW', 1, 1, 1, 'x'),
    figure('EUROS_SAVED', 1, 2, 3, 'EUR'),
    figure('CO2E_AVOIDED_T', 1, 2, 3, 't CO2e'),
  ];

  it('keeps non-zero estimates, most telling first, up to the limit', () => {
    expect(headlineImpacts(impacts).map((i) => i.indicator)).toEqual(['CO2E_AVOIDED_T', 'EUROS_SAVED', 'JOBS']);
    expect(headlineImpacts(impacts, 1).map((i) => i.indicator)).toEqual(['CO2E_AVOIDED_T']);
  });

  it('sorts every impact for a table, zeros and unknown indicators last', () => {
    expect(sortImpacts(impacts).map((i) => i.indicator)).toEqual([
      'CO2E_AVOIDED_T',
      'EUROS_SAVED',
      'JOBS',
      'SOMETHING_NEW',
      'TONNES_DIVERTED',
    ]);
  });
});

describe('sumByIndicator', () => {
  it('adds up figures of the same indicator and unit, keeping the first order', () => {
    const summed = sumByIndicator([
      figure('EUROS_SAVED', 2800, 4000, 4000, 'EUR'),
      figure('CO2E_AVOIDED_T', 7, 21.6, 30, 't CO2e'),
      figure('EUROS_SAVED', 12000, 17100, 17100, 'EUR'),
    ]);
    expect(summed).toEqual([figure('EUROS_SAVED', 14800, 21100, 21100, 'EUR'), figure('CO2E_AVOIDED_T', 7, 21.6, 30, 't CO2e')]);
  });
});

describe('labels and scores', () => {
  it('names known indicators and shows unknown ones by their code', () => {
    expect(indicatorLabel('CO2E_AVOIDED_T', tr('en'))).toBe('Emissions avoided');
    expect(indicatorLabel('SOMETHING_NEW', tr('en'))).toBe('SOMETHING_NEW');
  });

  it('puts a score on a hundred, clamped', () => {
    expect(scoreOutOf100(0.7968)).toBe(80);
    expect(scoreOutOf100(1.2)).toBe(100);
    expect(scoreOutOf100(-0.1)).toBe(0);
  });
});

describe('factorLabel', () => {
  const factor = { id: 'ademe-steel-primary', labelFr: 'Acier primaire (haut fourneau)', labelEn: 'Primary steel (blast furnace)' };
  it('names a factor in the language of the page', () => {
    expect(factorLabel(factor, 'fr')).toBe('Acier primaire (haut fourneau)');
    expect(factorLabel(factor, 'en')).toBe('Primary steel (blast furnace)');
  });

  it('falls back on the id when the API gives no label', () => {
    expect(factorLabel({ id: 'declared-cost', labelFr: null, labelEn: null }, 'fr')).toBe('declared-cost');
    expect(factorLabel({ ...factor, labelEn: null }, 'en')).toBe('ademe-steel-primary');
  });
});

describe('citedSources', () => {
  const ademe = { id: 'ademe-base-empreinte', citation: 'ADEME, Base Empreinte, 2024', url: 'https://base-empreinte.ademe.fr' };
  const cerema = { id: 'cerema-laitiers', citation: 'Cerema, Laitiers sidérurgiques, 2019', url: null };

  it('lists the pathway’s sources, then those only the factors cite, each once', () => {
    const factors = [
      { sourceId: ademe.id, source: ademe },
      { sourceId: cerema.id, source: cerema },
      { sourceId: ademe.id, source: ademe },
      { sourceId: null, source: null },
    ];
    expect(citedSources([cerema], factors)).toEqual([cerema, ademe]);
  });

  it('cites by its id a source the API does not resolve', () => {
    expect(citedSources([], [{ sourceId: 'old-source', source: null }])).toEqual([{ id: 'old-source', citation: null, url: null }]);
  });
});
