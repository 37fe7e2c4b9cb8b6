import { graphql } from '../../../gql';
import type { OperationContext } from 'urql';

/**
 * The facilitator's view of a synergy. Marked as depending on synergies and notes: a decision, a note, an
 * assignment or a live `synergyChanged` event re-runs it (urql's document cache, by typename).
 */
export const FACILITATION_DEPENDENT: Partial<OperationContext> = { additionalTypenames: ['Synergy', 'SynergyNote'] };

export const SynergyFacilitationQuery = graphql(`
  query SynergyFacilitation($id: ID!) {
    synergy(id: $id) {
      id
      status
      viewerCanFacilitate
      responses {
        organizationId
        organizationName
        state
        askedAt
        answeredAt
      }
      notes {
        id
        text
        authorName
        createdAt
      }
      assignee {
        id
        name
        assignedAt
      }
      assignableFacilitators {
        id
        name
      }
    }
  }
`);

export const PutPartiesInTouchMutation = graphql(`
  mutation PutPartiesInTouch($id: ID!) {
    putPartiesInTouch(id: $id) {
      id
      status
    }
  }
`);

export const AddSynergyNoteMutation = graphql(`
  mutation AddSynergyNote($id: ID!, $text: String!) {
    addSynergyNote(id: $id, text: $text) {
      id
      text
      authorName
      createdAt
    }
  }
`);

export const AssignSynergyMutation = graphql(`
  mutation AssignSynergy($id: ID!, $assigneeId: ID) {
    assignSynergy(id: $id, assigneeId: $assigneeId) {
      id
      status
    }
  }
`);

export const SynergyChangedSubscription = graphql(`
  subscription SynergyChanged {
    synergyChanged {
      synergyId
      change
      synergy {
        id
        status
      }
    }
  }
`);
