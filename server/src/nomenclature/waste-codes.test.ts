import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findWasteCode, listWasteCodes, normalizeEwcCode, searchWasteCodes } from './waste-codes.js';

const codes = (search: string, first = 20) => searchWasteCodes(search, first).map((entry) => entry.code);

describe('the European List of Waste', () => {
  it('holds the 842 entries of the 2014 list, 408 of them hazardous', () => {
    const entries = listWasteCodes();
    expect(entries).toHaveLength(842);
    expect(entries.filter((entry) => entry.hazardous)).toHaveLength(408);
    expect(new Set(entries.map((entry) => entry.chapterCode)).size).toBe(20);
    expect(new Set(entries.map((entry) => entry.subchapterCode)).size).toBe(111);
  });

  it('includes the entries added in 2014', () => {
    expect(findWasteCode('01 03 10')?.hazardous).toBe(true);
    expect(findWasteCode('16 03 07')?.hazardous).toBe(true);
    expect(findWasteCode('19 03 08')?.hazardous).toBe(true);
  });

  it('gives an entry the labels of its chapter and subchapter', () => {
    expect(findWasteCode('10 02 01')).toMatchObject({
      code: '10 02 01',
      hazardous: false,
      labelFr: "déchets de laitiers de hauts fourneaux et d'aciéries",
      labelEn: 'wastes from the processing of slag',
      chapterCode: '10',
      subchapterCode: '10 02',
    });
    const entry = findWasteCode('10 02 01')!;
    expect(entry.chapterLabelFr).toMatch(/PROCÉDÉS THERMIQUES/);
    expect(entry.chapterLabelEn).toMatch(/THERMAL PROCESSES/);
    expect(entry.subchapterLabelFr).toBe("déchets provenant de l'industrie du fer et de l'acier");
    expect(entry.subchapterLabelEn).toMatch(/iron and steel/);
  });
});

describe('normalizeEwcCode', () => {
  it.each(['100201', '10 02 01', '10.02.01', '10-02-01', '10 02 01*', ' 10 02 01 * '])('reads %j as 10 02 01', (input) => {
    expect(normalizeEwcCode(input)).toBe('10 02 01');
  });

  it('reads a hazardous code written with its asterisk', () => {
    expect(normalizeEwcCode('16 01 04*')).toBe('16 01 04');
  });

  it.each(['10 02 03', '99 99 99', '10 02', '1002011', '10 02 0A', 'laitier', ''])('returns null for %j', (input) => {
    expect(normalizeEwcCode(input)).toBeNull();
    expect(findWasteCode(input)).toBeUndefined();
  });

  it('is idempotent and only ever returns codes of the list', () => {
    const known = new Set(listWasteCodes().map((entry) => entry.code));
    const codeLike = fc.oneof(
      fc.string(),
      fc.constantFrom(...known).map((code) => code.replace(/ /g, '')),
      fc
        .tuple(fc.nat(99), fc.nat(99), fc.nat(99), fc.constantFrom(' ', '.', '-', ''), fc.boolean())
        .map(([a, b, c, sep, star]) =>
          [a, b, c].map((n) => String(n).padStart(2, '0')).join(sep) + (star ? '*' : ''),
        ),
    );
    fc.assert(
      fc.property(codeLike, (input) => {
        const normalized = normalizeEwcCode(input);
        if (normalized === null) return;
        expect(known.has(normalized), normalized).toBe(true);
        expect(normalizeEwcCode(normalized)).toBe(normalized);
      }),
    );
  });
});

describe('searchWasteCodes', () => {
  it('finds concrete from "dechets de beton", without accents', () => {
    expect(codes('dechets de beton')).toContain('17 01 01');
    expect(codes('béton')[0]).toBe('17 01 01');
  });

  it('finds blast-furnace and steel-works slag from "laitier"', () => {
    expect(codes('laitier').slice(0, 2)).toEqual(['10 02 01', '10 02 02']);
  });

  it('finds mill scale in English and in French', () => {
    expect(codes('Mill scale')[0]).toBe('10 02 10');
    expect(codes('battitures')[0]).toBe('10 02 10');
  });

  it('finds wooden packaging from its label and from the word industrials use', () => {
    expect(codes('emballages en bois')[0]).toBe('15 01 03');
    expect(codes('palettes')).toContain('15 01 03');
  });

  it('lists a subchapter from a code prefix, whatever its spelling', () => {
    const subchapter = listWasteCodes()
      .filter((entry) => entry.subchapterCode === '10 02')
      .map((entry) => entry.code);
    expect(codes('10 02', 100)).toEqual(subchapter);
    expect(codes('1002', 100)).toEqual(subchapter);
    expect(codes('10.02', 100)).toEqual(subchapter);
  });

  it('puts the exact code first, whatever its spelling', () => {
    expect(codes('170101')).toEqual(['17 01 01']);
    expect(codes('16 01 04*')).toEqual(['16 01 04']);
  });

  it('does not match labels that quote a code when the query is a code', () => {
    expect(codes('10 02 07', 100)).toEqual(['10 02 07']);
  });

  it('returns nothing for words found nowhere', () => {
    expect(codes('zzzz')).toEqual([]);
  });

  it('lists entries in code order without a search', () => {
    expect(searchWasteCodes(undefined, 3).map((entry) => entry.code)).toEqual(['01 01 01', '01 01 02', '01 03 04']);
  });

  it('never returns more than asked', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('déchets', 'de', '1', '')), fc.integer({ min: 0, max: 50 }), (search, first) => {
        expect(searchWasteCodes(search, first).length).toBeLessThanOrEqual(first);
      }),
    );
  });
});
