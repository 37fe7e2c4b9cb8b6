import { useEffect, useState } from 'react';
import { useClient, type Client, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { DashboardFlowsQuery, DashboardOrganizationsQuery, DashboardSynergiesQuery } from '../../gql/graphql';

const DashboardFlows = graphql(`
  query DashboardFlows($territoryId: ID!, $after: String) {
    flows(first: 100, after: $after, filter: { territoryId: $territoryId, direction: OUTPUT }) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        category
        unit
        yearlyQuantity
        currentDestination
        wasteCode {
          chapterCode
          chapterLabelFr
          chapterLabelEn
        }
      }
    }
  }
`);

const DashboardSynergies = graphql(`
  query DashboardSynergies($territoryId: ID!, $after: String) {
    synergies(first: 100, after: $after, filter: { territoryId: $territoryId }) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        status
        score
        explanation {
          matchedQuantity
          unit
        }
        participants {
          role
          isYours
          organization {
            ...DashboardOrganization
          }
          anonymous {
            organizationKind
          }
          flow {
            id
            unit
            yearlyQuantity
            site {
              id
            }
          }
        }
      }
    }
  }

  fragment DashboardOrganization on Organization {
    id
    name
    kind
    sites {
      id
      name
      city
      latitude
      longitude
    }
  }
`);

/** The territory's organisations, asked only for a territory the viewer facilitates (they see them all anyway). */
const DashboardOrganizations = graphql(`
  query DashboardOrganizations($territoryId: ID!, $after: String) {
    organizations(first: 100, after: $after, filter: { territoryId: $territoryId }) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...DashboardOrganization
      }
    }
  }
`);

export type DashboardFlow = DashboardFlowsQuery['flows']['nodes'][number];
export type DashboardSynergy = DashboardSynergiesQuery['synergies']['nodes'][number];
export type DashboardOrganization = DashboardOrganizationsQuery['organizations']['nodes'][number];

/** Everything the dashboard draws, as the API gives it to the viewer. */
export interface DashboardData {
  flows: DashboardFlow[];
  synergies: DashboardSynergy[];
  /** The territory's organisations when the viewer facilitates it; otherwise empty. */
  organizations: DashboardOrganization[];
  /** Whether a list stopped at MAX_PAGES before its end. */
  truncated: boolean;
}

// A territory of a few hundred flows and synergies fits; beyond, the pictures say they are partial.
const MAX_PAGES = 10;

interface Page<T> {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: T[];
}

async function allPages<T>(fetchPage: (after: string | null) => Promise<Page<T>>): Promise<{ nodes: T[]; truncated: boolean }> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result: Page<T> = await fetchPage(after);
    nodes.push(...result.nodes);
    if (!result.pageInfo.hasNextPage) return { nodes, truncated: false };
    after = result.pageInfo.endCursor ?? null;
  }
  return { nodes, truncated: true };
}

async function loadDashboard(client: Client, territoryId: string, facilitated: boolean): Promise<DashboardData> {
  const run = async <D>(query: Parameters<Client['query']>[0], after: string | null, pick: (data: D) => Page<never>) => {
    const result = await client.query(query, { territoryId, after }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) throw result.error;
    return pick(result.data as D);
  };
  const [flows, synergies, organizations] = await Promise.all([
    allPages<DashboardFlow>((after) => run<DashboardFlowsQuery>(DashboardFlows, after, (d) => d.flows as Page<never>)),
    allPages<DashboardSynergy>((after) => run<DashboardSynergiesQuery>(DashboardSynergies, after, (d) => d.synergies as Page<never>)),
    facilitated
      ? allPages<DashboardOrganization>((after) =>
          run<DashboardOrganizationsQuery>(DashboardOrganizations, after, (d) => d.organizations as Page<never>),
        )
      : Promise.resolve({ nodes: [], truncated: false }),
  ]);
  return {
    flows: flows.nodes,
    synergies: synergies.nodes,
    organizations: organizations.nodes,
    truncated: flows.truncated || synergies.truncated || organizations.truncated,
  };
}

/** The dashboard's data for a territory, every page of it; reloaded when the territory changes. */
export function useDashboardData(territoryId: string, facilitated: boolean) {
  const client = useClient();
  const [state, setState] = useState<{ key: string; data?: DashboardData; error?: CombinedError }>({ key: '' });
  const key = `${territoryId}:${facilitated}`;
  useEffect(() => {
    let current = true;
    loadDashboard(client, territoryId, facilitated).then(
      (data) => current && setState({ key, data }),
      (error: CombinedError) => current && setState({ key, error }),
    );
    return () => {
      current = false;
    };
  }, [client, territoryId, facilitated, key]);
  const fresh = state.key === key;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, loading: !fresh };
}
