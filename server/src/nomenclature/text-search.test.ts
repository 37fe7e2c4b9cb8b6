import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearchKey, normalizeText, rankBySearch, searchWords, type Searchable } from './text-search.js';

describe('normalizeText', () => {
  it('drops accents and case', () => {
    expect(normalizeText('Déchets de BÉTON')).toBe('dechets de beton');
    expect(normalizeText('Façade à l’Île')).toBe('facade a l ile');
  });

  it('turns apostrophes and hyphens into spaces and collapses whitespace', () => {
    expect(normalizeText("  l'extraction   des\tminéraux non-métallifères ")).toBe(
      'l extraction des mineraux non metalliferes',
    );
    expect(normalizeText('PCB‐containing – d’aciéries')).toBe('pcb containing d acieries');
  });

  it('spells out ligatures that have no decomposition', () => {
    expect(normalizeText('Œufs et cœurs')).toBe('oeufs et coeurs');
  });

  it('never throws and is idempotent on arbitrary strings', () => {
    // Code units include lone surrogates; graphemes bring combining sequences and emoji.
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
    const anyText = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: codeUnit }));
    fc.assert(
      fc.property(anyText, (input) => {
        const once = normalizeText(input);
        expect(normalizeText(once)).toBe(once);
      }),
    );
  });
});

describe('searchWords', () => {
  it('splits on punctuation', () => {
    expect(searchWords('béton, briques, tuiles et céramiques')).toEqual(['beton', 'briques', 'tuiles', 'et', 'ceramiques']);
  });
});

describe('rankBySearch', () => {
  const items: Array<Searchable<string>> = [
    ['01 01', 'ciment', 'matériaux'],
    ['01 02', 'béton armé', 'matériaux'],
    ['02 01', 'déchets de béton', 'démolition'],
    ['10 01', 'béton', 'matériaux'],
  ].map(([code, label, heading]) => ({ item: code, key: buildSearchKey(code, [label], [heading]) }));

  it('ranks an exact code before code prefixes', () => {
    expect(rankBySearch(items, '0101', 10)).toEqual(['01 01']);
    expect(rankBySearch(items, '01', 10)).toEqual(['01 01', '01 02']);
  });

  it('ranks a label equal to the query first, then other label matches in code order', () => {
    expect(rankBySearch(items, 'BETON', 10)).toEqual(['10 01', '01 02', '02 01']);
  });

  it('finds items through their headings, after items matching on their own words', () => {
    expect(rankBySearch(items, 'materiaux', 10)).toEqual(['01 01', '01 02', '10 01']);
    expect(rankBySearch(items, 'beton demol', 10)).toEqual(['02 01']);
  });

  it('requires every meaningful query word, as a word prefix', () => {
    expect(rankBySearch(items, 'bet arm', 10)).toEqual(['01 02']);
    expect(rankBySearch(items, 'eton', 10)).toEqual([]);
  });

  it('ignores stop words unless the query has nothing else', () => {
    expect(rankBySearch(items, 'déchets de béton', 10)).toEqual(['02 01']);
    expect(rankBySearch(items, 'de', 10)).toEqual(['02 01']);
  });

  it('lists items in code order without a search', () => {
    expect(rankBySearch(items, undefined, 2)).toEqual(['01 01', '01 02']);
    expect(rankBySearch(items, '   ', 10)).toHaveLength(4);
  });
});
