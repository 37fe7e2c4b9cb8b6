import { describe, expect, it } from 'vitest';
import { chosenTerritory, workspaceTerritories } from './viewer-territories';

describe('workspaceTerritories', () => {
  it('lists facilitated territories first, then those of the organisations, once each', () => {
    const fensch = { id: 't1', name: 'Val de Fensch' };
    const north = { id: 't2', name: 'Lorraine Nord' };
    expect(
      workspaceTerritories({
        facilitatedTerritories: [north],
        memberships: [{ organization: { territory: fensch } }, { organization: { territory: north } }, { organization: { territory: fensch } }],
      }),
    ).toEqual([
      { id: 't2', name: 'Lorraine Nord', facilitated: true },
      { id: 't1', name: 'Val de Fensch', facilitated: false },
    ]);
  });
});

describe('chosenTerritory', () => {
  const fensch = { id: 't1', name: 'Val de Fensch', facilitated: true };
  const north = { id: 't2', name: 'Lorraine Nord', facilitated: false };

  it('is the one chosen, else the first, and none when the viewer has none', () => {
    expect(chosenTerritory([fensch, north], 't2')).toBe(north);
    expect(chosenTerritory([fensch, north], null)).toBe(fensch);
    expect(chosenTerritory([fensch, north], 'gone')).toBe(fensch);
    expect(chosenTerritory([], 't1')).toBeUndefined();
  });
});
