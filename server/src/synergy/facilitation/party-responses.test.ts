import { describe, expect, it } from 'vitest';
import { Consent } from '../model/synergy.enums.js';
import { partyResponses, type ParticipantAnswer } from './party-responses.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 10, minute));
const side = (organizationId: string, consent: Consent, askedAt: Date | null = null, consentAt: Date | null = null): ParticipantAnswer => ({
  organizationId,
  organizationName: `Org ${organizationId}`,
  consent,
  askedAt,
  consentAt,
});

describe('who answered', () => {
  it('tells not asked, asked with no answer, accepted and declined apart, with their dates', () => {
    const lines = partyResponses([
      side('a', Consent.PENDING),
      side('b', Consent.PENDING, at(1)),
      side('c', Consent.ACCEPTED, at(1), at(5)),
      side('d', Consent.DECLINED, at(2), at(7)),
    ]);
    expect(lines.map((l) => [l.organizationId, l.state, l.askedAt, l.answeredAt])).toEqual([
      ['a', 'NOT_ASKED', null, null],
      ['b', 'NO_ANSWER', at(1), null],
      ['c', 'ACCEPTED', at(1), at(5)],
      ['d', 'DECLINED', at(2), at(7)],
    ]);
  });

  it('an organisation with two flows is one line: accepted when both are, declined when either is', () => {
    const both = partyResponses([side('a', Consent.ACCEPTED, at(1), at(3)), side('a', Consent.ACCEPTED, at(2), at(4))]);
    expect(both).toEqual([{ organizationId: 'a', organizationName: 'Org a', state: 'ACCEPTED', askedAt: at(2), answeredAt: at(4) }]);
    const half = partyResponses([side('a', Consent.ACCEPTED, at(1), at(3)), side('a', Consent.PENDING, at(2))]);
    expect(half[0].state).toBe('NO_ANSWER');
    expect(half[0].answeredAt).toBeNull();
    const refused = partyResponses([side('a', Consent.ACCEPTED, at(1), at(3)), side('a', Consent.DECLINED, at(2), at(6))]);
    expect(refused[0].state).toBe('DECLINED');
  });
});
