import type { IncomingMessage } from 'node:http';
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { CredentialHeaders } from '../auth/authenticate.js';
import type { LiveConnections } from '../auth/live-connections.js';
import type { Principal } from '../auth/principal.loader.js';
import type { SocketLimits } from '../config/config.js';
import { CLOSE_CODES, DomainError, SOCKET_CLOSE } from '../errors/domain-errors.js';
import type { GraphQLContexts } from './graphql-contexts.js';
import { formatError } from '../graphql/format-error.js';
import { OPERATION_LIMITS, operationLimitRules } from '../graphql/limits.js';
import { closeSocket } from './close-socket.js';
import { OperationBudget } from './socket-limits.js';

/** What one socket remembers between its operations. */
interface Connection {
  credentials: CredentialHeaders;
  /** Re-read at each operation while the credential holds; null for an anonymous socket. */
  principal: Principal | null;
  budget: OperationBudget;
  unregister(): void;
}

interface Extra {
  request: IncomingMessage;
  socket: WebSocket;
  connection?: Connection;
}

const error = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/**
 * graphql-ws on WS /graphql, with the same credentials as HTTP: `{ authorization: "Bearer …" }` in the
 * `connection_init` payload, or the session cookie of the upgrade request. The credential is checked again at each
 * operation, and the socket is registered in `liveConnections` so that a revocation heard from any instance closes
 * it. Every operation passes the budget and the same size, depth, alias and node limits as over HTTP.
 */
export function serveGraphQLOverWebSocket(
  schema: GraphQLSchema,
  wss: WebSocketServer,
  contexts: GraphQLContexts,
  { limits, liveConnections }: { limits: SocketLimits; liveConnections: LiveConnections },
) {
  const rules = [...specifiedRules, ...operationLimitRules()];
  const extraOf = (ctx: { extra: unknown }) => ctx.extra as Extra;

  /** Whether the socket's credential still holds; refreshes its principal (memberships may have changed). */
  async function stillHolds(connection: Connection): Promise<boolean> {
    if (!connection.principal) return true; // anonymous: nothing to lose
    let fresh: Principal | null;
    try {
      fresh = await contexts.authenticate(connection.credentials);
    } catch (e) {
      if (e instanceof DomainError) return false;
      throw e;
    }
    if (!fresh || fresh.credentialId !== connection.principal.credentialId) return false;
    connection.principal = fresh;
    return true;
  }

  // Parsed and validated documents by query text, as Apollo keeps them over HTTP: a thousand browsers subscribe with
  // the same few documents, and validating one costs more than delivering an event. Only valid ones are kept.
  const validDocuments = new Map<string, DocumentNode>();
  const VALID_DOCUMENTS_KEPT = 500;

  function parsedAndValid(payload: SubscribePayload): DocumentNode | GraphQLError[] {
    const known = validDocuments.get(payload.query);
    if (known && getOperationAST(known, payload.operationName)) return known;
    let document: DocumentNode;
    try {
      document = parse(payload.query);
    } catch (e) {
      // Over HTTP too a syntax error is GRAPHQL_PARSE_FAILED; a query nested past the stack is one as well.
      return [error(e instanceof GraphQLError ? e.message : 'The query could not be parsed.', 'GRAPHQL_PARSE_FAILED')];
    }
    const problems = validate(schema, document, rules);
    if (problems.length) return problems.map((p) => error(p.message, 'GRAPHQL_VALIDATION_FAILED'));
    if (!getOperationAST(document, payload.operationName)) {
      const message = payload.operationName ? `Unknown operation named "${payload.operationName}".` : 'Name the operation to run.';
      return [error(message, 'OPERATION_RESOLUTION_FAILURE')];
    }
    if (validDocuments.size >= VALID_DOCUMENTS_KEPT) validDocuments.delete(validDocuments.keys().next().value!);
    validDocuments.set(payload.query, document);
    return document;
  }

  return useServer(
    {
      schema,
      connectionInitWaitTimeout: limits.initTimeoutSeconds * 1000,
      onConnect: async (ctx) => {
        const extra = extraOf(ctx);
        const params = (ctx.connectionParams ?? {}) as Record<string, unknown>;
        const credentials = {
          cookie: extra.request.headers.cookie,
          authorization: authorizationParam(params),
        };
        const authenticatedAt = Date.now();
        let principal: Principal | null;
        try {
          principal = await contexts.authenticate(credentials);
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          closeSocket(extra.socket, CLOSE_CODES[e.code], e.message);
          return false;
        }
        const connection: Connection = { credentials, principal, budget: new OperationBudget(limits.operationsPerSecond), unregister: () => {} };
        extra.connection = connection;
        if (principal) {
          const live = { close: (code: number, reason: string) => closeSocket(extra.socket, code, reason) };
          connection.unregister = liveConnections.register(principal, live, authenticatedAt);
        }
        return true;
      },
      onClose: (ctx) => extraOf(ctx).connection?.unregister(),
      onSubscribe: async (ctx, _id, payload) => {
        const extra = extraOf(ctx);
        const connection = extra.connection!; // graphql-ws refuses operations before the connection is acknowledged
        const budget = connection.budget.take();
        if (budget !== 'ALLOWED') {
          if (budget === 'ABUSIVE') {
            closeSocket(extra.socket, SOCKET_CLOSE.RATE_LIMITED.code, SOCKET_CLOSE.RATE_LIMITED.reason, { afterPendingSends: true });
          }
          return [error(`More than ${limits.operationsPerSecond} operations per second on this connection: slow down.`, 'RATE_LIMITED')];
        }
        if (payload.query.length > OPERATION_LIMITS.maxQueryLength) {
          return [error(`The query is longer than ${OPERATION_LIMITS.maxQueryLength} characters.`, 'BAD_USER_INPUT')];
        }
        if (!(await stillHolds(connection))) {
          const { code, reason } = SOCKET_CLOSE.CREDENTIAL_REVOKED;
          closeSocket(extra.socket, code, reason, { afterPendingSends: true });
          return [error('The credential of this connection was revoked or has expired.', 'UNAUTHENTICATED')];
        }
        const document = parsedAndValid(payload);
        if (Array.isArray(document)) return document;
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      context: (ctx) => contexts.forPrincipal(extraOf(ctx).connection?.principal ?? null),
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

/**
 * The token in `connectionParams`, under `authorization` whatever its case: GraphiQL sends its Headers tab there,
 * written as the HTTP header (`Authorization`), and integrators copy that header too.
 */
export function authorizationParam(params: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(params)) {
    if (key.toLowerCase() === 'authorization' && typeof value === 'string') return value;
  }
  return undefined;
}
