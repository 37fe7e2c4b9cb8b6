import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import type { LiveConnections } from '../auth/live-connections.js';
import type { Config } from '../config/config.js';
import { graphqlBody } from './graphql-body.js';
import type { GraphQLContexts } from './graphql-contexts.js';
import { createGraphQLHttp } from './graphql-http.js';
import { bodyErrorAnswer } from './graphql-post.js';
import { serveGraphQLOverWebSocket } from './graphql-ws.js';
import { isAllowedOrigin } from './origin.js';
import { serveClient } from './static-assets.js';
import { clientAddressOf, ConnectionsPerAddress } from './socket-limits.js';

export interface HttpServing {
  port: number;
  /** Stops accepting work, closes the sockets and lets in-flight requests finish. */
  stop(): Promise<void>;
}

/** A WebSocket path served by another part of the app (the collaboration server on /collab). */
export interface SocketEndpoint {
  handle(ws: WebSocket, request: IncomingMessage): void;
  stop(): Promise<void>;
}

type HttpConfig = Pick<Config, 'port' | 'host' | 'clientDist' | 'allowedOrigins' | 'nodeEnv' | 'sockets'>;

/**
 * One port for everything: GraphQL over HTTP and WebSocket, the built client, health probes. `checkReady` answers
 * the readiness probe: it throws when the instance cannot serve (the database does not answer), and names the
 * dependencies that are away while it still serves (e.g. `{ redis: 'down' }`). Returns once it accepts connections.
 */
export async function serveHttp(
  config: HttpConfig,
  schema: GraphQLSchema,
  /** Where every authenticated socket, whatever its path, is registered so that a revoked credential closes it. */
  liveConnections: LiveConnections,
  contexts: GraphQLContexts,
  checkReady: () => Promise<Record<string, string> | undefined>,
  /** Live documents (Yjs sync) on WS /collab. */
  collab?: SocketEndpoint,
): Promise<HttpServing> {
  const app = express();
  const httpServer: Server = createServer();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  let ready = true;

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      if (!ready) throw new Error('stopping');
      const degraded = await checkReady();
      // Still 200 when degraded (Redis away): every instance shares it, and this one still serves requests (events
      // are buffered), so a balancer must keep sending traffic; monitoring reads the body.
      res.json(degraded ? { status: 'degraded', ...degraded } : { status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  // Before the API: a browser opening /graphql gets GraphiQL from the build; every other request passes through.
  if (existsSync(path.join(config.clientDist, 'index.html'))) {
    app.use(serveClient(config.clientDist, (pathname) => !/^\/(graphql|collab|healthz|readyz)(\/|$)/.test(pathname)));
  }
  const graphqlHttp = await createGraphQLHttp(schema, httpServer, contexts, config.nodeEnv === 'production');
  app.use('/graphql', ...graphqlBody(), graphqlHttp.middleware);
  app.use(jsonErrors);
  // POST /graphql is served without express (graphql-post.ts); everything else through it.
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'POST' && isGraphQLPath(req.url)) graphqlHttp.post(req, res);
    else app(req, res);
  });

  // Two WebSocket endpoints on one port: route upgrades by path, with the same limits (origin, sockets per
  // address, message size).
  const socketServer = () => new WebSocketServer({ noServer: true, maxPayload: config.sockets.maxMessageBytes });
  const graphqlWss = socketServer();
  const wsServer = serveGraphQLOverWebSocket(schema, graphqlWss, contexts, { limits: config.sockets, liveConnections });
  const routes = new Map([['/graphql', graphqlWss]]);
  if (collab) {
    const collabWss = socketServer();
    collabWss.on('connection', (ws: WebSocket, request: IncomingMessage) => collab.handle(ws, request));
    routes.set('/collab', collabWss);
  }
  const addresses = new ConnectionsPerAddress(config.sockets.connectionsPerAddress);
  httpServer.on('upgrade', (request, socket, head) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (!isAllowedOrigin(request, config.allowedOrigins)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    const wss = routes.get(pathname);
    if (!wss) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    const address = clientAddressOf(request);
    if (!addresses.admit(address)) {
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\n\r\n');
      return;
    }
    // Released with the TCP socket, which also closes when the handshake fails.
    socket.once('close', () => addresses.release(address));
    wss.handleUpgrade(request, socket, head, (ws) => {
      wss.emit('connection', ws, request);
      logOnlyServerFaults(ws);
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  return {
    port: (httpServer.address() as AddressInfo).port,
    async stop() {
      ready = false;
      await wsServer.dispose();
      for (const client of graphqlWss.clients) client.terminate();
      graphqlWss.close();
      await collab?.stop();
      await graphqlHttp.apollo.stop(); // drains the HTTP server: in-flight requests finish
    },
  };
}

/**
 * A client's protocol fault (a message over the size limit, a bad frame) is already answered by ws with the right
 * close code (1009, 1002…); logging each one, as graphql-ws does, would let a client fill the logs at will.
 */
function logOnlyServerFaults(ws: WebSocket): void {
  ws.removeAllListeners('error');
  ws.on('error', (error: Error & { code?: string }) => {
    if (!error.code?.startsWith('WS_ERR_')) console.error('WebSocket error:', error.message);
  });
}

/** `/graphql`, with or without a query string or a trailing slash (as express's mount at /graphql matched it). */
function isGraphQLPath(url: string | undefined): boolean {
  if (!url?.startsWith('/graphql')) return false;
  const rest = url.slice('/graphql'.length);
  return rest === '' || rest[0] === '?' || rest === '/' || rest.startsWith('/?');
}

/** Body-parser and other middleware errors, as GraphQL-shaped JSON without internals. */
function jsonErrors(error: { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) {
  const [status, body] = bodyErrorAnswer(error);
  res.status(status).json(body);
}
