import type { IncomingMessage } from 'node:http';
import { specifiedRules, validate, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocketServer } from 'ws';
import type { Principal } from '../auth/principal.loader.js';
import { CLOSE_CODES, DomainError } from '../errors/domain-errors.js';
import type { GraphQLContexts } from './graphql-contexts.js';
import { formatError } from '../graphql/format-error.js';
import { operationLimitRules } from '../graphql/limits.js';

interface Extra {
  request: IncomingMessage;
  principal?: Principal | null;
}

/**
 * graphql-ws on WS /graphql. The connection authenticates once, at `connection_init`, with the same credentials
 * as HTTP: `{ authorization: "Bearer …" }` in the payload, or the session cookie of the upgrade request.
 */
export function serveGraphQLOverWebSocket(schema: GraphQLSchema, wss: WebSocketServer, contexts: GraphQLContexts) {
  const rules = [...specifiedRules, ...operationLimitRules()];
  return useServer(
    {
      schema,
      connectionInitWaitTimeout: 10_000,
      validate: (s, document) => validate(s, document, rules),
      onConnect: async (ctx) => {
        const extra = ctx.extra as unknown as Extra;
        const params = (ctx.connectionParams ?? {}) as Record<string, unknown>;
        const authorization = typeof params.authorization === 'string' ? params.authorization : undefined;
        try {
          extra.principal = await contexts.authenticate({ cookie: extra.request.headers.cookie, authorization });
          return true;
        } catch (error) {
          if (error instanceof DomainError) {
            (ctx.extra as unknown as { socket: { close(code: number, reason: string): void } }).socket.close(
              CLOSE_CODES[error.code],
              error.message,
            );
            return false;
          }
          throw error;
        }
      },
      context: (ctx) => contexts.forPrincipal((ctx.extra as unknown as Extra).principal ?? null),
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result as ExecutionResult),
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => ({ ...formatError(e.toJSON(), e) }) as never),
    },
    wss,
  );
}

function formatResult(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) as never };
}
