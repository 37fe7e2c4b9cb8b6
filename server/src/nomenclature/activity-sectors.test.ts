import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ActivitySectorLevel,
  codesLabelled,
  codesOfSector,
  listActivitySections,
  findActivitySector,
  listActivitySectors,
  normalizeNaceCode,
  searchActivitySectors,
} from './activity-sectors.js';

const codes = (search: string, first = 20) => searchActivitySectors(search, first).map((sector) => sector.code);

describe('activity sectors', () => {
  it('holds the 615 NACE classes and 732 NAF sub-classes', () => {
    const sectors = listActivitySectors();
    expect(sectors.filter((sector) => sector.level === ActivitySectorLevel.CLASS)).toHaveLength(615);
    expect(sectors.filter((sector) => sector.level === ActivitySectorLevel.NAF_SUBCLASS)).toHaveLength(732);
  });

  it('describes a NAF sub-class with the English label of its class and its section', () => {
    expect(findActivitySector('24.10Z')).toEqual({
      code: '24.10Z',
      level: ActivitySectorLevel.NAF_SUBCLASS,
      labelFr: 'Sidérurgie',
      labelEn: 'Manufacture of basic iron and steel and of ferro-alloys',
      sectionCode: 'C',
      sectionLabelFr: 'Industrie manufacturière',
      sectionLabelEn: 'Manufacturing',
      divisionCode: '24',
    });
  });

  it('describes a NACE class', () => {
    expect(findActivitySector('24.10')).toMatchObject({ code: '24.10', level: ActivitySectorLevel.CLASS, divisionCode: '24' });
  });
});

describe('normalizeNaceCode', () => {
  it.each(['24.10Z', '2410Z', '24.10z', '2410z', ' 24.10Z '])('reads %j as the NAF sub-class 24.10Z', (input) => {
    expect(normalizeNaceCode(input)).toBe('24.10Z');
    expect(findActivitySector(input)?.code).toBe('24.10Z');
  });

  it.each(['24.10', '2410'])('reads %j as the NACE class 24.10', (input) => {
    expect(normalizeNaceCode(input)).toBe('24.10');
  });

  it.each(['24.10A', '99.99', '24.1', '24', 'C', '24.10ZZ', 'sidérurgie', ''])('returns null for %j', (input) => {
    expect(normalizeNaceCode(input)).toBeNull();
    expect(findActivitySector(input)).toBeUndefined();
  });

  it('is idempotent and only ever returns known codes', () => {
    const known = new Set(listActivitySectors().map((sector) => sector.code));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...known).map((code) => code.replace('.', '').toLowerCase())), (input) => {
        const normalized = normalizeNaceCode(input);
        if (normalized === null) return;
        expect(known.has(normalized), normalized).toBe(true);
        expect(normalizeNaceCode(normalized)).toBe(normalized);
      }),
    );
  });
});

describe('searchActivitySectors', () => {
  it('finds a sector from French words without accents, the class before its sub-class', () => {
    expect(codes('siderurgie').slice(0, 2)).toEqual(['24.10', '24.10Z']);
  });

  it('finds a sector from English words', () => {
    expect(codes('basic iron steel')).toContain('24.10');
  });

  it('puts the exact code first and lists a division from its prefix', () => {
    expect(codes('2410z')).toEqual(['24.10Z']);
    expect(codes('24.10')).toEqual(['24.10', '24.10Z']);
    const division = codes('24', 100);
    expect(division.length).toBeGreaterThan(10);
    expect(division.every((code) => code.startsWith('24.'))).toBe(true);
  });

  it('never returns more than asked', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('fabrication', 'de', '2', '')), fc.integer({ min: 0, max: 50 }), (search, first) => {
        expect(searchActivitySectors(search, first).length).toBeLessThanOrEqual(first);
      }),
    );
  });
});

describe('the sectors a directory filter names', () => {
  it('reads a section, a division, a class with its sub-classes, or one sub-class', () => {
    const manufacturing = codesOfSector(' c ')!;
    expect(manufacturing).toContain('24.10Z');
    expect(manufacturing.every((code) => findActivitySector(code)!.sectionCode === 'C')).toBe(true);
    expect(codesOfSector('24')!.every((code) => code.startsWith('24.'))).toBe(true);
    expect(codesOfSector('24.10')).toEqual(['24.10', '24.10Z']);
    expect(codesOfSector('2410z')).toEqual(['24.10Z']);
  });

  it('names no sector for anything else', () => {
    for (const typed of ['Z', '', '04', '24.1', 'CC', "C' or 1=1", '24.10Q']) expect(codesOfSector(typed), typed).toBeNull();
  });

  it('finds codes by words of their French label or of their section, three letters at least', () => {
    expect(codesLabelled('SIDERURGIE')).toContain('24.10Z');
    expect(codesLabelled('hébergement')).toContain('55.10Z');
    expect(codesLabelled('ac')).toEqual([]);
  });

  it('lists the 21 sections with their labels', () => {
    const sections = listActivitySections();
    expect(sections.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(sections[2]).toEqual({ code: 'C', labelFr: 'Industrie manufacturière', labelEn: 'Manufacturing' });
  });
});
