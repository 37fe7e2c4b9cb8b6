/**
 * What a territory report holds, asked of the API itself with the reader's own context: the report shows exactly
 * what its reader may see through GraphQL — the same visibility, anonymity, rounding and once-counted totals —
 * and no second path to the data exists to keep in step.
 */
export const TERRITORY_REPORT_DOCUMENT = /* GraphQL */ `
  query TerritoryReport($territoryId: ID!, $language: Language!) {
    node(id: $territoryId) {
      ... on Territory {
        id
        name
      }
    }
    territoryImpact(territoryId: $territoryId) {
      suggested { ...ReportGroup }
      inProgress { ...ReportGroup }
      operational { ...ReportGroup }
    }
    synergies(first: 100, filter: { territoryId: $territoryId }, language: $language) {
      totalCount
      nodes {
        kind
        status
        score
        organizationCount
        pathway { labelFr labelEn }
        participants { role organization { name } anonymous { descriptionFr descriptionEn } }
        impacts {
          indicator
          unit
          low
          central
          high
          basis
          factors { labelFr labelEn value unit databaseEntry vintage source { citation url } }
        }
      }
    }
    projects(first: 100, filter: { territoryId: $territoryId }) {
      totalCount
      nodes { title stage }
    }
  }

  fragment ReportGroup on ImpactGroup {
    synergyCount
    totals { indicator unit low central high }
    expectedTotals { indicator unit low central high }
    grossTotals { indicator unit low central high }
  }
`;
