import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canReviewMembership, canReviewOrganization, canSeeInDirectory, directoryScope, type Approval } from './approval-policy.js';
import { ids, viewerOf, viewerShapeArb } from './viewer.fixture.js';

const approvalArb = fc.constantFrom<Approval>('PENDING', 'APPROVED', 'REJECTED');

describe('approval policy', () => {
  it('the directory scope and the per-row decision always agree', () => {
    fc.assert(
      fc.property(fc.option(viewerShapeArb, { nil: null }), fc.constantFrom(...ids), approvalArb, (v, territoryId, approval) => {
        const viewer = v ? viewerOf(v) : null;
        const scope = directoryScope(viewer);
        const listed = scope !== null && (approval === 'APPROVED' || scope.anyApprovalTerritoryIds.includes(territoryId));
        expect(listed).toBe(canSeeInDirectory(viewer, { territoryId, approval }));
      }),
    );
  });

  it('an organisation waiting for approval is seen and reviewed by its territory’s facilitators only', () => {
    fc.assert(
      fc.property(viewerShapeArb, fc.constantFrom(...ids), (v, territoryId) => {
        const viewer = viewerOf(v);
        const facilitator = v.facilitates.includes(territoryId);
        expect(canSeeInDirectory(viewer, { territoryId, approval: 'PENDING' })).toBe(facilitator);
        expect(canReviewOrganization(viewer, { territoryId, approval: 'PENDING' })).toBe(facilitator);
      }),
    );
  });

  it('members are reviewed by the organisation’s admins and the facilitators, never by a plain member', () => {
    const admin = { ...viewerOf({ memberOf: [], memberTerritories: ['t'], facilitates: [] }), memberships: new Map([['o', 'ADMIN' as const]]) };
    const member = viewerOf({ memberOf: ['o'], memberTerritories: ['t'], facilitates: [] });
    const facilitator = viewerOf({ memberOf: [], memberTerritories: [], facilitates: ['t'] });
    const elsewhere = viewerOf({ memberOf: [], memberTerritories: [], facilitates: ['u'] });
    const org = { organizationId: 'o', territoryId: 't' };
    expect([admin, member, facilitator, elsewhere, null].map((v) => canReviewMembership(v, org))).toEqual([true, false, true, false, false]);
  });
});
