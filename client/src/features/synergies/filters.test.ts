import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, filterKey, toFilterInput } from './filters';
import { workspaceTerritories } from './territories';

describe('toFilterInput', () => {
  it("leaves the API's defaults for open synergies of every kind", () => {
    expect(toFilterInput(DEFAULT_FILTER)).toEqual({});
  });

  it('narrows to one kind and one status', () => {
    expect(toFilterInput({ kind: 'MUTUALISATION', status: 'DECLINED' })).toEqual({ kinds: ['MUTUALISATION'], statuses: ['DECLINED'] });
  });

  it('asks for every status explicitly, since the API leaves declined and stale ones out by default', () => {
    expect(toFilterInput({ kind: 'ALL', status: 'ALL' })).toEqual({
      statuses: ['SUGGESTED', 'CONTACT_REQUESTED', 'ACCEPTED', 'DECLINED', 'STALE'],
    });
  });

  it('gives each choice its own key', () => {
    expect(filterKey({ kind: 'ALL', status: 'OPEN' })).not.toBe(filterKey({ kind: 'ALL', status: 'ALL' }));
  });
});

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
