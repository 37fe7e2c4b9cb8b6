import { describe, expect, it } from 'vitest';
import { mayOfferProject } from './synergy-projects';

const party = { isYours: true };
const other = { isYours: false };

describe('mayOfferProject', () => {
  it('offers a party to start a project once identities are revealed, not before', () => {
    expect(mayOfferProject({ facilitates: false, identitiesRevealed: false, participants: [party, other], activeProjects: 0 })).toBe(false);
    expect(mayOfferProject({ facilitates: false, identitiesRevealed: true, participants: [party, other], activeProjects: 0 })).toBe(true);
  });

  it('does not offer it to someone who is not a party and facilitates nothing', () => {
    expect(mayOfferProject({ facilitates: false, identitiesRevealed: true, participants: [other, other], activeProjects: 0 })).toBe(false);
  });

  it('offers it to a facilitator whatever the consents', () => {
    expect(mayOfferProject({ facilitates: true, identitiesRevealed: false, participants: [other, other], activeProjects: 0 })).toBe(true);
  });

  it('offers nothing while a project of the synergy is under way', () => {
    expect(mayOfferProject({ facilitates: true, identitiesRevealed: true, participants: [party], activeProjects: 1 })).toBe(false);
  });
});
