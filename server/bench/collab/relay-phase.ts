import { performance } from 'node:perf_hooks';
import pg from 'pg';
import * as Y from 'yjs';
import { quantile } from '../timing.js';
import type { Editor } from './editors.js';
import { awaitProbe, probeCount, signalProbe, type LoopFigures } from './loop-probe.js';
import { mainThreadCpuMs, processCpuMs } from './processes.js';
import { ClientProbe } from './relay-split.js';
import { RelayRecorder, startTyping, type Pace, type Room } from './typing.js';

export interface PhaseOptions {
  /** One room per document: its editors, opened and not yet synced. */
  rooms: Room[];
  pace: Pace;
  warmUpMs: number;
  measureMs: number;
  /** The server process (its CPU time is read beside this process's). */
  serverPid: number | undefined;
  /** What the server printed so far: its loop probe's line (loop-probe.mjs, preloaded) is read there. */
  serverOutput?: () => string;
  /** The database whose update log counts persisted rows; none for the bare server. */
  databaseUrl?: string;
  /** The sequence numbering that update log's rows: the product's unless told (the durable floor's bare_update). */
  logSequence?: string;
  /** Called while the editors still type, once the measure is over (the product's phase kills the server there). */
  atEnd?: () => Promise<void>;
  /** Called as the measure starts and as it ends (the product's phase has the server record its stage timings). */
  aroundMeasure?: { start(): void; end(): Promise<void> };
}

export interface PhaseResult {
  editors: number;
  edits: number;
  editsPerSecond: number;
  relays: number;
  p50Ms: number;
  p99Ms: number;
  wallMs: number;
  /** CPU time of this process (the clients) and of the server process over the measure. */
  clientCpuMs: number;
  serverCpuMs: number;
  /** Of which the server's main thread (its event loop, which relays every edit). */
  serverMainCpuMs: number;
  /**
   * CPU time of the PostgreSQL backends serving the benchmark's database over the measure (product only; from
   * /proc: PostgreSQL on this machine), a figure of the durable path's cost that the load of the machine moves little.
   */
  pgCpuMs?: number;
  /**
   * Updates persisted per second over the measure (product only): the editors' updates the server acknowledged,
   * each only once its row was committed (the kill -9 check at the end holds it to that), over wall time.
   */
  rowsPerSecond?: number;
  /** Rows the update log numbered per second over the measure (its sequence), beside: a cross-check. */
  numberedPerSecond?: number;
  /** Transactions committed per second in the benchmark's database over the measure (the appends' group commits). */
  commitsPerSecond?: number;
  /** The server's event-loop delay and collector pauses over the measure (loop-probe.mjs); null if not read. */
  serverLoop: LoopFigures | null;
  /** The same of this process (the clients), as a line. */
  clientLoop: string;
  recorder: RelayRecorder;
}

/** Waits for every editor to be synced with the server. */
export async function allSynced(editors: Editor[], ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!editors.every((e) => e.synced())) {
    if (Date.now() > deadline) throw new Error(`${editors.filter((e) => !e.synced()).length} of ${editors.length} editors did not sync`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long the relays of the measure's last edits are waited for (the p99 is tens of ms; a relay later than this is lost to the figures). */
export const RELAYS_DRAIN_MS = 1000;

const ackedBy = (editors: Editor[]) => editors.reduce((n, e) => n + e.acked(), 0);

/** The backends serving the benchmark's database (the server's pool and its append connections). */
async function backendPids(client: pg.Client | undefined): Promise<number[]> {
  if (!client) return [];
  const { rows } = await client.query(`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
  return rows.map((r: { pid: number }) => Number(r.pid));
}

/** CPU time (ms) of those backends, by pid. */
const backendCpu = (pids: number[]) => new Map(pids.map((pid) => [pid, processCpuMs(pid)]));

/** The rows the update log has ever been given (its sequence: compaction deletes rows, not numbers). */
async function loggedRows(client: pg.Client | undefined, sequence = 'collab_update_seq_seq'): Promise<number> {
  if (!client) return 0;
  const { rows } = await client.query(`select coalesce(last_value, 0) as n from pg_sequences where sequencename = $1`, [sequence]);
  return Number(rows[0]?.n ?? 0);
}

/** Transactions committed in the benchmark's database so far (pg_stat_database: the appends' commits, mostly). */
async function commits(client: pg.Client | undefined): Promise<number> {
  if (!client) return 0;
  const { rows } = await client.query(`select xact_commit::text as n from pg_stat_database where datname = current_database()`);
  return Number(rows[0]?.n ?? 0);
}

/** What one measure window read (relay-rounds.ts sums several: a server's slots). */
export interface WindowFigures {
  wallMs: number;
  clientCpuMs: number;
  serverCpuMs: number;
  serverMainCpuMs: number;
  pgCpuMs: number;
  acked: number;
  rows: number;
  commits: number;
  serverLoop: LoopFigures | null;
  clientLoop: string;
}

type WindowOptions = Pick<PhaseOptions, 'measureMs' | 'serverPid' | 'serverOutput' | 'logSequence' | 'aroundMeasure'>;

/**
 * One measure window while the editors type: the recorder counts the edits made within it, and the CPU times, the
 * server's loop probe, the rows logged and the commits are read at its ends. `db` reads the database's figures
 * (none for the bare server).
 */
export async function measureWindow(options: WindowOptions, recorder: RelayRecorder, editors: Editor[], db: pg.Client | undefined): Promise<WindowFigures> {
  recorder.startCounting();
  const rows0 = await loggedRows(db, options.logSequence);
  const commits0 = await commits(db);
  const acked0 = ackedBy(editors);
  const cpu0 = process.cpuUsage();
  const server0 = processCpuMs(options.serverPid);
  const main0 = mainThreadCpuMs(options.serverPid);
  const pg0 = backendCpu(await backendPids(db));
  const t0 = performance.now();
  const probes0 = options.serverOutput ? probeCount(options.serverOutput()) : 0;
  if (options.serverOutput) signalProbe(options.serverPid);
  const clientProbe = new ClientProbe();
  clientProbe.start();
  options.aroundMeasure?.start();
  await sleep(options.measureMs);
  // The measure ends here for every figure: edits made later are not counted, and the CPU read now, before
  // `aroundMeasure.end()` makes the server print its stage timings (seconds of sorting and writing, on its loop).
  recorder.stopCounting();
  if (options.serverOutput) signalProbe(options.serverPid);
  const clientLoop = clientProbe.stop().line;
  const acked1 = ackedBy(editors);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const serverCpuMs = processCpuMs(options.serverPid) - server0;
  const serverMainCpuMs = mainThreadCpuMs(options.serverPid) - main0;
  let pgCpuMs = 0;
  for (const [pid, ms] of backendCpu(await backendPids(db))) if (Number.isFinite(ms)) pgCpuMs += ms - (pg0.get(pid) ?? 0);
  const rows1 = await loggedRows(db, options.logSequence);
  // pg_stat_database counts what backends flushed (PostgreSQL 15: about once a second each): ±1 s of commits.
  const commits1 = await commits(db);
  const serverLoop = options.serverOutput ? await awaitProbe(options.serverOutput, probes0) : null;
  return {
    wallMs,
    clientCpuMs: (cpu.user + cpu.system) / 1000,
    serverCpuMs,
    serverMainCpuMs,
    pgCpuMs,
    acked: acked1 - acked0,
    rows: rows1 - rows0,
    commits: commits1 - commits0,
    serverLoop,
    clientLoop,
  };
}

/** A phase's figures from its windows (one, or a server's slots summed) and its recorder's relays. */
export function phaseResult(editors: Editor[], recorder: RelayRecorder, w: WindowFigures, durable: boolean): PhaseResult {
  const edits = recorder.editsCounted();
  const latencies = [...recorder.latencies];
  return {
    editors: editors.length,
    edits,
    editsPerSecond: (edits / w.wallMs) * 1000,
    relays: latencies.length,
    p50Ms: latencies.length ? quantile(latencies, 0.5) : NaN,
    p99Ms: latencies.length ? quantile(latencies, 0.99) : NaN,
    wallMs: w.wallMs,
    clientCpuMs: w.clientCpuMs,
    serverCpuMs: w.serverCpuMs,
    serverMainCpuMs: w.serverMainCpuMs,
    pgCpuMs: durable ? w.pgCpuMs : undefined,
    // The bare server's editors are never acknowledged: no figure rather than 0.
    rowsPerSecond: durable && w.acked > 0 ? (w.acked / w.wallMs) * 1000 : undefined,
    numberedPerSecond: durable ? (w.rows / w.wallMs) * 1000 : undefined,
    commitsPerSecond: durable ? (w.commits / w.wallMs) * 1000 : undefined,
    serverLoop: w.serverLoop,
    clientLoop: w.clientLoop,
    recorder,
  };
}

/**
 * The editors of every room type at `pace`; after a warm-up, relay latencies, edits, rows logged and CPU times are
 * measured for `measureMs`.
 */
export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const editors = options.rooms.flat();
  await allSynced(editors);
  const recorder = new RelayRecorder(options.rooms);
  const stop = startTyping(options.rooms, recorder, options.pace);
  const db = options.databaseUrl ? new pg.Client({ connectionString: options.databaseUrl }) : undefined;
  await db?.connect();
  try {
    await sleep(options.warmUpMs);
    const window = await measureWindow(options, recorder, editors, db);
    // The relays of the measure's last edits arrive (the slowest among them included), then what follows may run.
    await sleep(RELAYS_DRAIN_MS);
    await options.aroundMeasure?.end();
    const result = phaseResult(editors, recorder, window, db !== undefined);
    await options.atEnd?.();
    stop();
    return result;
  } finally {
    stop();
    await db?.end();
  }
}

export interface Durability {
  /** Edits some client had seen acknowledged or relayed when the server died. */
  seen: number;
  /** Of those, the edits PostgreSQL holds. */
  stored: number;
}

/**
 * After a kill -9: every edit that its sender saw acknowledged, or that another editor received, must be in the
 * stored document. A stored document holds an editor's edits up to its state for that editor (Yjs applies an
 * editor's updates in clock order), so the check compares clocks and counts the edits they cover.
 */
export async function checkDurability(rooms: Room[], recorder: RelayRecorder, stored: (room: number) => Promise<Y.Doc>): Promise<Durability> {
  let seen = 0;
  let kept = 0;
  for (let r = 0; r < rooms.length; r++) {
    const doc = await stored(r);
    for (const editor of rooms[r]) {
      const id = editor.doc.clientID;
      const relayed = Math.max(0, ...rooms[r].filter((e) => e !== editor).map((e) => Y.getState(e.doc.store, id)));
      const required = Math.max(editor.ackedClock(), relayed);
      seen += recorder.editsUpTo(editor, required);
      kept += recorder.editsUpTo(editor, Math.min(required, Y.getState(doc.store, id)));
    }
    doc.destroy();
  }
  return { seen, stored: kept };
}
