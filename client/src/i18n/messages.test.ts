import { describe, expect, it } from 'vitest';
import { LANGUAGES, MESSAGES, isMessageKey, translate } from './messages';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  const [reference, ...others] = LANGUAGES;
  const referenceKeys = Object.keys(MESSAGES[reference]).sort();

  it.each(others)('%s has exactly the keys of the reference language', (language) => {
    expect(Object.keys(MESSAGES[language]).sort()).toEqual(referenceKeys);
  });

  it.each(LANGUAGES)('%s has no empty message', (language) => {
    const empty = Object.entries(MESSAGES[language]).filter(([, message]) => message.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(others)('%s uses the same placeholders as the reference language', (language) => {
    for (const key of referenceKeys) {
      if (!isMessageKey(key)) throw new Error(`not a key: ${key}`);
      expect(placeholders(MESSAGES[language][key]), key).toEqual(placeholders(MESSAGES[reference][key]));
    }
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('fr', 'directory.caption', { count: 32 })).toBe('32 acteurs');
    expect(translate('en', 'directory.error', { message: 'timeout' })).toBe('The directory could not be loaded: timeout');
  });

  it('leaves a placeholder without a value visible rather than inventing one', () => {
    expect(translate('en', 'directory.caption', {})).toBe('{count} actors');
  });
});
