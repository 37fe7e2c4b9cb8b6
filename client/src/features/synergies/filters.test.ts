import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, filterKey, toFilterInput } from './filters';

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
