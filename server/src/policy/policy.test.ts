import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canEditOrganization, canSeeFlowCosts, flowAccess, flowReadScope, type FlowFacts, type FlowReadScope } from './policy.js';
import type { Viewer } from './viewer.js';

const ids = ['a', 'b', 'c', 'd'];
const viewerArb = fc.record({
  memberOf: fc.subarray(ids),
  memberTerritories: fc.subarray(ids),
  facilitates: fc.subarray(ids),
});
const flowArb = fc.record({
  organizationId: fc.constantFrom(...ids),
  territoryId: fc.constantFrom(...ids),
  visibility: fc.constantFrom('PRIVATE' as const, 'TERRITORY' as const, 'PUBLIC' as const),
});

function viewer(v: { memberOf: string[]; memberTerritories: string[]; facilitates: string[] }): Viewer {
  return {
    userId: 'u',
    memberships: new Map(v.memberOf.map((o) => [o, 'MEMBER' as const])),
    memberTerritoryIds: new Set(v.memberTerritories),
    facilitatedTerritoryIds: new Set(v.facilitates),
  };
}

/** The predicate flow.queries.ts writes in SQL, evaluated on one row. */
function inScope(scope: FlowReadScope, f: FlowFacts): 'FULL' | 'ANONYMOUS' | 'NONE' {
  const full = f.visibility === 'PUBLIC' || scope.fullOrganizationIds.includes(f.organizationId) || scope.fullTerritoryIds.includes(f.territoryId);
  if (full) return 'FULL';
  return f.visibility === 'TERRITORY' && scope.anonymousTerritoryIds.includes(f.territoryId) ? 'ANONYMOUS' : 'NONE';
}

describe('flow visibility policy', () => {
  it('the query scope and the per-row decision always agree', () => {
    fc.assert(
      fc.property(fc.option(viewerArb, { nil: null }), flowArb, (v, f) => {
        const who = v ? viewer(v) : null;
        expect(inScope(flowReadScope(who), f)).toBe(flowAccess(who, f));
      }),
    );
  });

  it('a PRIVATE flow is seen only by its organisation and its territory facilitators', () => {
    fc.assert(
      fc.property(viewerArb, flowArb, (v, f) => {
        const access = flowAccess(viewer(v), { ...f, visibility: 'PRIVATE' });
        const entitled = v.memberOf.includes(f.organizationId) || v.facilitates.includes(f.territoryId);
        expect(access).toBe(entitled ? 'FULL' : 'NONE');
      }),
    );
  });

  it('a TERRITORY flow never shows its declarer to members of other organisations', () => {
    fc.assert(
      fc.property(viewerArb, flowArb, (v, f) => {
        fc.pre(!v.memberOf.includes(f.organizationId) && !v.facilitates.includes(f.territoryId));
        expect(flowAccess(viewer(v), { ...f, visibility: 'TERRITORY' })).not.toBe('FULL');
      }),
    );
  });

  it('costs follow the organisation and its facilitators, whatever the visibility', () => {
    fc.assert(
      fc.property(viewerArb, flowArb, (v, f) => {
        const entitled = v.memberOf.includes(f.organizationId) || v.facilitates.includes(f.territoryId);
        expect(canSeeFlowCosts(viewer(v), f)).toBe(entitled);
        expect(canEditOrganization(viewer(v), f)).toBe(entitled);
      }),
    );
  });

  it('visitors who are not signed in see PUBLIC flows only and edit nothing', () => {
    fc.assert(
      fc.property(flowArb, (f) => {
        expect(flowAccess(null, f)).toBe(f.visibility === 'PUBLIC' ? 'FULL' : 'NONE');
        expect(canEditOrganization(null, f)).toBe(false);
      }),
    );
  });
});
