import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, filterKey, toFilterInput } from './filters';

describe('toFilterInput', () => {
  it("leaves the API's defaults for open synergies of every kind", () => {
    expect(toFilterInput(DEFAULT_FILTER)).toEqual({});
  });

  it('narrows to one kind and one status', () => {
    expect(toFilterInput({ kind: 'MUTUALISATION', status: 'DECLINED', assignedToMe: false })).toEqual({ kinds: ['MUTUALISATION'], statuses: ['DECLINED'] });
  });

  it('asks for every status explicitly, since the API leaves declined and stale ones out by default', () => {
    expect(toFilterInput({ kind: 'ALL', status: 'ALL', assignedToMe: false })).toEqual({
      statuses: ['SUGGESTED', 'CONTACT_REQUESTED', 'ACCEPTED', 'DECLINED', 'STALE'],
    });
  });

  it('gives each choice its own key', () => {
    expect(filterKey({ kind: 'ALL', status: 'OPEN', assignedToMe: false })).not.toBe(filterKey({ kind: 'ALL', status: 'ALL', assignedToMe: false }));
    expect(filterKey(DEFAULT_FILTER)).not.toBe(filterKey({ ...DEFAULT_FILTER, assignedToMe: true }));
  });

  it('keeps the synergies assigned to the viewer when asked, and only then', () => {
    expect(toFilterInput({ ...DEFAULT_FILTER, assignedToMe: true })).toEqual({ assignedToMe: true });
    expect(toFilterInput(DEFAULT_FILTER)).not.toHaveProperty('assignedToMe');
  });
});
