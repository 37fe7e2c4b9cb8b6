import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateDisclosure, countsInAggregate, roundAggregate } from './impact-policy.js';
import { canFilterSynergiesBy, canSeeOverAllocation, figureAccess, synergyAccess, type SynergyFacts } from './synergy-policy.js';
import { ids, viewerOf, viewerShapeArb } from './viewer.fixture.js';

/** DESIGN.md §6 "Derived figures are data too", on generated viewers, synergies and flows. */
const synergyArb: fc.Arbitrary<SynergyFacts> = fc.record({
  territoryId: fc.constantFrom(...ids),
  participants: fc.array(
    fc.record({ organizationId: fc.constantFrom(...ids), consent: fc.constantFrom('PENDING' as const, 'ACCEPTED' as const, 'DECLINED' as const) }),
    { minLength: 1, maxLength: 4 },
  ),
});
const flowsArb = fc.array(
  fc.record({ organizationId: fc.constantFrom(...ids), visibility: fc.constantFrom('PRIVATE' as const, 'TERRITORY' as const, 'PUBLIC' as const) }),
  { maxLength: 4 },
);

describe('derived figures policy', () => {
  it('a party reads no figure computed from a PRIVATE flow of another organisation', () => {
    fc.assert(
      fc.property(viewerShapeArb, synergyArb, flowsArb, (v, s, flows) => {
        const viewer = viewerOf(v);
        if (synergyAccess(viewer, s) !== 'PARTY') return;
        const hidden = flows.some((f) => f.visibility === 'PRIVATE' && !v.memberOf.includes(f.organizationId));
        expect(figureAccess(viewer, s, flows) === 'OWN_SIDE').toBe(hidden);
        expect(canSeeOverAllocation(viewer, s)).toBe(false);
      }),
    );
  });

  it('facilitators of the territory read every figure exactly', () => {
    fc.assert(
      fc.property(viewerShapeArb, synergyArb, flowsArb, (v, s, flows) => {
        if (!v.facilitates.includes(s.territoryId)) return;
        expect(figureAccess(viewerOf(v), s, flows)).toBe('EXACT');
        expect(canSeeOverAllocation(viewerOf(v), s)).toBe(true);
      }),
    );
  });

  it('the organisation filter is honoured for own organisations and facilitated territories only', () => {
    fc.assert(
      fc.property(fc.option(viewerShapeArb, { nil: null }), fc.constantFrom(...ids), fc.constantFrom(...ids), (v, organizationId, territoryId) => {
        const allowed = v !== null && (v.memberOf.includes(organizationId) || v.facilitates.includes(territoryId));
        expect(canFilterSynergiesBy(v && viewerOf(v), { organizationId, territoryId })).toBe(allowed);
      }),
    );
  });

  it('territory totals: exact for facilitators; for members, rounded from k organisations and without their own synergies', () => {
    fc.assert(
      fc.property(viewerShapeArb, fc.constantFrom(...ids), fc.nat(10), fc.integer({ min: 2, max: 6 }), fc.subarray(ids), (v, t, n, k, participants) => {
        const viewer = viewerOf(v);
        const facilitator = v.facilitates.includes(t);
        expect(aggregateDisclosure(viewer, t, n, k)).toBe(facilitator ? 'EXACT' : n >= k ? 'ROUNDED' : 'HIDDEN');
        expect(countsInAggregate(viewer, t, participants)).toBe(facilitator || !participants.some((o) => v.memberOf.includes(o)));
      }),
    );
  });

  it('rounds to one significant digit', () => {
    expect([0, 7, 12, 149, 151, 12_345, -0.034].map(roundAggregate)).toEqual([0, 7, 10, 100, 200, 10_000, -0.03]);
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (x) => {
        expect(Math.abs(roundAggregate(x) - x)).toBeLessThanOrEqual(x / 2);
      }),
    );
  });
});
