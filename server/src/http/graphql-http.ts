import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Request, Response } from 'express';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { sessionTokenOf } from '../auth/authenticate.js';
import { DomainError } from '../errors/domain-errors.js';
import type { GraphQLContexts } from './graphql-contexts.js';
import { formatError } from '../graphql/format-error.js';
import { operationLimitRules } from '../graphql/limits.js';
import { clearedSessionCookie, sessionCookie } from './cookies.js';
import { plainGraphQLPost, type PlainContext } from './graphql-post.js';
import { clientAddressOf } from './socket-limits.js';

/** Apollo Server on POST /graphql: CSRF prevention on, limits on, errors through the one formatter. */
export async function createGraphQLHttp(schema: GraphQLSchema, httpServer: Server, contexts: GraphQLContexts, secureCookies: boolean) {
  const apollo = new ApolloServer<object>({
    schema,
    csrfPrevention: true,
    // main.ts owns SIGTERM: Apollo's own handler would race it and hang the drain.
    stopOnTerminationSignals: false,
    introspection: true,
    validationRules: operationLimitRules(),
    formatError,
    includeStacktraceInErrorResponses: false,
    // No cache hints are set: Apollo's default cache-control plugin would only wrap every field resolver for nothing.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await apollo.start();
  // Over plain Node objects, so that express's middleware (GET /graphql) and the plain POST handler share it.
  const context: PlainContext = async (req, res) => {
    const credentials = { cookie: req.headers.cookie, authorization: req.headers.authorization };
    let principal;
    try {
      principal = await contexts.authenticate(credentials);
    } catch (error) {
      if (error instanceof DomainError) {
        throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
      }
      throw error;
    }
    return contexts.forPrincipal(principal, {
      // Read by log-in, sign-up and password resets only: computed then.
      get clientAddress() {
        return clientAddressOf(req);
      },
      sessionToken: sessionTokenOf(credentials),
      setSessionCookie: (token, expiresAt) => res.appendHeader('Set-Cookie', sessionCookie(token, expiresAt, secureCookies)),
      clearSessionCookie: () => res.appendHeader('Set-Cookie', clearedSessionCookie(secureCookies)),
    });
  };
  const middleware = expressMiddleware(apollo, { context: ({ req, res }: { req: Request; res: Response }) => context(req, res) });
  return { apollo, middleware, post: plainGraphQLPost(apollo, context) };
}
