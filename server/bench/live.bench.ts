import { performance } from 'node:perf_hooks';
import path from 'node:path';
import pg from 'pg';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { createBenchDatabase } from './api/bench-database.js';
import { benchViewers, postGraphQL, type BenchViewers } from './api/bench-viewers.js';
import { loadAverage, processTreeStats } from './api/process-stats.js';
import { startServerProcess, type ServerProcess } from './api/server-process.js';
import { startProduct } from './api/servers.js';
import { arrivedAt, subscribe, type Subscriber } from './live/subscribers.js';
import { statementCounter, type StatementCounts } from './live/statement-count.js';
import { fmt, quantile, report } from './timing.js';

/**
 * `npm run bench -- live [--subscribers=1000] [--events=10] [--instances=1]`: subscribers of `flowChanged` with mixed roles on one
 * product instance, then on two sharing Redis, against a bare graphql-ws + ws broadcast of the same payload. Prints
 * the latency from the mutation's answer to each subscriber's event (p50/p99), server CPU per event and SQL
 * statements per event (see live/statement-count.ts).
 */

const option = (args: string[], name: string, dflt: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/8';

interface Scenario {
  name: string;
  instances: number;
  subscribers: number;
  receivers: number;
  p50: number;
  p99: number;
  max: number;
  cpuMsPerEvent: number;
  statementsPerEvent: number | null;
  /** Of which reads of the flow by id: the delivery's own statement. */
  flowReadsPerEvent: number | null;
  missing: number;
  /** Subscribers that never heard a probe (not measured). */
  notLive: number;
}

/** Roles in turn: who sees the flow fully, anonymously, or not at all (visitors get no event). */
function roles(v: LiveViewers) {
  return [
    { role: 'facilitator', headers: v.facilitator, receives: true },
    { role: 'member (owner)', headers: v.member, receives: true },
    { role: 'member (other)', headers: v.otherMember, receives: true },
    { role: 'integrator', headers: v.integrator, receives: true },
    { role: 'visitor', headers: {}, receives: false },
  ];
}

interface LiveViewers extends BenchViewers {
  otherMember: Record<string, string>;
}

async function measure(
  name: string,
  servers: ServerProcess[],
  publish: (marker: string) => Promise<void>,
  plan: { headers: Record<string, string>; role: string; receives: boolean }[],
  territoryId: string,
  events: number,
  counted: ((pids: number[]) => Promise<StatementCounts>) | null,
): Promise<Scenario> {
  const statements = counted && (() => counted(servers.map((s) => s.pid)));
  // A hundred sockets at a time: a thousand at once overflow the listen backlog of a bare server.
  const subscribers: Subscriber[] = [];
  for (let i = 0; i < plan.length; i++) {
    const p = plan[i];
    subscribers.push(subscribe(`${servers[i % servers.length].url.replace('http', 'ws')}/graphql`, p.role, p.headers, territoryId));
    if (subscribers.length % 100 === 0 || i === plan.length - 1) await Promise.all(subscribers.slice(-100).map((s) => s.connected));
  }
  const receivers = subscribers.filter((_, i) => plan[i].receives);
  let expected = receivers;
  try {
    // Live once every subscriber that should hear a probe has heard one; after 120 s, those that did are measured.
    const until = Date.now() + 120_000;
    for (let probe = 0; ; probe++) {
      const marker = `probe-${probe}-${Math.random()}`;
      await publish(marker);
      if ((await arrivedAt(receivers, marker, receivers.length, 2_000)) === receivers.length) break;
      if (Date.now() > until) {
        expected = receivers.filter((s) => s.arrivals.size > 0);
        const errors = subscribers.flatMap((s) => s.errors);
        console.log(`${name}: ${expected.length} of ${receivers.length} subscribers went live within 120 s; ${errors.length} errors, e.g. ${String(errors[0])}`);
        break;
      }
    }
    const cpu0 = servers.reduce((n, s) => n + processTreeStats(s.pid).cpuMs, 0);
    const sql0 = statements ? await statements() : null;
    const latencies: number[] = [];
    let missing = 0;
    for (let e = 0; e < events; e++) {
      const marker = `event-${e}-${Math.random()}`;
      await publish(marker);
      const answered = performance.now();
      const got = await arrivedAt(expected, marker, expected.length, 15_000);
      missing += expected.length - got;
      for (const s of expected) if (s.arrivals.has(marker)) latencies.push(Math.max(0, s.arrivals.get(marker)! - answered));
    }
    const cpuMsPerEvent = (servers.reduce((n, s) => n + processTreeStats(s.pid).cpuMs, 0) - cpu0) / events;
    const leaked = subscribers.filter((s, i) => !plan[i].receives && s.arrivals.size > 0).length;
    if (leaked) throw new Error(`${name}: ${leaked} visitors received an event about a TERRITORY flow`);
    const sql1 = statements ? await statements() : null;
    await Promise.all(subscribers.map((s) => s.client.dispose()));
    // The same mutations once nobody listens (the detector is warm by now): their own cost, subtracted.
    let statementsPerEvent: number | null = null;
    let flowReadsPerEvent: number | null = null;
    if (statements && sql0 && sql1) {
      const before = await statements();
      for (let e = 0; e < events; e++) await publish(`control-${e}-${Math.random()}`);
      const after = await statements();
      statementsPerEvent = (sql1.all - sql0.all - (after.all - before.all)) / events;
      console.log(`${name}: statements per event by kind, with subscribers − without (those that differ):`);
      for (const [kind, n] of extraKinds(sql0.kinds, sql1.kinds, before.kinds, after.kinds)) console.log(`  ${fmt(n / events).padStart(6)}  ${kind}`);
      if (sql1.flowReads !== null && sql0.flowReads !== null && after.flowReads !== null && before.flowReads !== null) {
        flowReadsPerEvent = (sql1.flowReads - sql0.flowReads - (after.flowReads - before.flowReads)) / events;
      }
    }
    const result = {
      name, instances: servers.length, subscribers: subscribers.length, receivers: expected.length, notLive: receivers.length - expected.length,
      p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), max: Math.max(...latencies), cpuMsPerEvent, statementsPerEvent, flowReadsPerEvent, missing,
    };
    console.log(`${name}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await Promise.all(subscribers.map((s) => s.client.dispose()));
  }
}

/** Kinds whose count differs between the window with subscribers and the one without, most first. */
function extraKinds(sql0: Map<string, number>, sql1: Map<string, number>, before: Map<string, number>, after: Map<string, number>): [string, number][] {
  const kinds = new Set([...sql1.keys(), ...after.keys()]);
  const extra: [string, number][] = [];
  for (const k of kinds) {
    const n = (sql1.get(k) ?? 0) - (sql0.get(k) ?? 0) - ((after.get(k) ?? 0) - (before.get(k) ?? 0));
    if (n !== 0) extra.push([k, n]);
  }
  return extra.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 12);
}

export async function run(args: string[]): Promise<boolean> {
  const count = Number(option(args, 'subscribers', '1000'));
  const events = Number(option(args, 'events', '10'));
  console.log(`live benchmark — ${count} subscribers, ${events} events per scenario; node ${process.version}, load average ${loadAverage()}`);
  const db = await createBenchDatabase({ organizations: Number(option(args, 'organizations', '500')), flows: Number(option(args, 'flows', '5000')) });
  const servers: ServerProcess[] = [];
  const counter = await statementCounter(db.databaseUrl!);
  console.log(`SQL per event: ${counter.method}`);
  const results: Scenario[] = [];
  try {
    const productEnv = { WS_CONNECTIONS_PER_ADDRESS: '100000', WS_OPERATIONS_PER_SECOND: '1000' };
    const first = await startProduct(db.databaseUrl!, productEnv);
    servers.push(first);
    const v = await benchViewers(first.url, db.databaseUrl!);
    const client = new pg.Client({ connectionString: db.databaseUrl });
    await client.connect();
    const ids = await client.query(
      `select f.id as flow, t.id as territory from resource_flow f join organization o on o.id = f.organization_id
       join territory t on t.id = f.territory_id where o.external_ref = $1 and f.visibility = 'TERRITORY' order by f.created_at, f.id limit 1`,
      [DEMO_ACCOUNTS.steelMember.organizationRef],
    );
    await client.end();
    const flowId = toGlobalId('ResourceFlow', ids.rows[0].flow);
    const territoryId = toGlobalId('Territory', ids.rows[0].territory);
    const joinery = await postGraphQL(first.url, `mutation($e: String!, $p: String!) { logIn(input: {email: $e, password: $p}) { viewer { email } } }`, { e: DEMO_ACCOUNTS.joineryMember.email, p: 'valolab-demo-2026' });
    const viewers: LiveViewers = { ...v, otherMember: { cookie: joinery.setCookie!.split(';')[0] } };
    const plan = Array.from({ length: count }, (_, i) => roles(viewers)[i % 5]);
    const productPublish = (url: string) => async (marker: string) => {
      const res = await postGraphQL(url, `mutation($id: ID!, $d: String) { updateFlow(id: $id, input: {description: $d}) { id } }`, { id: flowId, d: marker }, viewers.member);
      if (res.body.errors) throw new Error(`updateFlow failed: ${JSON.stringify(res.body.errors)}`);
    };
    const payloadFor = (marker: string) => ({
      change: 'UPDATED', flowId, flow: { id: flowId, label: 'Chaleur', description: marker, disclosure: 'FULL', quantity: 12, unit: 'TONNE', yearlyCostEur: null },
    });
    const barePublish = (url: string) => async (marker: string) => {
      await fetch(`${url}/publish`, { method: 'POST', body: JSON.stringify(payloadFor(marker)) });
    };
    const startBare = (redisUrl?: string) =>
      startServerProcess(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'live/bare-broadcast-server.ts')], {
        cwd: path.resolve(import.meta.dirname, '..'),
        env: { PORT: '0', REDIS_URL: redisUrl, NODE_ENV: 'production' },
        ready: /bare broadcast ready on (\S+)/,
      });
    const everyone = plan.map((p) => ({ ...p, receives: true }));

    results.push(await measure('product', [first], productPublish(first.url), plan, territoryId, events, counter.settled));
    const bare = await startBare();
    servers.push(bare);
    results.push(await measure('bare broadcast', [bare], barePublish(bare.url), everyone, territoryId, events, null));
    await bare.stop();
    await first.stop();

    if (option(args, 'instances', '1,2') === '1') return report([[`one instance only (--instances=1)`, null]]);
    const a = await startProduct(db.databaseUrl!, { ...productEnv, REDIS_URL });
    const b = await startProduct(db.databaseUrl!, { ...productEnv, REDIS_URL });
    servers.push(a, b);
    results.push(await measure('product + Redis', [a, b], productPublish(a.url), plan, territoryId, events, counter.settled));
    const bareA = await startBare(REDIS_URL);
    const bareB = await startBare(REDIS_URL);
    servers.push(bareA, bareB);
    results.push(await measure('bare broadcast + Redis', [bareA, bareB], barePublish(bareA.url), everyone, territoryId, events, null));

    console.log(`\nlatency: from the mutation's (publish's) answer to each subscriber's event; SQL: statements per event, the mutation's own (a run without subscribers) subtracted; load average now ${loadAverage()}`);
    const rows = [['scenario', 'instances', 'subscribers', 'receivers', 'p50 ms', 'p99 ms', 'max ms', 'server CPU ms/event', 'SQL/event', 'flow reads/event', 'flow reads/event/instance', 'missing']];
    for (const r of results) {
      rows.push([r.name, String(r.instances), String(r.subscribers), String(r.receivers), fmt(r.p50), fmt(r.p99), fmt(r.max), fmt(r.cpuMsPerEvent), r.statementsPerEvent === null ? '' : fmt(r.statementsPerEvent), r.flowReadsPerEvent === null ? '' : fmt(r.flowReadsPerEvent), r.flowReadsPerEvent === null ? '' : fmt(r.flowReadsPerEvent / r.instances), String(r.missing)]);
    }
    const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
    for (const r of rows) console.log(r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '));
    const [p1, b1, p2, b2] = results;
    return report([
      ['every subscriber that may see the flow went live and got every event', results.every((r) => r.missing === 0 && r.notLive === 0)],
      [`one instance: ≤ 1 read of the flow per event (${fmt(p1.flowReadsPerEvent ?? NaN)}; all statements, detection's included: ${fmt(p1.statementsPerEvent!)})`, p1.flowReadsPerEvent === null ? null : p1.flowReadsPerEvent <= 1.05],
      [`two instances: ≤ 1 read of the flow per event per instance (${fmt((p2.flowReadsPerEvent ?? NaN) / 2)}; all statements: ${fmt(p2.statementsPerEvent! / 2)})`, p2.flowReadsPerEvent === null ? null : p2.flowReadsPerEvent / 2 <= 1.05],
      // A timer's statement (the collab log's compaction check, say) can land in a window of ten events: 0.1 each.
      [`one instance: ≤ 1 statement of any kind per event, a timer's aside (${fmt(p1.statementsPerEvent ?? NaN)})`, p1.statementsPerEvent === null ? null : p1.statementsPerEvent <= 1.1],
      [`two instances: ≤ 1 statement of any kind per event per instance, a timer's aside (${fmt((p2.statementsPerEvent ?? NaN) / 2)})`, p2.statementsPerEvent === null ? null : p2.statementsPerEvent / 2 <= 1.1],
      [`one instance: p99 ≤ 2× the bare broadcast's (${fmt(p1.p99)} vs ${fmt(b1.p99)} ms)`, p1.p99 <= 2 * b1.p99],
      [`two instances: p99 ≤ 2× the bare broadcast's (${fmt(p2.p99)} vs ${fmt(b2.p99)} ms)`, p2.p99 <= 2 * b2.p99],
    ]);
  } finally {
    for (const s of servers) await s.stop();
    await counter.close();
    await db.drop();
  }
}
