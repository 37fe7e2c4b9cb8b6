import { describe, expect, it } from 'vitest';
import { findNeedByCode, findNeeds } from './need-search.js';

describe('findNeeds', () => {
  const codes = (search: string, first = 5) => findNeeds(search, first).map((need) => need.code);

  it('reads a number as a temperature', () => {
    expect(codes('chaleur 80')[0]).toBe('heat-below-90c');
    expect(codes('chaleur 45')[0]).toBe('heat-below-60c');
    expect(codes('Chaleur à 120 °C')[0]).toBe('heat-90-150c');
  });

  it('finds needs from everyday words, whatever the accents and case', () => {
    expect(codes('palettes')[0]).toBe('wood-pallets');
    expect(codes('gypse')[0]).toBe('gypsum');
    expect(codes('GYPSE')[0]).toBe('gypsum');
    expect(codes('plâtre')).toContain('gypsum');
    expect(codes('platre')).toContain('gypsum');
    expect(codes('gardiennage')[0]).toBe('security-guarding');
    expect(codes('vapeur')[0]).toBe('steam');
    expect(codes('eau de refroidissement')[0]).toBe('cooling-water');
    expect(codes('forklift maintenance')[0]).toBe('forklift-maintenance');
  });

  it('respects the limit and returns nothing for unknown words', () => {
    expect(findNeeds('chaleur', 2)).toHaveLength(2);
    expect(findNeeds('zzzz', 5)).toEqual([]);
    expect(findNeedByCode('gypsum')?.labelFr).toBe('Gypse');
  });
});
