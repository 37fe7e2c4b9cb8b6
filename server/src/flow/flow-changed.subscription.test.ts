import { describe, expect, it } from 'vitest';
import type { Viewer } from '../policy/viewer.js';
import type { FlowChangedPayload } from '../pubsub/pubsub.js';
import { eventFor, FlowChange } from './flow-changed.subscription.js';

const member: Viewer = {
  userId: 'u',
  memberships: new Map([['own-org', 'MEMBER']]),
  memberTerritoryIds: new Set(['fensch', 'lorraine']),
  facilitatedTerritoryIds: new Set(),
};
const payload = (p: Partial<FlowChangedPayload>): FlowChangedPayload => ({
  change: 'UPDATED',
  flowId: 'f',
  organizationId: 'other-org',
  territoryId: 'fensch',
  territoryChain: ['fensch', 'lorraine'],
  visibility: 'TERRITORY',
  previousVisibility: 'TERRITORY',
  ...p,
});

describe('who hears of a flow change', () => {
  it("hears of another company's TERRITORY flow", () => {
    expect(eventFor(member, payload({}))).toBe(FlowChange.UPDATED);
  });
  it('never hears of a PRIVATE flow of another company, declared or changed', () => {
    expect(eventFor(member, payload({ visibility: 'PRIVATE', previousVisibility: null, change: 'DECLARED' }))).toBeNull();
    expect(eventFor(member, payload({ visibility: 'PRIVATE', previousVisibility: 'PRIVATE' }))).toBeNull();
  });
  it('is told a flow it could see is now hidden', () => {
    expect(eventFor(member, payload({ visibility: 'PRIVATE', previousVisibility: 'TERRITORY' }))).toBe(FlowChange.HIDDEN);
  });
  it("hears of its own organisation's PRIVATE flows", () => {
    expect(eventFor(member, payload({ organizationId: 'own-org', visibility: 'PRIVATE' }))).toBe(FlowChange.UPDATED);
  });
  it('visitors hear of PUBLIC flows only', () => {
    expect(eventFor(null, payload({ visibility: 'PUBLIC' }))).toBe(FlowChange.UPDATED);
    expect(eventFor(null, payload({}))).toBeNull();
  });
});
