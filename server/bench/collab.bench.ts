import 'reflect-metadata';
import os from 'node:os';
import { ENTITIES } from '../src/app/entities.js';
import { openOrm } from '../src/db/orm.js';
import { ServerProcess } from '../test/collab/server-process.js';
import { createTestDatabase } from '../test/test-database.js';
import { readAppendFigures, storedBareDocument } from './collab/bare-durable-append.js';
import { measureCommitPrice } from './collab/commit-price.js';
import { bareEditor, productEditor, providerEditor } from './collab/editors.js';
import { measureHistoryLoad } from './collab/history-load.js';
import { loopProbeFlags } from './collab/loop-probe.js';
import { productionNodeFlags, startBareServer } from './collab/processes.js';
import { upkeepSince } from './collab/upkeep.js';
import { COMPACTION } from '../src/collab/collab-server.js';
import { checkDurability, runPhase, type Durability, type PhaseResult } from './collab/relay-phase.js';
import { createPlans } from './collab/plans.js';
import { historyCheck, printHistory, printReport, printTypingReport } from './collab/collab-report.js';
import { tracedMeasure, type TracedMeasure } from './collab/relay-split.js';
import { fmt, report } from './timing.js';
import { migrate } from '../src/db/orm.js';
import type { Room } from './collab/typing.js';

/**
 * Live documents under load, the real product against a bare y-websocket server in the same run (see
 * docs/ARCHITECTURE.md, "Benchmarks"): relay latency of 20 documents × 5 editors typing (and of the floor: the bare
 * server committing each update before relaying it, bare-durable-append.ts), the store's capacity
 * (100 editors at their socket's limit), the price of a commit on the same PostgreSQL, and the load time of a plan
 * with a 100k-update history before and after compaction. Exits 1 when a check fails. Needs DATABASE_URL.
 *
 * Options: --seconds=20 (each relay phase), --throughput-seconds=15, --repeats=3 (runs of the flat-out phase, each
 * on a restarted server; the median is checked, the spread printed), --history=100000, --only=history (no server),
 * --stages (the server records where its writers' updates spend their time over the typing measure and prints it:
 * collab/store/stage-timings.ts; recording costs CPU, so the figures of such a run are not the checked ones),
 * --only=typing (the commit price and the three typing phases, bare, the durable floor and product, and the relay
 * check: a minute and a half instead of ten, to iterate on the relay's tail), --client=provider (the product's
 * editors are `@hocuspocus/provider`s instead of the minimal client that speaks its protocol, the counterpart of
 * the bare side's: collab/editors.ts),
 * --profile=<dir> (the server runs with `--cpu-prof` and each phase ends with SIGTERM instead of kill -9, so that
 * its profile is written to <dir>; the durability checks then read what a graceful stop left).
 */
const DOCUMENTS = 20;
const EDITORS_PER_DOCUMENT = 5;
const THROUGHPUT_EDITORS = 100;
/** Realistic typing: an edit every 50–100 ms per editor. */
const TYPING = { minMs: 50, maxMs: 100 };
/**
 * The store's capacity: each editor as fast as its socket may send (WS_COLLAB_MESSAGES_PER_SECOND, 200 by default,
 * counts the provider's other messages too), never more than 16 edits waiting for their acknowledgement.
 */
const FLAT_OUT = { minMs: 6, maxMs: 8, window: 16 };

/**
 * The server records where its writers' updates spend their time over the measure (SIGUSR2 on, SIGUSR2 off and
 * print: collab/store/stage-timings.ts), with a relay trace that collab/relay-split.ts joins with the clients'
 * times; the lines it printed are shown here.
 */
function stageTimings(server: ServerProcess, databaseUrl: string): TracedMeasure {
  const traced = tracedMeasure(
    { signal: () => server.pid && process.kill(server.pid, 'SIGUSR2'), output: () => server.recentOutput },
    /collab stage trace (\S+)/,
    databaseUrl,
  );
  return {
    ...traced,
    aroundMeasure: {
      start: traced.aroundMeasure.start,
      async end() {
        await traced.aroundMeasure.end();
        const lines = server.recentOutput.split('\n').filter((l) => l.startsWith('collab stage') && !l.startsWith('collab stage trace'));
        console.log(lines.map((l) => `    ${l}`).join('\n'));
      },
    },
  };
}

/** The bare server's relay trace over the measure (bare-websocket-server.ts). */
function bareTrace(bareServer: { pid: number | undefined; output(): string }): TracedMeasure {
  return tracedMeasure({ signal: () => bareServer.pid && process.kill(bareServer.pid, 'SIGUSR2'), output: bareServer.output }, /relay trace (\S+)/);
}

const indent = (lines: string[]) => lines.map((l) => `    ${l}`).join('\n');

export async function run(args: string[]): Promise<boolean> {
  const option = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const measureMs = option('seconds', 20) * 1000;
  const throughputMs = option('throughput-seconds', 15) * 1000;
  const historyUpdates = option('history', 100_000);
  const profileDir = args.find((a) => a.startsWith('--profile='))?.split('=')[1];
  const editor = args.includes('--client=provider') ? providerEditor : productEditor;
  if (!process.env.DATABASE_URL) {
    console.error('collab benchmark: needs a PostgreSQL server in DATABASE_URL (a database is made and dropped there)');
    return false;
  }
  const loadBefore = os.loadavg();
  console.log(`collab benchmark — node ${process.version}, ${os.cpus().length} CPUs, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
  const db = await createTestDatabase();
  if (args.includes('--only=history')) {
    const orm = await openOrm({ clientUrl: db.databaseUrl!, poolMax: 2, entities: ENTITIES });
    try {
      await migrate(orm);
      const history = await measureHistoryLoad(orm, db.databaseUrl!, historyUpdates);
      printHistory(history);
      console.log(`  load average after ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
      return report([historyCheck(history)]);
    } finally {
      await orm.close(true);
      await db.drop();
    }
  }
  // Every benchmark client comes from 127.0.0.1; the per-address cap is for the public, not for this.
  process.env.WS_CONNECTIONS_PER_ADDRESS = '1000';
  const nodeFlags = productionNodeFlags();
  console.log(`  servers run with the flags of \`npm start\`: ${nodeFlags.join(' ')}`);
  console.log(
    editor === providerEditor
      ? "  editors: the product's are @hocuspocus/provider, the bare side's a minimal y-protocols client"
      : "  editors: a minimal y-protocols client on both sides (the product's speaks Hocuspocus' framing; --client=provider for the provider)",
  );
  const server = await ServerProcess.create(db.databaseUrl!, [...nodeFlags, ...loopProbeFlags(), ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])]);
  const endPhase = () => (profileDir ? server.terminate() : server.kill9());
  try {
    await server.start();
    const relayPlans = await createPlans(server, DOCUMENTS, true);
    const throughputPlans = await createPlans(server, THROUGHPUT_EDITORS, false);
    console.log(`  ${DOCUMENTS + THROUGHPUT_EDITORS} plans created through the API; measuring the commit price…`);
    const commit = await measureCommitPrice(db.databaseUrl!);

    console.log(`    commit p50 ${commit.p50Ms.toFixed(2)} ms, p99 ${commit.p99Ms.toFixed(2)} ms (${commit.settings})`);
    console.log('  bare y-websocket: typing…');
    const bareServer = await startBareServer();
    const bareRooms: Room[] = relayPlans.map((p) => Array.from({ length: EDITORS_PER_DOCUMENT }, () => bareEditor(bareServer.url, p.documentName)));
    const stages = args.includes('--stages');
    const bareTraced = stages ? bareTrace(bareServer) : undefined;
    const bare = await runPhase({ rooms: bareRooms, pace: TYPING, warmUpMs: 3000, measureMs, serverPid: bareServer.pid, serverOutput: bareServer.output, aroundMeasure: bareTraced?.aroundMeasure });
    console.log(`    p50 ${bare.p50Ms.toFixed(1)} ms, p99 ${bare.p99Ms.toFixed(1)} ms, ${bare.edits} edits`);
    if (bareTraced) console.log(indent(bareTraced.report('bare relay split (ms)', bare.recorder, bare.p99Ms)));
    for (const e of bareRooms.flat()) e.close();
    await bareServer.stop();

    // The floor: what any server that commits each update before relaying it achieves here, at the least cost.
    console.log('  bare y-websocket + durable append (the floor): typing, then kill -9 while they type…');
    const floorServer = await startBareServer(db.databaseUrl!);
    const floorRooms: Room[] = relayPlans.map((p) => Array.from({ length: EDITORS_PER_DOCUMENT }, () => bareEditor(floorServer.url, p.documentName)));
    const floorTraced = stages ? bareTrace(floorServer) : undefined;
    const floor = await runPhase({
      rooms: floorRooms,
      pace: TYPING,
      warmUpMs: 3000,
      measureMs,
      serverPid: floorServer.pid,
      serverOutput: floorServer.output,
      databaseUrl: db.databaseUrl,
      logSequence: 'bare_update_seq_seq',
      atEnd: floorServer.kill9,
      aroundMeasure: floorTraced?.aroundMeasure,
    });
    for (const e of floorRooms.flat()) e.close();
    const floorDurable = await checkDurability(floorRooms, floor.recorder, (r) => storedBareDocument(db.databaseUrl!, relayPlans[r].documentName));
    const floorAppends = readAppendFigures(floorServer.output());
    console.log(`    p50 ${floor.p50Ms.toFixed(1)} ms, p99 ${floor.p99Ms.toFixed(1)} ms, ${floor.edits} edits; durable ${floorDurable.stored}/${floorDurable.seen}`);
    if (floorTraced) console.log(indent(floorTraced.report('floor relay split (ms; server before apply = the wait for its commit)', floor.recorder, bare.p99Ms)));
    const floorFigures = { floor, floorDurable, floorAppends };

    console.log('  product: typing, then kill -9 while they type…');
    const productRooms: Room[] = relayPlans.map((p) =>
      Array.from({ length: EDITORS_PER_DOCUMENT }, (_, k) => editor(server.url, p.documentName, p.writers[k % p.writers.length])),
    );
    const productTraced = stages ? stageTimings(server, db.databaseUrl!) : undefined;
    const productStartedAt = new Date();
    const product = await runPhase({
      rooms: productRooms,
      pace: TYPING,
      warmUpMs: 3000,
      measureMs,
      serverPid: server.pid,
      serverOutput: () => server.recentOutput,
      databaseUrl: db.databaseUrl,
      atEnd: endPhase,
      aroundMeasure: productTraced?.aroundMeasure,
    });
    for (const e of productRooms.flat()) e.close();
    const productDurable = await checkDurability(productRooms, product.recorder, (r) => server.stored(relayPlans[r].documentName));
    console.log(`    p50 ${product.p50Ms.toFixed(1)} ms, p99 ${product.p99Ms.toFixed(1)} ms, ${product.edits} edits, ${Math.round(product.rowsPerSecond ?? 0)} rows/s; durable ${productDurable.stored}/${productDurable.seen}`);
    const upkeep = await upkeepSince(db.databaseUrl!, relayPlans.map((p) => p.documentName), productStartedAt);
    console.log(
      `    compaction: ${upkeep.compacted} of ${relayPlans.length} documents compacted during the phase (a document is compacted once quiet for ${COMPACTION.idleMs / 1000} s, or at ${COMPACTION.maxUpdates.toLocaleString('en-US')} rows); rows left in the log per document: ${upkeep.rowsMin}–${upkeep.rowsMax}`,
    );
    if (productTraced) console.log(indent(productTraced.report('FE2I relay split (ms)', product.recorder, bare.p99Ms)));
    if (args.includes('--only=typing')) return printTypingReport({ commit, bare, ...floorFigures, product, productDurable, loadBefore, loadAfter: os.loadavg() });

    const repeats = Math.max(1, option('repeats', 3));
    const runs: PhaseResult[] = [];
    let throughputDurable: Durability = { seen: 0, stored: 0 };
    for (let k = 1; k <= repeats; k++) {
      console.log(`  product: store capacity (100 editors flat out), then kill -9… (run ${k} of ${repeats})`);
      await server.start();
      const flatRooms: Room[] = throughputPlans.map((p) => [editor(server.url, p.documentName, p.writers[0])]);
      const run = await runPhase({
        rooms: flatRooms,
        pace: FLAT_OUT,
        warmUpMs: 3000,
        measureMs: throughputMs,
        serverPid: server.pid,
        databaseUrl: db.databaseUrl,
        atEnd: endPhase,
      });
      for (const e of flatRooms.flat()) e.close();
      const durable = await checkDurability(flatRooms, run.recorder, (r) => server.stored(throughputPlans[r].documentName));
      throughputDurable = { seen: throughputDurable.seen + durable.seen, stored: throughputDurable.stored + durable.stored };
      console.log(`    ${Math.round(run.rowsPerSecond ?? 0)} rows/s, ${run.edits} edits, server CPU ${fmt(run.serverCpuMs / 1000)} s in ${fmt(run.wallMs / 1000)} s; durable ${durable.stored}/${durable.seen}`);
      runs.push(run);
    }
    // The run whose rate is the median stands for the phase; every run's rate is printed beside it.
    const throughput = [...runs].sort((a, b) => (a.rowsPerSecond ?? 0) - (b.rowsPerSecond ?? 0))[Math.floor((runs.length - 1) / 2)];

    console.log(`  a plan with a ${historyUpdates.toLocaleString('en-US')}-update history: loading…`);
    const orm = await openOrm({ clientUrl: db.databaseUrl!, poolMax: 2, entities: ENTITIES });
    const history = await measureHistoryLoad(orm, db.databaseUrl!, historyUpdates).finally(() => orm.close(true));

    return printReport({ commit, bare, ...floorFigures, product, productDurable, throughput, throughputRuns: runs, throughputDurable, history, loadBefore, loadAfter: os.loadavg() });
  } finally {
    await server.stop();
    await db.drop();
  }
}
