import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canSeeExactFigures,
  identitiesRevealed,
  isToldOfSuggestion,
  synergyAccess,
  synergyReadScope,
  type SynergyFacts,
  type SynergyReadScope,
} from './synergy-policy.js';
import { ids, viewerOf, viewerShapeArb } from './viewer.fixture.js';

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

/** The predicate synergy.service.ts and view/flow-commitments.ts write in SQL, evaluated on one row. */
function inScope(scope: SynergyReadScope, s: SynergyFacts): boolean {
  return scope.territoryIds.includes(s.territoryId) || s.participants.some((p) => scope.organizationIds.includes(p.organizationId));
}

describe('synergy visibility policy', () => {
  it('the query scope and the per-synergy decision always agree', () => {
    fc.assert(
      fc.property(fc.option(viewerShapeArb, { nil: null }), synergyArb, (v, s) => {
        const who = v ? viewerOf(v) : null;
        expect(inScope(synergyReadScope(who), s)).toBe(synergyAccess(who, s) !== 'NONE');
      }),
    );
  });

  it('exact figures: always for facilitators, never for outsiders', () => {
    fc.assert(
      fc.property(viewerShapeArb, synergyArb, flowsArb, (v, s, flows) => {
        const exact = canSeeExactFigures(viewerOf(v), s, flows);
        if (v.facilitates.includes(s.territoryId)) expect(exact).toBe(true);
        if (synergyAccess(viewerOf(v), s) === 'NONE') expect(exact).toBe(false);
        expect(canSeeExactFigures(null, s, flows)).toBe(false);
      }),
    );
  });

  it('a party sees exact figures only once identities are revealed and no other party’s flow is PRIVATE', () => {
    fc.assert(
      fc.property(viewerShapeArb, synergyArb, flowsArb, (v, s, flows) => {
        fc.pre(synergyAccess(viewerOf(v), s) === 'PARTY');
        const othersPrivate = flows.some((f) => f.visibility === 'PRIVATE' && !v.memberOf.includes(f.organizationId));
        expect(canSeeExactFigures(viewerOf(v), s, flows)).toBe(identitiesRevealed(s) && !othersPrivate);
      }),
    );
  });

  it('a suggestion is announced live to members of the organisations taking part, and to no one else', () => {
    fc.assert(
      fc.property(fc.option(viewerShapeArb, { nil: null }), fc.subarray(ids), (v, organizationIds) => {
        const told = isToldOfSuggestion(v ? viewerOf(v) : null, organizationIds);
        expect(told).toBe(v !== null && organizationIds.some((o) => v.memberOf.includes(o)));
      }),
    );
  });
});
