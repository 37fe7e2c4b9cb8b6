import type { OperationContext } from 'urql';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '../../gql';

/**
 * Context for queries whose results must refresh when a flow the viewer may see changes: the document cache re-runs
 * every query marked so when a `flowChanged` event arrives (also those whose result holds no flow yet, such as a
 * count). A constant, since urql re-runs a query whose context object changes.
 */
export const FLOW_DEPENDENT: Partial<OperationContext> = { additionalTypenames: ['ResourceFlow'] };

/** Context for queries listing sites, refreshed when one is added (also while they list none yet). */
export const SITE_DEPENDENT: Partial<OperationContext> = { additionalTypenames: ['Site'] };

const ViewerTerritoriesQuery = graphql(`
  query ViewerTerritories {
    viewer {
      id
      facilitatedTerritories {
        id
      }
      memberships {
        organization {
          id
          territory {
            id
          }
        }
      }
    }
  }
`);

const FlowChangedSubscription = graphql(`
  subscription FlowChanged($territoryId: ID!) {
    flowChanged(territoryId: $territoryId) {
      change
      flowId
    }
  }
`);

/**
 * Follows the flows of each of the viewer's territories while mounted, so that lists marked `FLOW_DEPENDENT`
 * update without a reload. The server sends only events about flows the viewer may see.
 */
export function LiveFlowUpdates() {
  const [{ data }] = useQuery({ query: ViewerTerritoriesQuery });
  const viewer = data?.viewer;
  const territoryIds = new Set([
    ...(viewer?.facilitatedTerritories.map((t) => t.id) ?? []),
    ...(viewer?.memberships.map((m) => m.organization.territory.id) ?? []),
  ]);
  return (
    <>
      {[...territoryIds].map((territoryId) => (
        <TerritoryFlowFeed key={territoryId} territoryId={territoryId} />
      ))}
    </>
  );
}

function TerritoryFlowFeed({ territoryId }: { territoryId: string }) {
  useSubscription({ query: FlowChangedSubscription, variables: { territoryId }, context: FLOW_DEPENDENT });
  return null;
}
