import { describe, expect, it } from 'vitest';
import { translate, type Language, type MessageKey, type MessageParams } from '../i18n/messages';
import { formatAmount, formatDateTime, formatQuantity } from './format';

const tr = (language: Language) => (key: MessageKey, params?: MessageParams) => translate(language, key, params);
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatAmount', () => {
  it.each([
    [7.28, 'fr', '7,28'],
    [7.28, 'en', '7.28'],
    [2.184, 'fr', '2,18'],
    [16.64, 'en', '16.6'],
    [0.01234, 'en', '0.0123'],
    [50425.212, 'fr', '50 425'],
    [50425.212, 'en', '50,425'],
    [150.6, 'en', '151'],
    [0, 'fr', '0'],
    [-3.456, 'en', '-3.46'],
  ] as const)('%d in %s is %s', (value, language, expected) => {
    expect(nbsp(formatAmount(value, language))).toBe(expected);
  });
});

describe('formatQuantity', () => {
  it('writes CO2 with a subscript and translates FTE', () => {
    expect(nbsp(formatQuantity(7.28, 't CO2e', 'fr', tr('fr')))).toBe('7,28 t CO₂e');
    expect(nbsp(formatQuantity(1.5, 'FTE', 'fr', tr('fr')))).toBe('1,5 ETP');
    expect(nbsp(formatQuantity(1.5, 'FTE', 'en', tr('en')))).toBe('1.5 FTE');
  });

  it('writes euros as a currency, without cents', () => {
    expect(nbsp(formatQuantity(14000, 'EUR', 'fr', tr('fr')))).toBe('14 000 €');
    expect(nbsp(formatQuantity(14000.4, 'EUR', 'en', tr('en')))).toBe('€14,000');
  });
});

describe('formatDateTime', () => {
  it('shows an API date to the minute in the reader’s language', () => {
    expect(formatDateTime('2026-12-04T10:05:00.000Z', 'fr', 'UTC')).toBe('4 déc. 2026, 10:05');
    expect(formatDateTime('2026-12-04T10:05:00.000Z', 'en', 'UTC')).toBe('4 Dec 2026, 10:05');
  });

  it('shows a date it cannot read as it came, rather than "Invalid Date"', () => {
    expect(formatDateTime('yesterday', 'fr')).toBe('yesterday');
  });
});
