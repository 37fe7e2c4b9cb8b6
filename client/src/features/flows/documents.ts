import { graphql } from '../../gql';

// The flows feature's GraphQL documents, apart from the views so that the pure form logic can name their types.

export const FlowFieldsFragment = graphql(`
  fragment FlowFields on ResourceFlow {
    id
    direction
    category
    label
    description
    ewcCode
    wasteCode {
      code
      labelFr
      labelEn
      hazardous
    }
    needCode
    quantity
    unit
    unitSymbol
    period
    physicalForm
    temperatureC
    availableMonths
    currentDestination
    yearlyCostEur
    visibility
    status
    updatedAt
    site {
      id
      name
      city
    }
  }
`);

/** The viewer's organisations with their sites: where a flow may be declared. */
export const MyOrganizationsQuery = graphql(`
  query MyOrganizations {
    viewer {
      id
      memberships {
        organization {
          id
          name
          viewerCanEdit
          territory {
            id
          }
          sites {
            id
            name
            city
          }
        }
      }
    }
  }
`);

export const OrganizationFlowsQuery = graphql(`
  query OrganizationFlows($organizationId: ID!, $status: FlowStatus!) {
    flows(filter: { organizationId: $organizationId, status: $status }, first: 100) {
      totalCount
      nodes {
        ...FlowFields
      }
    }
  }
`);

export const FlowQuery = graphql(`
  query Flow($id: ID!) {
    node(id: $id) {
      __typename
      ... on ResourceFlow {
        ...FlowFields
        organization {
          id
          name
          viewerCanEdit
          sites {
            id
            name
            city
          }
        }
      }
    }
  }
`);

export const DeclareFlowMutation = graphql(`
  mutation DeclareFlow($input: DeclareFlowInput!) {
    declareFlow(input: $input) {
      ...FlowFields
    }
  }
`);

export const UpdateFlowMutation = graphql(`
  mutation UpdateFlow($id: ID!, $input: UpdateFlowInput!) {
    updateFlow(id: $id, input: $input) {
      ...FlowFields
    }
  }
`);

export const ArchiveFlowMutation = graphql(`
  mutation ArchiveFlow($id: ID!) {
    archiveFlow(id: $id) {
      ...FlowFields
    }
  }
`);

export const WasteCodesQuery = graphql(`
  query WasteCodes($search: String!) {
    wasteCodes(search: $search, first: 12) {
      code
      labelFr
      labelEn
      hazardous
    }
  }
`);

export const NeedsQuery = graphql(`
  query Needs($search: String!) {
    needs(search: $search, first: 12) {
      code
      category
      labelFr
      labelEn
      unit
    }
  }
`);
