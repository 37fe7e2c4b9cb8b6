import { graphql } from '../../gql';

/**
 * The fields of an estimate with its range, as `ImpactRange` (impacts.ts) reads them: every view of impact figures
 * selects them through these fragments. The schema gives a synergy's figures (ImpactFigure) and a territory's totals
 * (ImpactTotal) no common interface, and a fragment on one object type cannot be spread on another, so the totals
 * have a twin with the same fields, kept beside it.
 */
export const ImpactRangeFields = graphql(`
  fragment ImpactRangeFields on ImpactFigure {
    indicator
    low
    central
    high
    unit
  }
`);

export const ImpactTotalRangeFields = graphql(`
  fragment ImpactTotalRangeFields on ImpactTotal {
    indicator
    low
    central
    high
    unit
  }
`);
