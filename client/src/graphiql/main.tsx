/**
 * GraphiQL for integrators, served by the API itself at `GET /graphql` (a browser asking for HTML) from this
 * bundle: no CDN, its own entry so that its editor (Monaco, megabytes) never weighs on the web app's pages.
 *
 * Authentication: the session cookie when the browser is logged in to FE2I; otherwise an API token in the
 * Headers tab, `{"Authorization": "Bearer fe2i_…"}`, which GraphiQL also sends as `connectionParams` for
 * subscriptions over WebSocket (docs/api.md).
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './graphiql.css';

const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  subscriptionUrl: socketUrl,
  fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
});

const DEFAULT_QUERY = `# FE2I GraphQL API (docs/api.md).
# Logged in to FE2I here? Your session is used.
# Otherwise, in the Headers tab below:
#   {"Authorization": "Bearer <API token>"}
# (tokens: the "Jetons d'API" page).

query Directory {
  viewer {
    name
  }
  organizations(first: 5) {
    totalCount
    edges {
      node {
        id
        name
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`;

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
  </StrictMode>,
);
