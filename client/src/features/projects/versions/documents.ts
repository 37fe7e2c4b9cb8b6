import type { OperationContext } from 'urql';
import { graphql } from '../../../gql';

/**
 * Context of the version queries: urql's document cache re-runs them after any mutation that returns a version or
 * a plan (saving, restoring), also when the list was empty. A constant, since urql re-runs a query whose context changes.
 */
export const VERSIONS_DEPENDENT: Partial<OperationContext> = { additionalTypenames: ['PlanVersion', 'ProjectPlan'] };

export const PlanVersionsQuery = graphql(`
  query PlanVersions($id: ID!) {
    project(id: $id) {
      id
      viewerCanEditPlan
      planVersions {
        id
        name
        savedByName
        savedAt
      }
    }
  }
`);

export const PlanVersionFields = graphql(`
  fragment PlanVersionContent on ProjectPlan {
    summary
    notesText
    actions {
      id
      title
      status
      dueDate
    }
    budget {
      id
      label
      amountEur
      funder
    }
    indicators {
      indicator
      unit
      expected
    }
  }
`);

export const PlanVersionQuery = graphql(`
  query PlanVersion($id: ID!) {
    projectPlanVersion(id: $id) {
      id
      name
      plan {
        ...PlanVersionContent
      }
    }
  }
`);

export const ComparePlanVersionsQuery = graphql(`
  query ComparePlanVersions($from: ID!, $to: ID) {
    compareProjectPlanVersions(from: $from, to: $to) {
      from {
        id
        name
      }
      to {
        id
        name
      }
      summaryChanged
      notesChanged
      actions {
        added { title }
        removed { title }
        changed { before { title } after { title } fields }
      }
      budget {
        added { label amountEur }
        removed { label amountEur }
        changed { before { label amountEur } after { label amountEur } fields }
      }
      indicators {
        added { indicator unit expected }
        removed { indicator unit expected }
        changed { before { indicator unit expected } after { indicator unit expected } fields }
      }
      toPlan {
        summary
      }
    }
  }
`);

export const SavePlanVersionMutation = graphql(`
  mutation SavePlanVersion($projectId: ID!, $name: String!) {
    saveProjectPlanVersion(projectId: $projectId, name: $name) {
      id
      name
      savedByName
      savedAt
    }
  }
`);

export const RestorePlanVersionMutation = graphql(`
  mutation RestorePlanVersion($id: ID!) {
    restoreProjectPlanVersion(id: $id) {
      summary
    }
  }
`);
