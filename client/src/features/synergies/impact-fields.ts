import { graphql } from '../../gql';

/**
 * The fields of an estimate with its range, as `ImpactRange` (impacts.ts) reads them: every view of impact figures
 * selects them through this one fragment, on the schema's ImpactRange interface that a synergy's figures
 * (ImpactFigure) and a territory's totals (ImpactTotal) both implement.
 */
export const ImpactRangeFields = graphql(`
  fragment ImpactRangeFields on ImpactRange {
    indicator
    low
    central
    high
    unit
  }
`);
