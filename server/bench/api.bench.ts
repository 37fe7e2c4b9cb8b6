import { createBenchDatabase } from './api/bench-database.js';
import { benchViewers, postGraphQL, type BenchViewers } from './api/bench-viewers.js';
import { DECLARE_FLOW, declareInput, DIRECTORY_PAGE, FLOOR, FLOW_NODE, SYNERGIES_LIST } from './api/documents.js';
import { drive, type LoadResult } from './api/load.js';
import { loadAverage, processTreeStats } from './api/process-stats.js';
import path from 'node:path';
import { BENCH_SESSION_SECRET } from './api/bench-database.js';
import { startBaseline, startProduct } from './api/servers.js';
import { startServerProcess, type ServerProcess } from './api/server-process.js';
import { fmt, median, report } from './timing.js';

/**
 * `npm run bench -- api [--duration=5] [--connections=1,16,64] [--repeat=1] [--organizations=500] [--flows=5000] [--startup] [--only=node]`:
 * the product (as `npm start` runs it) against a bare Apollo Server + pg baseline answering the same documents with
 * the same JSON from the same SQL, on a fresh PostgreSQL database (DATABASE_URL's server) holding the demo territory
 * scaled up. Prints req/s, p50/p99 and server CPU per request, side by side, and checks the ratios. `--only=<words>`
 * drives only the documents whose name holds them (to profile one: BENCH_PRODUCT_NODE_ARGS, see api/servers.ts).
 */

interface Case {
  name: string;
  query: string;
  variables: (v: BenchViewers) => Record<string, unknown>;
  viewer: (v: BenchViewers) => Record<string, string>;
  write?: boolean;
  /** Reads must reach this share of the baseline's req/s at 16 connections. */
  minRatio: number;
}

const CASES: Case[] = [
  { name: 'directory page (50 orgs, integrator)', query: DIRECTORY_PAGE, variables: () => ({ first: 50 }), viewer: (v) => v.integrator, minRatio: 0.5 },
  { name: 'synergies list (20, facilitator)', query: SYNERGIES_LIST, variables: () => ({ first: 20 }), viewer: (v) => v.facilitator, minRatio: 0.5 },
  { name: 'flow node (member, anonymous)', query: FLOW_NODE, variables: (v) => ({ id: v.otherFlowId }), viewer: (v) => v.member, minRatio: 0.5 },
  { name: 'declareFlow (member)', query: DECLARE_FLOW, variables: (v) => ({ input: declareInput(v.memberSiteId) }), viewer: (v) => v.member, write: true, minRatio: 0.4 },
];

const option = (args: string[], name: string, dflt: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;

/** What differs between two answers once the values a write makes anew (its id and times) are set aside. */
function comparable(body: unknown, write: boolean): string {
  const json = JSON.stringify(body);
  return write ? json.replace(/"(id|createdAt|updatedAt)":"[^"]*"/g, '"$1":"…"') : json;
}

export async function run(args: string[]): Promise<boolean> {
  const durationSeconds = Number(option(args, 'duration', '5'));
  const levels = option(args, 'connections', '1,16,64').split(',').map(Number);
  const repeat = Number(option(args, 'repeat', '1'));
  const only = option(args, 'only', '');
  const cases = CASES.filter((c) => c.name.includes(only));
  const size = { organizations: Number(option(args, 'organizations', '500')), flows: Number(option(args, 'flows', '5000')) };
  console.log(`API benchmark — node ${process.version}, load average ${loadAverage()}`);
  const db = await createBenchDatabase(size);
  console.log(`database: ${db.counts.organizations} organisations, ${db.counts.flows} flows, ${db.counts.synergies} synergies (fresh, dropped at the end)`);
  let product: ServerProcess | undefined;
  let baseline: ServerProcess | undefined;
  try {
    // The same server run from TypeScript through tsx (as `npm start` did before the compiled build), for comparison.
    const fromSource = await startServerProcess(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '..'),
      env: { DATABASE_URL: db.databaseUrl!, PORT: '0', HOST: '127.0.0.1', SESSION_SECRET: BENCH_SESSION_SECRET, SEED_DEMO: 'false', REDIS_URL: undefined },
      ready: /FE2I is ready on (\S+) /,
    });
    await new Promise((r) => setTimeout(r, 2_000));
    const sourceRss = processTreeStats(fromSource.pid).rssMb;
    await fromSource.stop();
    product = await startProduct(db.databaseUrl!);
    baseline = await startBaseline(db.databaseUrl!);
    await new Promise((r) => setTimeout(r, 2_000));
    console.log(`from TypeScript (tsx): ready in ${fmt(fromSource.readyMs, 0)} ms from spawn, idle RSS ${fmt(sourceRss, 0)} MB`);
    for (const line of fromSource.output.filter((l) => /Start-up/i.test(l))) console.log(`  ${line}`);
    console.log(`product (start script, compiled): ready in ${fmt(product.readyMs, 0)} ms from spawn; its start-up lines:`);
    for (const line of product.output.filter((l) => /ready|start-up|Applied/i.test(l))) console.log(`  ${line}`);
    console.log(`baseline ready in ${fmt(baseline.readyMs, 0)} ms from spawn`);
    console.log(`idle RSS: product ${fmt(processTreeStats(product.pid).rssMb, 0)} MB, baseline ${fmt(processTreeStats(baseline.pid).rssMb, 0)} MB`);

    if (args.includes('--startup')) return report([['start-up only (--startup)', null]]);
    const viewers = await benchViewers(product.url, db.databaseUrl!);
    let identical = true;
    for (const c of CASES) {
      const [a, b] = await Promise.all([product, baseline].map((s) => postGraphQL(s!.url, c.query, c.variables(viewers), c.viewer(viewers))));
      const same = a.status === 200 && !a.body.errors && comparable(a.body, Boolean(c.write)) === comparable(b.body, Boolean(c.write));
      console.log(`${same ? 'same JSON' : 'DIFFERENT'}  ${c.name} (${JSON.stringify(a.body).length} bytes)`);
      if (!same) {
        identical = false;
        console.log(`  product:  ${JSON.stringify(a.body).slice(0, 600)}\n  baseline: ${JSON.stringify(b.body).slice(0, 600)}`);
      }
    }
    const floor = await postGraphQL(baseline.url, FLOOR, {});
    if (!identical) return report([['both servers return identical JSON for the same viewer', false]]);

    // Warm-up: JIT, pools, the product's synergy detector for the territory (loaded on the first flow change).
    for (const c of CASES) {
      const body = JSON.stringify({ query: c.query, variables: c.variables(viewers) });
      for (const s of [product, baseline]) await drive(s.url, s.pid, body, c.viewer(viewers), 4, 2);
    }
    // The first flow change loads the territory's detector (a full detection, once per process): let it finish, so
    // that it is not counted against the reads measured next.
    const quietAfterMs = await untilQuiet(product.pid);
    console.log(`product quiet ${fmt(quietAfterMs, 0)} ms after the warm-up (first detection done)`);

    const results = new Map<string, { product: LoadResult; baseline: LoadResult }>();
    const floorResults = new Map<number, LoadResult>();
    const runCase = async (c: Case, connections: number) => {
      const body = JSON.stringify({ query: c.query, variables: c.variables(viewers) });
      const runs: { product: LoadResult; baseline: LoadResult }[] = [];
      for (let r = 0; r < repeat; r++) {
        runs.push({
          product: await settled(c, await drive(product!.url, product!.pid, body, c.viewer(viewers), connections, durationSeconds), product!.pid),
          baseline: await drive(baseline!.url, baseline!.pid, body, c.viewer(viewers), connections, durationSeconds),
        });
      }
      results.set(`${c.name}|${connections}`, { product: medianResult(runs.map((x) => x.product)), baseline: medianResult(runs.map((x) => x.baseline)) });
    };
    // Reads first, the writes last: declared flows would otherwise grow what the reads read.
    for (const connections of levels) {
      for (const c of cases.filter((x) => !x.write)) await runCase(c, connections);
      const floorBody = JSON.stringify({ query: FLOOR });
      floorResults.set(connections, medianResult(await Promise.all([drive(baseline.url, baseline.pid, floorBody, {}, connections, durationSeconds)])));
    }
    for (const connections of levels) for (const c of cases.filter((x) => x.write)) await runCase(c, connections);

    console.log(`\n${durationSeconds} s per run, median of ${repeat}; CPU = server process CPU ms per request; load average now ${loadAverage()}`);
    const head = ['document', 'conns', 'product req/s', 'p50', 'p99', 'CPU/req', 'baseline req/s', 'p50', 'p99', 'CPU/req', 'req/s ratio', 'p99 ratio', 'fail'];
    const rows: string[][] = [head];
    for (const c of cases) {
      for (const connections of levels) {
        const { product: p, baseline: b } = results.get(`${c.name}|${connections}`)!;
        rows.push([c.name, String(connections), fmt(p.reqPerSec), `${p.p50}`, `${p.p99}`, fmt(p.serverCpuMsPerRequest, 2), fmt(b.reqPerSec), `${b.p50}`, `${b.p99}`, fmt(b.serverCpuMsPerRequest, 2), `${(100 * p.reqPerSec / b.reqPerSec).toFixed(0)} %`, `${(p.p99 / Math.max(1, b.p99)).toFixed(1)}×`, String(p.failures + b.failures)]);
      }
    }
    for (const connections of levels) {
      const f = floorResults.get(connections)!;
      rows.push(['floor: select 1 (baseline)', String(connections), '', '', '', '', fmt(f.reqPerSec), `${f.p50}`, `${f.p99}`, fmt(f.serverCpuMsPerRequest, 2), '', '', String(f.failures)]);
    }
    printTable(rows);
    for (const c of cases.filter((x) => x.write)) {
      for (const connections of levels) {
        const { product: p, baseline: b } = results.get(`${c.name}|${connections}`)!;
        if (!p.backlog) continue;
        // Counting the backlog: the run's requests over the run's time plus the time until the product was idle.
        const withWait = p.requests / ((p.wallMs + p.backlog.ms) / 1000);
        console.log(
          `${c.name}, ${connections} conns — backlog after the run (median): ${fmt(p.backlog.ms, 0)} ms to idle (0.5 s resolution, ` +
            `one quiet half-second included), ${fmt(p.backlog.cpuMs, 0)} ms CPU; CPU/req ${fmt(p.backlog.runCpuMsPerRequest, 2)} ms during the run, ` +
            `${fmt(p.serverCpuMsPerRequest, 2)} ms with the backlog (baseline ${fmt(b.serverCpuMsPerRequest, 2)}: ` +
            `${(100 * b.serverCpuMsPerRequest / p.backlog.runCpuMsPerRequest).toFixed(0)} % / ${(100 * b.serverCpuMsPerRequest / p.serverCpuMsPerRequest).toFixed(0)} % of its CPU efficiency); ` +
            `req/s counting the wait until idle ${fmt(withWait)} (${(100 * withWait / b.reqPerSec).toFixed(0)} % of the baseline's)`,
        );
      }
    }
    console.log(`floor answer: ${JSON.stringify(floor.body)}; RSS after the runs: product ${fmt(processTreeStats(product.pid).rssMb, 0)} MB, baseline ${fmt(processTreeStats(baseline.pid).rssMb, 0)} MB`);

    const at16 = (c: Case) => results.get(`${c.name}|16`);
    return report([
      ['both servers return identical JSON for the same viewer', true],
      ['no failed request', [...results.values()].every((r) => r.product.failures + r.baseline.failures === 0)],
      ...cases.map((c): [string, boolean | null] => {
        const r = at16(c);
        return [`${c.name}: ≥ ${c.minRatio * 100} % of the baseline's req/s at 16 connections`, r ? r.product.reqPerSec >= c.minRatio * r.baseline.reqPerSec : null];
      }),
      ...cases.map((c): [string, boolean | null] => {
        const r = at16(c);
        return [`${c.name}: p99 ≤ 3× the baseline's at 16 connections`, r ? r.product.p99 <= 3 * Math.max(1, r.baseline.p99) : null];
      }),
    ]);
  } finally {
    await product?.stop();
    await baseline?.stop();
    if (!args.includes('--keep')) await db.drop();
    else console.log(`kept ${db.databaseUrl}`);
  }
}

function medianResult(runs: LoadResult[]): LoadResult {
  const m = (f: (r: LoadResult) => number) => median(runs.map(f));
  return {
    reqPerSec: m((r) => r.reqPerSec), p50: m((r) => r.p50), p99: m((r) => r.p99), requests: m((r) => r.requests),
    failures: runs.reduce((n, r) => n + r.failures, 0), wallMs: m((r) => r.wallMs),
    serverCpuMsPerRequest: m((r) => r.serverCpuMsPerRequest), serverCores: m((r) => r.serverCores),
    backlog: runs.every((r) => r.backlog)
      ? { ms: m((r) => r.backlog!.ms), cpuMs: m((r) => r.backlog!.cpuMs), runCpuMsPerRequest: m((r) => r.backlog!.runCpuMsPerRequest) }
      : undefined,
  };
}

function printTable(rows: string[][]) {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  for (const r of rows) console.log(r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '));
}

/**
 * A write's run counts the work it set off: the product detects synergies after answering, so a run whose detection
 * is still catching up when the load stops would look cheaper than it is. Waits until the product is quiet and adds
 * that CPU to the run's CPU per request; prints how long the backlog took.
 */
async function settled(c: Case, run: LoadResult, pid: number): Promise<LoadResult> {
  if (!c.write) return run;
  const cpu0 = processTreeStats(pid).cpuMs;
  const waitedMs = await untilQuiet(pid);
  const extraCpuMs = processTreeStats(pid).cpuMs - cpu0;
  console.log(`  ${c.name}: product quiet ${fmt(waitedMs, 0)} ms after the run; ${fmt(extraCpuMs, 0)} ms of CPU after it, counted in its CPU/req`);
  return {
    ...run,
    serverCpuMsPerRequest: run.serverCpuMsPerRequest + extraCpuMs / Math.max(1, run.requests),
    backlog: { ms: waitedMs, cpuMs: extraCpuMs, runCpuMsPerRequest: run.serverCpuMsPerRequest },
  };
}

/** Waits until the process (tree) uses under a tenth of a core over half a second, at most 120 s; returns the wait. */
async function untilQuiet(pid: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < 120_000) {
    const cpu0 = processTreeStats(pid).cpuMs;
    await new Promise((r) => setTimeout(r, 500));
    if (processTreeStats(pid).cpuMs - cpu0 < 50) break;
  }
  return Date.now() - t0;
}
