/** The GraphQL documents the API benchmark sends to both servers: what the workspace and integrators read all day. */

export const DIRECTORY_PAGE = `query Directory($first: Int!) {
  organizations(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id name kind naceCode sites { id name city latitude longitude }
      flows(first: 20) { totalCount nodes { id label direction category visibility quantity unit } } } }
  }
}`;

export const SYNERGIES_LIST = `query Synergies($first: Int!) {
  synergies(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id kind status origin score identitiesRevealed viewerCanRequestContact viewerCanRespond viewerCanDecline note
      organizationCount createdAt updatedAt
      participants { isYours role consent organization { id name kind } flow { id label disclosure direction quantity unit yearlyCostEur } }
    } }
  }
}`;

export const FLOW_NODE = `query FlowNode($id: ID!) {
  node(id: $id) {
    id
    ... on ResourceFlow {
      disclosure direction category label description ewcCode hazardous quantity unit unitSymbol period yearlyQuantity
      physicalForm temperatureC availableMonths visibility status currentDestination yearlyCostEur createdAt updatedAt
    }
  }
}`;

export const DECLARE_FLOW = `mutation DeclareFlow($input: DeclareFlowInput!) {
  declareFlow(input: $input) {
    id disclosure direction category label description ewcCode hazardous quantity unit unitSymbol period yearlyQuantity
    physicalForm temperatureC availableMonths visibility status currentDestination yearlyCostEur createdAt updatedAt
  }
}`;

/** The floor: one `select 1` through the baseline's Apollo Server and pg pool. */
export const FLOOR = `query Floor { floor }`;

/** A flow a member declares (a small quantity of wood offcuts, the kind the demo's joinery has). */
export function declareInput(siteId: string) {
  return {
    siteId,
    direction: 'OUTPUT',
    category: 'MATERIAL',
    label: 'Chutes de bois (banc)',
    ewcCode: '03 01 05',
    quantity: 12,
    unit: 'TONNE',
    period: 'YEAR',
    physicalForm: 'SOLID',
    visibility: 'TERRITORY',
    currentDestination: 'LANDFILL',
    yearlyCostEur: 900,
  };
}
