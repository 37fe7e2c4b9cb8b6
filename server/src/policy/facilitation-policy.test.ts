import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canBeAssigned, canFacilitate, facilitationRefusal, isToldOfSynergyChange } from './facilitation-policy.js';
import { synergyAccess, type SynergyFacts } from './synergy-policy.js';
import { ids, viewerOf, viewerShapeArb } from './viewer.fixture.js';

const synergyArb: fc.Arbitrary<SynergyFacts> = fc.record({
  territoryId: fc.constantFrom(...ids),
  participants: fc.array(
    fc.record({ organizationId: fc.constantFrom(...ids), consent: fc.constantFrom('PENDING' as const, 'ACCEPTED' as const, 'DECLINED' as const) }),
    { minLength: 1, maxLength: 4 },
  ),
});

describe('facilitation policy', () => {
  it('only the facilitators of the territory facilitate; a party is not one for being a party', () => {
    fc.assert(
      fc.property(viewerShapeArb, synergyArb, (shape, s) => {
        const viewer = viewerOf(shape);
        expect(canFacilitate(viewer, s)).toBe(shape.facilitates.includes(s.territoryId));
        expect(canFacilitate(null, s)).toBe(false);
      }),
    );
  });

  it('a refusal tells nobody of a synergy they could not see: FORBIDDEN to a party only', () => {
    fc.assert(
      fc.property(viewerShapeArb, synergyArb, (shape, s) => {
        const viewer = viewerOf(shape);
        expect(facilitationRefusal(viewer, s)).toBe(synergyAccess(viewer, s) === 'NONE' ? 'NOT_FOUND' : 'FORBIDDEN');
      }),
    );
    expect(facilitationRefusal(null, { territoryId: 'a', participants: [{ organizationId: 'b', consent: 'PENDING' }] })).toBe('NOT_FOUND');
  });

  it('a synergy is assigned to a facilitator of its territory, nobody else', () => {
    expect(canBeAssigned({ facilitatedTerritoryIds: new Set(['a', 'b']) }, { territoryId: 'b' })).toBe(true);
    expect(canBeAssigned({ facilitatedTerritoryIds: new Set(['c']) }, { territoryId: 'b' })).toBe(false);
    expect(canBeAssigned({ facilitatedTerritoryIds: new Set() }, { territoryId: 'b' })).toBe(false);
  });

  it('notes and assignment are told to the facilitators of the territory only; answers to the parties too', () => {
    fc.assert(
      fc.property(viewerShapeArb, synergyArb, fc.boolean(), (shape, s, facilitatorsOnly) => {
        const viewer = viewerOf(shape);
        const change = { territoryId: s.territoryId, organizationIds: s.participants.map((p) => p.organizationId), facilitatorsOnly };
        const told = isToldOfSynergyChange(viewer, change);
        if (shape.facilitates.includes(s.territoryId)) expect(told).toBe(true);
        else if (facilitatorsOnly) expect(told).toBe(false);
        else expect(told).toBe(synergyAccess(viewer, s) === 'PARTY');
        expect(isToldOfSynergyChange(null, change)).toBe(false);
      }),
    );
  });
});
