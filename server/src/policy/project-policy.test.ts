import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canManageProject,
  canRespondToInvitation,
  canSeeParticipantIdentity,
  planAccess,
  projectAccess,
  projectCreation,
  projectReadScope,
  type ProjectFacts,
  type ProjectReadScope,
} from './project-policy.js';
import type { Viewer } from './viewer.js';

const ids = ['a', 'b', 'c', 'd'];
const viewerArb = fc.record({ memberOf: fc.subarray(ids), facilitates: fc.subarray(ids) });
const participantArb = fc.record({
  organizationId: fc.constantFrom(...ids),
  role: fc.constantFrom('LEAD' as const, 'PARTNER' as const, 'OBSERVER' as const, 'FACILITATOR' as const),
  status: fc.constantFrom('INVITED' as const, 'ACCEPTED' as const, 'DECLINED' as const, 'REMOVED' as const),
});
const projectArb = fc.record({
  territoryId: fc.constantFrom(...ids),
  participants: fc.uniqueArray(participantArb, { selector: (p) => p.organizationId, maxLength: 4 }),
});

function viewer(v: { memberOf: string[]; facilitates: string[] }): Viewer {
  return {
    userId: 'u',
    memberships: new Map(v.memberOf.map((o) => [o, 'MEMBER' as const])),
    memberTerritoryIds: new Set(ids),
    facilitatedTerritoryIds: new Set(v.facilitates),
  };
}

/** The predicate project.records.ts writes in SQL, evaluated on one row. */
function inScope(scope: ProjectReadScope, p: ProjectFacts): boolean {
  return scope.territoryIds.includes(p.territoryId) || p.participants.some((x) => x.status === 'ACCEPTED' && scope.organizationIds.includes(x.organizationId));
}

const accepted = (v: { memberOf: string[] }, p: ProjectFacts) => p.participants.filter((x) => x.status === 'ACCEPTED' && v.memberOf.includes(x.organizationId));

describe('project access policy', () => {
  it('the query scope and the per-project decision always agree', () => {
    fc.assert(
      fc.property(fc.option(viewerArb, { nil: null }), projectArb, (v, p) => {
        const who = v ? viewer(v) : null;
        expect(inScope(projectReadScope(who), p)).toBe(projectAccess(who, p) !== 'NONE');
      }),
    );
  });

  it('a project exists only for its territory’s facilitators and its accepted participants', () => {
    fc.assert(
      fc.property(viewerArb, projectArb, (v, p) => {
        const entitled = v.facilitates.includes(p.territoryId) || accepted(v, p).length > 0;
        expect(projectAccess(viewer(v), p) !== 'NONE').toBe(entitled);
      }),
    );
  });

  it('invited, declined and removed organisations, strangers and other territories’ facilitators see nothing and can do nothing', () => {
    fc.assert(
      fc.property(viewerArb, projectArb, (v, p) => {
        fc.pre(!v.facilitates.includes(p.territoryId) && accepted(v, p).length === 0);
        const who = viewer(v);
        expect(projectAccess(who, p)).toBe('NONE');
        expect(canManageProject(who, p)).toBe(false);
        expect(planAccess(who, p)).toBe('NONE');
        for (const x of p.participants) expect(canSeeParticipantIdentity(who, p, x)).toBe(false);
      }),
    );
  });

  it('observers only read; managers are facilitators and accepted leads or facilitator organisations', () => {
    fc.assert(
      fc.property(viewerArb, projectArb, (v, p) => {
        const who = viewer(v);
        const mine = accepted(v, p);
        const facilitator = v.facilitates.includes(p.territoryId);
        expect(canManageProject(who, p)).toBe(facilitator || mine.some((x) => x.role === 'LEAD' || x.role === 'FACILITATOR'));
        const expected = facilitator || mine.some((x) => x.role !== 'OBSERVER') ? 'WRITE' : mine.length ? 'READ' : 'NONE';
        expect(planAccess(who, p)).toBe(expected);
      }),
    );
  });

  it('an organisation that has not accepted is named only to itself and to those who manage the project', () => {
    fc.assert(
      fc.property(viewerArb, projectArb, (v, p) => {
        const who = viewer(v);
        for (const x of p.participants) {
          const named = canSeeParticipantIdentity(who, p, x);
          if (x.status !== 'ACCEPTED' && named) expect(v.memberOf.includes(x.organizationId) || canManageProject(who, p)).toBe(true);
          if (x.status === 'ACCEPTED') expect(named).toBe(projectAccess(who, p) !== 'NONE');
        }
      }),
    );
  });

  it('only members of an invited organisation answer its invitation, and only while it is pending', () => {
    fc.assert(
      fc.property(viewerArb, projectArb, fc.constantFrom(...ids), (v, p, org) => {
        const pending = p.participants.some((x) => x.organizationId === org && x.status === 'INVITED');
        expect(canRespondToInvitation(viewer(v), p, org)).toBe(pending && v.memberOf.includes(org));
      }),
    );
  });

  it('a project starts from a synergy by a facilitator, or by a party once every side consented', () => {
    const consent = fc.constantFrom('PENDING' as const, 'ACCEPTED' as const, 'DECLINED' as const);
    const originArb = fc.record({
      territoryId: fc.constantFrom(...ids),
      parties: fc.uniqueArray(fc.record({ organizationId: fc.constantFrom(...ids), consent }), { selector: (x) => x.organizationId, minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.option(viewerArb, { nil: null }), fc.option(originArb, { nil: null }), fc.constantFrom(...ids), (v, origin, territory) => {
        const who = v ? viewer(v) : null;
        const territoryId = origin?.territoryId ?? territory;
        const result = projectCreation(who, territoryId, origin);
        const party =
          origin !== null && origin.parties.length > 1 && origin.parties.every((x) => x.consent === 'ACCEPTED') && origin.parties.some((x) => v?.memberOf.includes(x.organizationId));
        expect(result).toBe(v?.facilitates.includes(territoryId) ? 'FACILITATOR' : party ? 'PARTY' : null);
      }),
    );
  });
});
