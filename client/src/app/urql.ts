import { createClient as createWsClient } from 'graphql-ws';
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';

/**
 * A GraphQL client for the same origin as the page: the session travels in the HttpOnly cookie. Queries go by POST
 * because the server's CSRF protection turns away plain GET requests. A new client (with an empty cache) is made
 * at each log-in and log-out so that nothing seen in one session is shown in the next.
 *
 * Subscriptions go over graphql-ws on the same path; the browser sends the session cookie with the upgrade
 * request, which is how the server authenticates the socket. The socket opens with the first subscription and
 * closes after the last one (graphql-ws's `lazy` mode), so a client whose session ended keeps nothing open.
 */
export function createUrqlClient(): Client {
  const sockets = createWsClient({ url: webSocketUrl(window.location), lazy: true, retryAttempts: 5 });
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const query = request.query ?? '';
          return {
            subscribe: (sink) => ({ unsubscribe: sockets.subscribe({ ...request, query }, sink) }),
          };
        },
      }),
    ],
    fetchOptions: { credentials: 'same-origin' },
    preferGetMethod: false,
  });
}

/** ws: or wss: to the GraphQL path of the page's own host. */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}
