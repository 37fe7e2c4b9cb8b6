import fc from 'fast-check';
import type { Viewer } from './viewer.js';

/** A handful of ids, so that generated viewers and resources often share organisations and territories. */
export const ids = ['a', 'b', 'c', 'd'];

export interface ViewerShape {
  memberOf: string[];
  memberTerritories: string[];
  facilitates: string[];
}

export const viewerShapeArb: fc.Arbitrary<ViewerShape> = fc.record({
  memberOf: fc.subarray(ids),
  memberTerritories: fc.subarray(ids),
  facilitates: fc.subarray(ids),
});

export function viewerOf(v: ViewerShape): Viewer {
  return {
    userId: 'u',
    memberships: new Map(v.memberOf.map((o) => [o, 'MEMBER' as const])),
    memberTerritoryIds: new Set(v.memberTerritories),
    facilitatedTerritoryIds: new Set(v.facilitates),
  };
}
