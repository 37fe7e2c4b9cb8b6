import { describe, expect, it } from 'vitest';
import { workspaceTerritories } from './viewer-territories';

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
