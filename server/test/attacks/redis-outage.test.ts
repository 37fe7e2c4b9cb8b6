import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo/demo-accounts.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { collect, TestApp } from '../harness.js';
import { createTestDatabase } from '../test-database.js';
import { canRunRedisServer, OwnRedis } from './redis-server.js';

/**
 * Issue 8: a Redis outage used to kill instances (a publish rejected unhandled and the process exited; an instance
 * started while Redis was down said "ready" and then exited). Two instances share PostgreSQL and a redis-server of
 * this test's own, which the test kills and restarts on the same port.
 */
const enabled = Boolean(process.env.DATABASE_URL) && canRunRedisServer;

const FLOW_CHANGED = `subscription($t: ID!) { flowChanged(territoryId: $t) { change flow { id description } } }`;
const UPDATE_FLOW = `mutation($id: ID!, $d: String!) { updateFlow(id: $id, input: {description: $d}) { id } }`;

describe.runIf(enabled)('Redis killed and restarted under two instances', () => {
  let redis: OwnRedis;
  let a: TestApp;
  let b: TestApp;
  const crashes: unknown[] = [];
  const recordCrash = (error: unknown) => crashes.push(error);
  let facilitator: { cookie: string };
  let fensch: string;
  let flowId: string;

  beforeAll(async () => {
    process.on('unhandledRejection', recordCrash);
    process.on('uncaughtException', recordCrash);
    redis = await OwnRedis.start();
    a = await TestApp.start({ redisUrl: redis.url });
    b = await TestApp.start({ redisUrl: redis.url, sharing: a, seedDemo: false });
    facilitator = await a.logIn(DEMO_ACCOUNTS.facilitator.email);
    const territories = await a.gql(`{ territories { id name } }`, {}, facilitator);
    fensch = territories.data!.territories.find((t: any) => t.name === 'Val de Fensch').id;
    const flows = await a.gql(`query($t: ID!) { flows(first: 1, filter: {territoryId: $t}) { nodes { id } } }`, { t: fensch }, facilitator);
    flowId = flows.data!.flows.nodes[0].id;
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await redis?.kill();
    process.off('unhandledRejection', recordCrash);
    process.off('uncaughtException', recordCrash);
  });

  const readiness = async (app: TestApp) => {
    const res = await fetch(`${app.url}/readyz`);
    return { status: res.status, body: (await res.json()) as { status: string; redis?: string } };
  };
  const until = async (what: () => Promise<boolean>, ms = 15_000) => {
    const end = Date.now() + ms;
    while (!(await what())) {
      if (Date.now() > end) throw new Error('timed out');
      await sleep(100);
    }
  };
  const descriptions = (events: { data?: any }[]) => events.map((e) => e.data?.flowChanged.flow?.description);

  it('keeps serving through the outage, reports degraded, and delivers the outage events when Redis returns', async () => {
    const onA = a.wsClient(facilitator);
    const onB = b.wsClient(facilitator);
    const subA = collect<any>(onA, FLOW_CHANGED, { t: fensch });
    const subB = collect<any>(onB, FLOW_CHANGED, { t: fensch });
    await sleep(500);

    await redis.kill();
    await until(async () => (await readiness(a)).body.status === 'degraded' && (await readiness(b)).body.status === 'degraded');
    expect(await readiness(a)).toEqual({ status: 200, body: { status: 'degraded', redis: 'down' } });

    // Each instance's own subscribers are served at once; the other instance's wait for Redis.
    const byA = await a.gql(UPDATE_FLOW, { id: flowId, d: 'pendant la panne, par A' }, facilitator);
    expect(byA.errors, JSON.stringify(byA.errors)).toBeUndefined();
    expect(descriptions(await subA.waitFor(1))).toEqual(['pendant la panne, par A']);
    const byB = await b.gql(UPDATE_FLOW, { id: flowId, d: 'pendant la panne, par B' }, facilitator);
    expect(byB.errors, JSON.stringify(byB.errors)).toBeUndefined();
    expect(descriptions(await subB.waitFor(1))).toEqual(['pendant la panne, par B']);
    await sleep(2000); // an unhandled rejection used to end the process about a second after the publish
    expect(crashes).toEqual([]);
    expect((await a.gql(`{ viewer { email } }`, {}, facilitator)).data!.viewer.email).toBe(DEMO_ACCOUNTS.facilitator.email);

    await redis.restart();
    await until(async () => (await readiness(a)).body.status === 'ready' && (await readiness(b)).body.status === 'ready');
    expect(await readiness(b)).toEqual({ status: 200, body: { status: 'ready' } });
    // Buffered during the outage, delivered when Redis returned (the event carries the flow as it is now).
    await subB.waitFor(2);
    await subA.waitFor(2);
    expect(subB.events).toHaveLength(2);
    expect(subA.events).toHaveLength(2);

    await a.gql(UPDATE_FLOW, { id: flowId, d: 'après la panne, par A' }, facilitator);
    await subB.waitFor(3);
    expect(descriptions(subB.events)[2]).toBe('après la panne, par A');
    expect(crashes).toEqual([]);
    await onA.dispose();
    await onB.dispose();
  });

  it('a plan opened during the outage answers, an error or the plan, and no instance ends', async () => {
    const projects = await a.gql(`{ projects(first: 5) { nodes { id title } } }`, {}, facilitator);
    const projectId = projects.data!.projects.nodes[0].id;
    await redis.kill();
    await until(async () => (await readiness(a)).body.status === 'degraded');
    // Loading a live document waits for the Redis relay: the answer may be an error, never a dead process.
    const read = await a.gql(`query($id: ID!) { node(id: $id) { ... on SynergyProject { plan { summary } } } }`, { id: projectId }, facilitator);
    expect(read.data?.node ?? read.errors).toBeTruthy();
    const write = await b.gql(
      `mutation($p: ID!) { addPlanAction(projectId: $p, input: {title: "pendant la panne", status: TODO}) { actions { title } } }`,
      { p: projectId },
      facilitator,
    );
    expect(write.data?.addPlanAction ?? write.errors).toBeTruthy();
    await sleep(2000); // an unhandled rejection would end the process about a second later
    expect(crashes).toEqual([]);
    expect((await a.gql(`{ viewer { email } }`, {}, facilitator)).data!.viewer.email).toBe(DEMO_ACCOUNTS.facilitator.email);
    await redis.restart();
    await until(async () => (await readiness(a)).body.status === 'ready' && (await readiness(b)).body.status === 'ready');
    const after = await a.gql(`query($id: ID!) { node(id: $id) { ... on SynergyProject { plan { summary } } } }`, { id: projectId }, facilitator);
    expect(after.errors, JSON.stringify(after.errors)).toBeUndefined();
    expect(crashes).toEqual([]);
  });

  it('an instance started while Redis is down stays up, reports degraded, and recovers', async () => {
    await redis.kill();
    const c = await TestApp.start({ redisUrl: redis.url, sharing: a, seedDemo: false });
    try {
      const onB = b.wsClient(facilitator);
      const subB = collect<any>(onB, FLOW_CHANGED, { t: fensch });
      await sleep(500);
      expect(await readiness(c)).toEqual({ status: 200, body: { status: 'degraded', redis: 'down' } });
      const during = await c.gql(UPDATE_FLOW, { id: flowId, d: 'par C, né pendant la panne' }, facilitator);
      expect(during.errors, JSON.stringify(during.errors)).toBeUndefined();
      await sleep(2000);
      expect(crashes).toEqual([]);
      expect((await readiness(c)).body.status).toBe('degraded');

      await redis.restart();
      await until(async () => (await readiness(c)).body.status === 'ready' && (await readiness(b)).body.status === 'ready');
      await subB.waitFor(1);
      expect(descriptions(subB.events)).toEqual(['par C, né pendant la panne']);
      await c.gql(UPDATE_FLOW, { id: flowId, d: 'par C, après la panne' }, facilitator);
      await subB.waitFor(2);
      expect(descriptions(subB.events)[1]).toBe('par C, après la panne');
      expect(crashes).toEqual([]);
      await onB.dispose();
    } finally {
      await c.stop();
    }
  });

  it('a real server process (npm start) started while Redis is down publishes, does not exit, and recovers', async () => {
    await redis.kill();
    const db = await createTestDatabase();
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: db.databaseUrl,
        DATA_DIR: db.dataDir,
        REDIS_URL: redis.url,
        PORT: '0',
        HOST: '127.0.0.1',
        NODE_ENV: 'test',
        SESSION_SECRET: 'test-secret-test-secret-test-secret-42',
        SEED_DEMO: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    try {
      await until(async () => /ready on http/.test(output) || server.exitCode !== null, 60_000);
      const url = /ready on (http:\/\/\S+) /.exec(output)?.[1];
      expect(url, output).toBeDefined();
      const started = { url } as TestApp;
      expect(await readiness(started)).toEqual({ status: 200, body: { status: 'degraded', redis: 'down' } });
      const gql = async (query: string, variables: Record<string, unknown>, cookie = '') => {
        const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
        return { cookie: res.headers.get('set-cookie')?.split(';')[0] ?? cookie, body: (await res.json()) as { data?: any; errors?: unknown[] } };
      };
      const { cookie } = await gql(`mutation($e: String!) { logIn(input: {email: $e, password: "${DEMO_PASSWORD}"}) { viewer { id } } }`, { e: DEMO_ACCOUNTS.facilitator.email });
      const territories = await gql(`{ territories { id name } }`, {}, cookie);
      const own = territories.body.data.territories.find((t: { name: string }) => t.name === 'Val de Fensch').id;
      const flows = await gql(`query($t: ID!) { flows(first: 1, filter: {territoryId: $t}) { nodes { id } } }`, { t: own }, cookie);
      const updated = await gql(UPDATE_FLOW, { id: flows.body.data.flows.nodes[0].id, d: 'publié sans Redis' }, cookie);
      expect(updated.body.errors, JSON.stringify(updated.body.errors)).toBeUndefined();
      await sleep(3000); // an unhandled rejection used to end the process about a second after the publish
      expect(server.exitCode, output).toBeNull();

      await redis.restart();
      await until(async () => (await readiness(started)).body.status === 'ready');
      server.kill('SIGTERM');
      expect(await exited, output).toBe(0);
    } finally {
      server.kill('SIGKILL');
      await db.drop();
    }
  }, 90_000);
});
