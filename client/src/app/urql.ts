import { Client, cacheExchange, fetchExchange } from 'urql';

/**
 * A GraphQL client for the same origin as the page: the session travels in the HttpOnly cookie. Queries go by POST
 * because the server's CSRF protection turns away plain GET requests. A new client (with an empty cache) is made
 * at each log-in and log-out so that nothing seen in one session is shown in the next.
 */
export function createUrqlClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: { credentials: 'same-origin' },
    preferGetMethod: false,
  });
}
