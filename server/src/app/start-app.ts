import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { MikroORM } from '@mikro-orm/postgresql';
import { followCredentialChanges, LiveConnections } from '../auth/live-connections.js';
import { createAuthenticator } from '../auth/authenticate.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import { RedisAttemptStore } from '../auth/redis-attempt-store.js';
import { followAccessChanges } from '../collab/access-follower.js';
import { offThreadImport } from './import-thread.js';
import { createMailer } from './mailer.js';
import { createCollabServer, type CollabServer } from '../collab/collab-server.js';
import { createPlanDocuments, storedPlanDocuments } from '../collab/plan-documents.js';
import { createPlanVersions } from '../collab/plan-versions.js';
import { VersionStore } from '../collab/store/version-store.js';
import type { Config } from '../config/config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../db/embedded-postgres.js';
import { migrate, openOrm } from '../db/orm.js';
import { isEmpty, seedDemo } from '../demo/demo-seeder.js';
import { serveHttp } from '../http/server.js';
import { createAppPubSub } from '../pubsub/pubsub.js';
import { ProjectService } from '../project/project.service.js';
import { loadKnowledgeBase } from '../synergy/knowledge/knowledge-base.js';
import { knowledgeIndex } from '../synergy/view/knowledge-index.js';
import { listenForEvents } from '../pubsub/postgres-notify.js';
import { SynergyDetection } from '../synergy/detection/synergy-detection.js';
import { followFlowChanges } from '../synergy/detection/flow-change-listener.js';
import { advisoryRootLocks, processRootLocks } from '../synergy/detection/root-lock.js';
import { SynergyService } from '../synergy/synergy.service.js';
import { Territory } from '../territory/territory.entity.js';
import { createContextFactory } from './context-factory.js';
import { ENTITIES } from './entities.js';
import { planChangeTelling } from './plan-changes.js';
import { buildAppSchema } from './schema.js';
import { createServices, needCodesOf } from './services.js';
import { SETUP_LINK_HOURS } from '../setup/first-facilitator.service.js';

export interface RunningApp {
  /** Resolves once synergies reflect every flow change made so far (tests). */
  synergiesSettled(): Promise<void>;
  url: string;
  port: number;
  orm: MikroORM;
  /** The collaboration server (tests reach the update log and server-side updates through it). */
  collab: CollabServer;
  /** Whether the demo territory was loaded at this start. */
  seeded: boolean;
  embedded: boolean;
  /** Milliseconds each step of the start took (printed by main.ts). */
  startup: StartupPhases;
  stop(): Promise<void>;
}

export interface StartupPhases {
  database: number;
  migrations: number;
  seeding: number;
  /** Synergy detection at start: only right after seeding, when the flows have just been loaded. */
  detection: number;
  /** Pub/sub, collaboration, schema, HTTP and WebSocket servers. */
  serving: number;
}

/**
 * Assembles FE2I in one process: database (embedded or not), migrations, demo data on an empty database, GraphQL
 * over HTTP and WebSocket on one port, the built client, health probes. Returns once it accepts connections.
 */
export async function startApp(config: Config, log: (line: string) => void = console.log): Promise<RunningApp> {
  const startup: StartupPhases = { database: 0, migrations: 0, seeding: 0, detection: 0, serving: 0 };
  let phaseStart = performance.now();
  const phase = (name: keyof StartupPhases) => {
    const now = performance.now();
    startup[name] = Math.round(now - phaseStart);
    phaseStart = now;
  };
  let embedded: EmbeddedPostgres | undefined;
  if (!config.databaseUrl) embedded = await startEmbeddedPostgres(path.join(config.dataDir, 'pglite'));
  const clientUrl = config.databaseUrl ?? embedded!.url;
  const orm = await openOrm({
    clientUrl,
    entities: ENTITIES,
    // PGlite serves one query at a time through a socket that allows 8 connections.
    poolMax: embedded ? Math.min(4, config.dbPoolMax) : config.dbPoolMax,
    debugSql: config.debugSql,
    embedded: Boolean(embedded),
  });
  phase('database');
  const applied = await migrate(orm);
  phase('migrations');
  if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);

  const appPubSub = createAppPubSub(config.redisUrl, config.redisNamespace);
  const planChanges = planChangeTelling(orm, appPubSub.pubSub);
  const liveConnections = new LiveConnections();
  const credentialFollower = followCredentialChanges(appPubSub.pubSub, liveConnections);

  const collab = createCollabServer({
    // Clients' updates are decoded under a time limit before they touch a live document (some crafted updates loop
    // the Yjs decoder forever: yjs #687, #498), and committed, on a thread with its own connections to this database.
    durability: { clientUrl, embedded: Boolean(embedded), timeoutMs: 200, maxBytes: config.sockets.maxMessageBytes },
    unitOfWork: () => orm.em.fork(),
    authenticate: createAuthenticator(orm.em, config.sessionSecret),
    // Plans are the one kind of live document so far; the project's policy decides (observers read).
    access: (principal, { ownerId }) => new ProjectService(orm.em.fork(), appPubSub.pubSub).planAccess(principal.viewer, ownerId),
    liveConnections,
    limits: config.sockets,
    redisUrl: config.redisUrl,
    redisNamespace: config.redisNamespace,
    onPlanEdited: planChanges.onPlanEdited,
    planEditsHeard: () => appPubSub.mayBeHeard('PLAN_CHANGED'),
  });
  const planVersions = createPlanVersions({ log: collab.log, versions: new VersionStore(() => orm.em.fork()), appendServerUpdate: collab.appendServerUpdate, publish: planChanges.publish });
  const planDocuments = createPlanDocuments({ state: collab.documentState, append: collab.appendServerUpdate }, planChanges.publish);

  const knowledgeBase = loadKnowledgeBase();
  // Indexed once here rather than on the first request that shows a synergy.
  knowledgeIndex(knowledgeBase);
  // Embedded PGlite is this process's alone; a PostgreSQL server may be shared with other instances and imports.
  const synergyDetection = new SynergyDetection(knowledgeBase, embedded ? processRootLocks() : advisoryRootLocks(config.detectionLockTimeoutMs));
  const deps = {
    pubSub: appPubSub.pubSub,
    sessionSecret: config.sessionSecret,
    throttle: new LoginThrottle(config.redisUrl ? new RedisAttemptStore(config.redisUrl, config.redisNamespace) : undefined),
    knowledgeBase,
    synergyDetection,
    needCodes: needCodesOf(knowledgeBase),
    aggregateMinOrganizations: config.aggregateMinOrganizations,
    offThreadImport: offThreadImport(clientUrl, needCodesOf(knowledgeBase), Boolean(embedded)),
    mailer: createMailer(config.smtpUrl, config.mailFrom, log),
    publicUrl: config.publicUrl,
    planDocuments,
    planVersions,
  };
  let seeded = false;
  if (config.seedDemo && (await isEmpty(orm.em.fork()))) {
    // Before anyone can connect, the demo plans go straight into the store: no live document to relay them to, and
    // no Redis needed for it (loading a live document waits for the relay).
    const report = await seedDemo(orm.em.fork(), { ...deps, planDocuments: createPlanDocuments(storedPlanDocuments(collab.log)) });
    phase('seeding');
    let synergies = 0;
    for (const root of await orm.em.fork().find(Territory, { parent: null })) {
      const em = orm.em.fork();
      synergies += (await new SynergyService(em, appPubSub.pubSub, synergyDetection).detect('SYSTEM', root.id)).detected;
    }
    phase('detection');
    log(`Loaded the Val de Fensch demo territory: ${report.organizations.created} organisations, ${report.flows.created} flows, ${synergies} synergies detected.`);
    seeded = true;
  }
  // A fresh instance without demo data can still be entered: while no facilitator exists, a single-use link to
  // create the first one is printed at each start.
  const setup = await createServices(orm.em.fork(), deps).firstFacilitator.offerLink();
  if (setup) {
    log(
      `No facilitator yet. Create the first facilitator's account and territory at ${config.publicUrl.replace(/\/$/, '')}/#/setup/${setup.token}` +
        ` (works once, within ${SETUP_LINK_HOURS} h; each start prints a new link until a facilitator exists).`,
    );
  }
  const flowFollower = followFlowChanges(orm, appPubSub, synergyDetection);
  // Without Redis, a command-line import into the same PostgreSQL tells this instance through NOTIFY.
  const otherProcesses = config.databaseUrl && !config.redisUrl ? await listenForEvents(config.databaseUrl, appPubSub.relay) : null;

  const accessFollower = followAccessChanges(appPubSub.pubSub, collab);

  const schema = await buildAppSchema(appPubSub.pubSub);
  const http = await serveHttp(
    config,
    schema,
    liveConnections,
    createContextFactory(orm, deps),
    async () => {
      await orm.em.fork().execute('select 1');
      // Edits would be refused here (nothing is relayed before it is logged): editors belong on another instance.
      const collabFailure = collab.durabilityFailure();
      if (collabFailure) throw new Error(collabFailure);
      return appPubSub.redisState() === 'down' ? { redis: 'down' } : undefined;
    },
    collab,
  );

  phase('serving');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await http.stop();
      await accessFollower.stop();
      await planChanges.stop();
      await credentialFollower.stop();
      await otherProcesses?.close();
      await flowFollower.stop();
      await synergyDetection.stop();
      await appPubSub.close();
      await deps.throttle.close();
      await orm.close(true);
      await embedded?.stop();
    })());

  return {
    url: `http://localhost:${http.port}`,
    port: http.port,
    orm,
    collab,
    seeded,
    embedded: Boolean(embedded),
    startup,
    stop,
    synergiesSettled: () => flowFollower.settled(),
  };
}
