import { describe, expect, it } from 'vitest';
import { findKeyword, searchableKeyword, searchableLabel } from './text-fold.js';

const finds = (label: string, keyword: string) => findKeyword(searchableLabel(label), [searchableKeyword(keyword)]) !== null;

describe('keyword search with Snowball stems', () => {
  it('finds a plural keyword in a singular label and the other way round, in French and English', () => {
    expect(finds('Palette en bois', 'palettes')).toBe(true);
    expect(finds('Palettes bois', 'palette')).toBe(true);
    expect(finds('Eaux chaudes de process', 'eau chaude')).toBe(true);
    expect(finds('Wood ash', 'ashes')).toBe(true);
    expect(finds('Spent solvents', 'solvent')).toBe(true);
  });

  it('reads accents and case alike', () => {
    expect(finds('FUMÉES de chaudière', 'fumee')).toBe(true);
  });

  it('does not let a short keyword hit the start of an unrelated word, and still finds it as a word', () => {
    expect(finds('Plastic scrap for pelletising', 'pe')).toBe(false);
    expect(finds('Bagasse', 'bag')).toBe(false);
    expect(finds('Big bag', 'bag')).toBe(true);
    expect(finds('Film PE', 'pe')).toBe(true);
  });

  it('keeps a $ keyword whole: no stem turns "sulphuric" into "sulphur"', () => {
    expect(finds('Sulphuric acid', 'sulphur$')).toBe(false);
    expect(finds('Recovered sulphur', 'sulphur$')).toBe(true);
  });

  it('still matches a longer keyword at a word start, and not inside a word', () => {
    expect(finds('Cendres volantes', 'cendre')).toBe(true);
    expect(finds('Bois dormant', 'or')).toBe(false);
  });
});
