import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { WebSocketServer } from 'ws';
import type { MikroORM } from '@mikro-orm/postgresql';
import { LoginThrottle } from '../auth/login-throttle.js';
import { RedisAttemptStore } from '../auth/redis-attempt-store.js';
import type { Config } from '../config/config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../db/embedded-postgres.js';
import { migrate, openOrm } from '../db/orm.js';
import { isEmpty, seedDemo } from '../db/seeders/demo-seeder.js';
import { createContextFactory } from '../graphql/context-factory.js';
import { OPERATION_LIMITS } from '../graphql/limits.js';
import { buildAppSchema } from '../graphql/schema.js';
import { createAppPubSub } from '../pubsub/pubsub.js';
import { loadKnowledgeBase } from '../synergy/knowledge/knowledge-base.js';
import { SynergyDetection } from '../synergy/synergy-detection.js';
import { followFlowChanges } from '../synergy/synergy-listener.js';
import { SynergyService } from '../synergy/synergy.service.js';
import { Territory } from '../territory/territory.entity.js';
import { createGraphQLHttp } from './graphql-http.js';
import { serveGraphQLOverWebSocket } from './graphql-ws.js';
import { isAllowedOrigin } from './origin.js';

export interface RunningApp {
  /** Resolves once synergies reflect every flow change made so far (tests). */
  synergiesSettled(): Promise<void>;
  url: string;
  port: number;
  orm: MikroORM;
  /** Whether the demo territory was loaded at this start. */
  seeded: boolean;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * Assembles FE2I in one process: database (embedded or not), migrations, demo data on an empty database, GraphQL
 * over HTTP and WebSocket on one port, the built client, health probes. Returns once it accepts connections.
 */
export async function startApp(config: Config, log: (line: string) => void = console.log): Promise<RunningApp> {
  let embedded: EmbeddedPostgres | undefined;
  if (!config.databaseUrl) embedded = await startEmbeddedPostgres(path.join(config.dataDir, 'pglite'));
  const orm = await openOrm({
    clientUrl: config.databaseUrl ?? embedded!.url,
    // PGlite serves one query at a time through a socket that allows 8 connections.
    poolMax: embedded ? Math.min(4, config.dbPoolMax) : config.dbPoolMax,
    debugSql: config.debugSql,
  });
  const applied = await migrate(orm);
  if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);

  const appPubSub = createAppPubSub(config.redisUrl);
  const knowledgeBase = loadKnowledgeBase();
  const synergyDetection = new SynergyDetection(knowledgeBase);
  const deps = {
    pubSub: appPubSub.pubSub,
    sessionSecret: config.sessionSecret,
    throttle: new LoginThrottle(config.redisUrl ? new RedisAttemptStore(config.redisUrl) : undefined),
    knowledgeBase,
    synergyDetection,
  };
  let seeded = false;
  if (config.seedDemo && (await isEmpty(orm.em.fork()))) {
    const report = await seedDemo(orm.em.fork(), appPubSub.pubSub, config.sessionSecret);
    let synergies = 0;
    for (const root of await orm.em.fork().find(Territory, { parent: null })) {
      const em = orm.em.fork();
      synergies += (await new SynergyService(em, appPubSub.pubSub, synergyDetection).detect('SYSTEM', root.id)).detected;
    }
    log(`Loaded the Val de Fensch demo territory: ${report.organizations.created} organisations, ${report.flows.created} flows, ${synergies} synergies detected.`);
    seeded = true;
  }
  const flowFollower = followFlowChanges(orm, appPubSub, synergyDetection);

  const schema = await buildAppSchema(appPubSub.pubSub);
  const contexts = createContextFactory(orm, deps);
  const app = express();
  const httpServer: Server = createServer(app);
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  let ready = true;

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      if (!ready) throw new Error('stopping');
      await orm.em.fork().execute('select 1');
      // Still 200 while Redis is away: every instance shares it, and this one still serves requests (events are
      // buffered), so a balancer must keep sending traffic; monitoring reads the body.
      if (appPubSub.redisState() === 'down') res.json({ status: 'degraded', redis: 'down' });
      else res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  const graphqlHttp = await createGraphQLHttp(schema, httpServer, contexts, config.nodeEnv === 'production');
  app.use(
    '/graphql',
    express.json({ limit: OPERATION_LIMITS.maxBodyBytes }),
    rejectLongQueries,
    graphqlHttp.middleware,
  );
  if (existsSync(path.join(config.clientDist, 'index.html'))) {
    app.use(express.static(config.clientDist, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!graphql|collab|healthz|readyz).*/, (_req, res) => res.sendFile(path.join(config.clientDist, 'index.html')));
  }
  app.use(jsonErrors);

  // Two WebSocket endpoints on one port: route upgrades by path (/collab joins here later).
  const graphqlWss = new WebSocketServer({ noServer: true, maxPayload: OPERATION_LIMITS.maxMessageBytes });
  const wsServer = serveGraphQLOverWebSocket(schema, graphqlWss, contexts);
  httpServer.on('upgrade', (request, socket, head) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (!isAllowedOrigin(request, config.allowedOrigins)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    if (pathname === '/graphql') {
      graphqlWss.handleUpgrade(request, socket, head, (ws) => graphqlWss.emit('connection', ws, request));
    } else {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    }
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      ready = false;
      await wsServer.dispose();
      for (const client of graphqlWss.clients) client.terminate();
      graphqlWss.close();
      await graphqlHttp.apollo.stop(); // drains the HTTP server: in-flight requests finish
      await flowFollower.stop();
      await appPubSub.close();
      await deps.throttle.close();
      await orm.close(true);
      await embedded?.stop();
    })());

  return {
    url: `http://localhost:${port}`,
    port,
    orm,
    seeded,
    embedded: Boolean(embedded),
    stop,
    synergiesSettled: () => flowFollower.settled(),
  };
}

function rejectLongQueries(req: Request, res: Response, next: NextFunction) {
  const query = (req.body as { query?: unknown } | undefined)?.query;
  if (typeof query === 'string' && query.length > OPERATION_LIMITS.maxQueryLength) {
    res.status(400).json({
      errors: [{ message: `The query is longer than ${OPERATION_LIMITS.maxQueryLength} characters.`, extensions: { code: 'BAD_USER_INPUT' } }],
    });
    return;
  }
  next();
}

/** Body-parser and other middleware errors, as GraphQL-shaped JSON without internals. */
function jsonErrors(error: { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) {
  const status = error.status ?? 500;
  const messages: Record<string, [string, string]> = {
    'entity.too.large': ['The request body is too large.', 'PAYLOAD_TOO_LARGE'],
    'entity.parse.failed': ['The request body is not valid JSON.', 'BAD_USER_INPUT'],
  };
  const [message, code] = messages[error.type ?? ''] ?? (status < 500 ? ['Bad request.', 'BAD_REQUEST'] : ['Internal server error.', 'INTERNAL_SERVER_ERROR']);
  if (status >= 500) console.error('HTTP error:', error);
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}
