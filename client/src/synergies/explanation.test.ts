import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../i18n/messages';
import { describeItem, splitSentences } from './explanation';

const t = (key: MessageKey, params?: MessageParams) => translate('en', key, params);

describe('splitSentences', () => {
  const sentences = [
    'Pathway: Empty truck returns for backhaul freight.',
    'Distance: 7.1 km, within the sensible reach of 30 km.',
    'Condition met: Non-hazardous stream.',
    'Condition met: The output is available throughout the period of the need.',
    'To check: Route and vehicle compatibility',
  ];

  it('groups the conditions met and to check, without their prefixes', () => {
    expect(splitSentences(sentences, 2, 1)).toEqual({
      summary: sentences.slice(0, 2),
      conditionsMet: ['Non-hazardous stream.', 'The output is available throughout the period of the need.'],
      conditionsToCheck: ['Route and vehicle compatibility'],
    });
  });

  it('reads the French prefixes too', () => {
    const french = ['Filière : Laitier.', 'Condition remplie : Flux non dangereux.', 'À vérifier : Traitement nécessaire : Broyage'];
    expect(splitSentences(french, 1, 1)).toEqual({
      summary: ['Filière : Laitier.'],
      conditionsMet: ['Flux non dangereux.'],
      conditionsToCheck: ['Traitement nécessaire : Broyage'],
    });
  });

  it('gives up on sentences of another shape rather than mislabel them', () => {
    expect(splitSentences(sentences, 3, 1)).toBeNull();
    expect(splitSentences(sentences.slice(0, 2), 2, 1)).toBeNull();
    expect(splitSentences([], 0, 0)).toBeNull();
  });
});

describe('describeItem', () => {
  it('describes a known code and names an unknown one', () => {
    expect(describeItem('NOT_HAZARDOUS', t)).toBe('Non-hazardous stream.');
    expect(describeItem('SOMETHING_NEW', t)).toBe('Criterion "SOMETHING_NEW".');
  });
});
