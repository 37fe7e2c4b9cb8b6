import 'reflect-metadata';
import os from 'node:os';
import { ENTITIES } from '../src/app/entities.js';
import { openOrm } from '../src/db/orm.js';
import { ServerProcess } from '../test/collab/server-process.js';
import { createTestDatabase } from '../test/test-database.js';
import { productEditor, providerEditor } from './collab/editors.js';
import { measureHistoryLoad } from './collab/history-load.js';
import { loopProbeFlags } from './collab/loop-probe.js';
import { productionNodeFlags } from './collab/processes.js';
import { typingInTurns, type TypingFigures, type TypingSetup } from './collab/typing-phases.js';
import { typingRepeated, type Repeat } from './collab/typing-repeats.js';
import { checkDurability, runPhase, type Durability, type PhaseResult } from './collab/relay-phase.js';
import { createPlans, type BenchPlan } from './collab/plans.js';
import { historyCheck, printHistory, printReport, printTypingReport } from './collab/collab-report.js';
import { fmt, medianBy, report } from './timing.js';
import { migrate } from '../src/db/orm.js';
import type { Room } from './collab/typing.js';

/**
 * Live documents under load, the real product against a bare y-websocket server in the same run (see
 * docs/ARCHITECTURE.md, "Benchmarks"): relay latency of 20 documents × 5 editors typing (and of the floor: the bare
 * server committing each update before relaying it, bare-durable-append.ts), the store's capacity
 * (100 editors at their socket's limit), the price of a commit on the same PostgreSQL, and the load time of a plan
 * with a 100k-update history before and after compaction. Exits 1 when a check fails. Needs DATABASE_URL.
 *
 * The three typing phases run one after the other, 20 s each (collab/typing-phases.ts), five times, the order rotating
 * (--typing-repeats=5; 1 with --stages): the relay check reads each server's median repeat and the median commit
 * price (collab/typing-repeats.ts says why one 20-s p99 decides nothing here); --in-turns runs them once in
 * turns instead (collab/relay-rounds.ts: five rounds of a 4-s slot per server, the order rotating), an investigation
 * aid whose figures are not the checked ones (see relay-rounds.ts for what it showed).
 *
 * Options: --seconds=20 (each server's relay measure; in turns, the sum of its slots), --throughput-seconds=15, --repeats=3 (runs of the flat-out phase, each
 * on a restarted server; the median is checked, the spread printed), --history=100000, --only=history (no server),
 * --stages (the server records where its writers' updates spend their time over the typing measure and prints it:
 * collab/store/stage-timings.ts; recording costs CPU and memory — its relay trace keeps a record per update, ~4.5 MB
 * more live heap on the product's server over 14 s of typing (two heap snapshots), enough to bring a major GC and its
 * burst of slow relays into the measure — so the figures of such a run are not the checked ones; the phases run in a
 * row, a trace covering one measure), --in-turns,
 * --only=typing (the commit price and the three typing phases, bare, the durable floor and product, and the relay
 * check: a minute and a half per repeat, --typing-repeats=1 to iterate on the relay's tail), --client=provider (the product's
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
/** The typing phases run this many times, the order rotating; each server's median p99 is checked (typing-repeats.ts). */
const TYPING_REPEATS = 5;

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
    const stages = args.includes('--stages');
    const inTurns = args.includes('--in-turns') && !stages;
    const typingRepeats = inTurns ? 1 : Math.max(1, option('typing-repeats', stages ? 1 : TYPING_REPEATS));
    const relayPlanSets: BenchPlan[][] = [];
    for (let k = 0; k < typingRepeats; k++) relayPlanSets.push(await createPlans(server, DOCUMENTS, true));
    const relayPlans = relayPlanSets[0];
    console.log(`  ${DOCUMENTS * typingRepeats} plans created through the API; measuring the commit price…`);
    const setup: TypingSetup = { server, endPhase, plans: relayPlans, editor, databaseUrl: db.databaseUrl!, pace: TYPING, editorsPerDocument: EDITORS_PER_DOCUMENT, measureMs, stages };
    let typing: TypingFigures;
    let typed: Repeat[] | undefined;
    if (inTurns) typing = await typingInTurns(setup);
    else {
      const repeated = await typingRepeated(setup, relayPlanSets);
      typing = repeated.median;
      typed = repeated.repeats;
    }
    if (args.includes('--only=typing')) return printTypingReport({ ...typing, repeats: typed, loadBefore, loadAfter: os.loadavg() });

    const repeats = Math.max(1, option('repeats', 3));
    const runs: PhaseResult[] = [];
    let throughputDurable: Durability = { seen: 0, stored: 0 };
    // Made once the typing is done (the product's server was killed in its last repeat), not before it: a run of
    // `--only=typing` has no use for them.
    let throughputPlans: BenchPlan[] = [];
    for (let k = 1; k <= repeats; k++) {
      await server.start();
      if (k === 1) throughputPlans = await createPlans(server, THROUGHPUT_EDITORS, false);
      console.log(`  product: store capacity (100 editors flat out), then kill -9… (run ${k} of ${repeats})`);
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
    const throughput = medianBy(runs, (r) => r.rowsPerSecond ?? 0);

    console.log(`  a plan with a ${historyUpdates.toLocaleString('en-US')}-update history: loading…`);
    const orm = await openOrm({ clientUrl: db.databaseUrl!, poolMax: 2, entities: ENTITIES });
    const history = await measureHistoryLoad(orm, db.databaseUrl!, historyUpdates).finally(() => orm.close(true));

    return printReport({ ...typing, repeats: typed, throughput, throughputRuns: runs, throughputDurable, history, loadBefore, loadAfter: os.loadavg() });
  } finally {
    await server.stop();
    await db.drop();
  }
}
