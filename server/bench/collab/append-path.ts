import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { createDurabilityThread } from '../../src/collab/store/durability-thread.js';
import { UpdateLog } from '../../src/collab/store/update-log.js';
import { createUpdateChecker } from '../../src/collab/untrusted/update-checker.js';
import { openTestDatabase } from '../../test/test-database.js';
import { directAppender } from './direct-append.js';
import { mainThreadCpuMs, processCpuMs } from './processes.js';
import { quantile } from '../timing.js';

/**
 * The durable path alone, without Hocuspocus: 100 writers' typed updates (made beforehand) appended at the typing
 * benchmark's pace (one every 50–100 ms per writer), through the durability thread (`thread`), the path it replaced
 * (`pool`: the update checker, then UpdateLog.append on this thread), or `direct`: a prototype with no thread hop,
 * the bounded reader's check on this thread (the updates it vouches for, as the update checker's inline path) and
 * the same unnest INSERT on this thread's own pg connections (group commit, four in flight). Prints this process's
 * main-thread and total CPU per update and the append latency (arrival → committed).
 * Usage: tsx bench/collab/append-path.ts thread|pool|direct [seconds]
 */
const mode = process.argv[2] === 'pool' ? 'pool' : process.argv[2] === 'direct' ? 'direct' : 'thread';
const seconds = Number(process.argv[3] ?? 15);
const WRITERS = 100;

const db = await openTestDatabase();
const clientUrl = db.orm.config.get('clientUrl')!;
const updates: Uint8Array[][] = Array.from({ length: WRITERS }, (_, w) => {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  const text = doc.getText('notes');
  for (let k = 0; k < 200 * seconds; k++) text.insert(text.length, 'abcdefghij'[k % 10]);
  void w;
  return out;
});
const docOf = (w: number) => `project-plan:00000000-0000-4000-8000-${String(w % 20).padStart(12, '0')}`;

let append: (w: number, update: Uint8Array) => Promise<void>;
let close: () => Promise<void>;
if (mode === 'thread') {
  const thread = createDurabilityThread({ clientUrl, embedded: !process.env.DATABASE_URL });
  append = (w, update) => thread.append({ lane: w + 1, documentName: docOf(w), update, authorId: null });
  close = () => thread.close();
} else if (mode === 'direct') {
  const direct = directAppender(clientUrl);
  append = (w, update) => direct.append(w, update, docOf(w));
  close = direct.close;
} else {
  const checker = createUpdateChecker({ poolSize: 2, timeoutMs: 200 });
  const log = new UpdateLog(() => db.orm.em.fork());
  append = (w, update) => checker.check(update).then(() => log.append({ documentName: docOf(w), update, authorId: null }));
  close = async () => {
    await log.drain();
    await checker.close();
  };
}

const latencies: number[] = [];
let counting = false;
let appended = 0;
const next = new Array<number>(WRITERS).fill(0);
const timers: NodeJS.Timeout[] = [];
let stopped = false;
for (let w = 0; w < WRITERS; w++) {
  const turn = () => {
    if (stopped) return;
    const update = updates[w][next[w]++];
    const at = performance.now();
    const counted = counting;
    void append(w, update).then(() => {
      if (counted) {
        latencies.push(performance.now() - at);
        appended += 1;
      }
    });
    timers[w] = setTimeout(turn, 50 + Math.random() * 50);
  };
  timers[w] = setTimeout(turn, Math.random() * 100);
}
await new Promise((r) => setTimeout(r, 3000));
counting = true;
const main0 = mainThreadCpuMs(process.pid);
const all0 = processCpuMs(process.pid);
const t0 = performance.now();
await new Promise((r) => setTimeout(r, seconds * 1000));
counting = false;
const mainMs = mainThreadCpuMs(process.pid) - main0;
const allMs = processCpuMs(process.pid) - all0;
const wall = performance.now() - t0;
stopped = true;
for (const t of timers) clearTimeout(t);
await new Promise((r) => setTimeout(r, 500));
await close();
await db.close();
const n = Math.max(1, appended);
console.log(
  `${mode}: ${appended} appends in ${(wall / 1000).toFixed(1)} s; main thread ${((mainMs / n) * 1000).toFixed(0)} µs/append, process ${((allMs / n) * 1000).toFixed(0)} µs/append; ` +
    `latency p50 ${quantile(latencies, 0.5).toFixed(2)} ms p99 ${quantile(latencies, 0.99).toFixed(2)} ms (the updates' generation and the driver included in CPU)`,
);
process.exit(0);
