import { describe, expect, it } from 'vitest';
import { availableActions, decisionHint, needsConfirmation, type SynergyDecisionState } from './actions';

const state = (overrides: Partial<SynergyDecisionState>): SynergyDecisionState => ({
  status: 'SUGGESTED',
  identitiesRevealed: false,
  viewerCanRequestContact: false,
  viewerCanRespond: false,
  viewerCanDecline: false,
  participants: [
    { isYours: true, consent: 'PENDING' },
    { isYours: false, consent: 'PENDING' },
  ],
  ...overrides,
});

describe('availableActions', () => {
  it('offers to request contact or decline a fresh suggestion', () => {
    expect(availableActions(state({ viewerCanRequestContact: true, viewerCanDecline: true }))).toEqual([
      'REQUEST_CONTACT',
      'DECLINE',
    ]);
  });

  it('offers to accept or refuse a contact request, not a separate decline', () => {
    const asked = state({ status: 'CONTACT_REQUESTED', viewerCanRespond: true, viewerCanDecline: true });
    expect(availableActions(asked)).toEqual(['ACCEPT_CONTACT', 'REFUSE_CONTACT']);
  });

  it('lets a requester withdraw by declining while the others have not answered', () => {
    expect(availableActions(state({ status: 'CONTACT_REQUESTED', viewerCanDecline: true }))).toEqual(['DECLINE']);
  });

  it('offers nothing the API does not allow', () => {
    expect(availableActions(state({ status: 'ACCEPTED' }))).toEqual([]);
  });

  it('asks to confirm what cannot be undone', () => {
    expect(needsConfirmation('DECLINE')).toBe(true);
    expect(needsConfirmation('REFUSE_CONTACT')).toBe(true);
    expect(needsConfirmation('REQUEST_CONTACT')).toBe(false);
    expect(needsConfirmation('ACCEPT_CONTACT')).toBe(false);
  });
});

describe('decisionHint', () => {
  it('says nothing to a facilitator, who is not a party', () => {
    const facilitator = state({ participants: [{ isYours: false, consent: 'PENDING' }] });
    expect(decisionHint(facilitator)).toBeNull();
  });

  it('tells a party it is asked to answer', () => {
    expect(decisionHint(state({ status: 'CONTACT_REQUESTED', viewerCanRespond: true }))).toBe('actions.hint.respond');
  });

  it('tells a requester it waits for the others', () => {
    const waiting = state({
      status: 'CONTACT_REQUESTED',
      viewerCanDecline: true,
      participants: [
        { isYours: true, consent: 'ACCEPTED' },
        { isYours: false, consent: 'PENDING' },
      ],
    });
    expect(decisionHint(waiting)).toBe('actions.hint.waiting');
  });

  it('says identities are revealed once everyone agreed', () => {
    expect(decisionHint(state({ status: 'ACCEPTED', identitiesRevealed: true }))).toBe('actions.hint.revealed');
  });

  it('says there is nothing left to decide on a declined synergy', () => {
    expect(decisionHint(state({ status: 'DECLINED' }))).toBe('actions.hint.closed');
  });

  it('says nothing more while a fresh suggestion awaits a decision', () => {
    expect(decisionHint(state({ viewerCanRequestContact: true, viewerCanDecline: true }))).toBeNull();
  });
});
