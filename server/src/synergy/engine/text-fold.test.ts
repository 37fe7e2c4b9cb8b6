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

  it('reads "heating oil" as the fuel it is, not as heating (issue 10)', () => {
    expect(finds('Fuel for the cookers and dryers (heating oil today)', 'heating')).toBe(false);
    expect(finds('Fuel for the cookers and dryers (heating oil today)', 'fuel oil')).toBe(true);
    expect(finds('Heating oils for the boilers', 'heating oil')).toBe(true);
    expect(finds('Space heating for the offices (heating oil today)', 'heating')).toBe(true);
  });

  it('keeps a $ keyword whole: no stem turns "sulphuric" into "sulphur"', () => {
    expect(finds('Sulphuric acid', 'sulphur$')).toBe(false);
    expect(finds('Recovered sulphur', 'sulphur$')).toBe(true);
  });

  it('still matches a longer keyword at a word start, and not inside a word', () => {
    expect(finds('Cendres volantes', 'cendre')).toBe(true);
    expect(finds('Bois dormant', 'or')).toBe(false);
  });

  it('remembers what each list found in each label: the same label and list answer alike, other lists and labels their own', () => {
    const wood = ['palette', 'bois'].map(searchableKeyword);
    const paper = ['papier', 'carton'].map(searchableKeyword);
    const pallets = searchableLabel('Palettes bois');
    const boxes = searchableLabel('Cartons');
    // Asked twice each, in both orders: a remembered answer must be the one a fresh search gives.
    for (let round = 0; round < 2; round++) {
      expect(findKeyword(pallets, wood)).toBe(' palette');
      expect(findKeyword(pallets, paper)).toBeNull();
      expect(findKeyword(boxes, wood)).toBeNull();
      expect(findKeyword(boxes, paper)).toBe(' carton');
      // An equal label built anew (another string) is the same label.
      expect(findKeyword(searchableLabel('Palettes bois'), wood)).toBe(' palette');
    }
  });
});
