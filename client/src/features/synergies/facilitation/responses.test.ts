import { describe, expect, it } from 'vitest';
import { canPutInTouch } from './responses';

describe('putting the parties in touch', () => {
  it('is offered while the synergy is open and a side has not answered', () => {
    expect(canPutInTouch({ status: 'SUGGESTED', responses: [{ state: 'NOT_ASKED' }, { state: 'NOT_ASKED' }] })).toBe(true);
    expect(canPutInTouch({ status: 'CONTACT_REQUESTED', responses: [{ state: 'ACCEPTED' }, { state: 'NO_ANSWER' }] })).toBe(true);
  });

  it('is not offered once every side answered, nor on a declined, accepted or stale synergy', () => {
    expect(canPutInTouch({ status: 'CONTACT_REQUESTED', responses: [{ state: 'ACCEPTED' }, { state: 'ACCEPTED' }] })).toBe(false);
    for (const status of ['ACCEPTED', 'DECLINED', 'STALE'] as const) {
      expect(canPutInTouch({ status, responses: [{ state: 'NOT_ASKED' }, { state: 'NO_ANSWER' }] })).toBe(false);
    }
    expect(canPutInTouch({ status: 'SUGGESTED', responses: null })).toBe(false);
  });
});
