import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { median, quantile } from '../timing.js';
import { commitTimes, priceOf, type CommitPrice } from './commit-price.js';
import type { LoopFigures } from './loop-probe.js';
import { allSynced, measureWindow, phaseResult, RELAYS_DRAIN_MS, sleep, type PhaseResult, type WindowFigures } from './relay-phase.js';
import { RelayRecorder, startTyping, type Pace, type Room } from './typing.js';

/**
 * The typing phases in turns (`--in-turns`): every server is up with its editors connected, and the servers type one
 * at a time, in short slots, round after round, the order rotating from round to round; each server's relays are
 * pooled over its slots, and the commit price is sampled before each round and pooled. The aim: whatever the machine
 * does during a run falls on each server alike, where the phases in a row compare the product's 20 s with the
 * baseline's earlier 20 s (the bare p99 alone went from 3.8 to 11.5 ms between runs of one day).
 *
 * Before each slot the machine is left to go quiet, and a server's own work after its slot (the product compacts the
 * documents that went quiet, COMPACTION in collab-server.ts) is waited for by its `afterSlot`, so that it does not
 * fall in another server's slot.
 *
 * What it showed (2026-12-07, 8 runs, load ~1, slot p99s in ms):
 * - Machine-wide disturbances fell on all three alike: rounds where the bare, floor and product slots all had 20–39.
 * - In the first runs the product's editors were idle for more than 30 s between slots and Hocuspocus dropped
 *   them (its `timeout`); they now keep their sockets open (Editor.keepAlive), and slots warm up 3 s, as a phase.
 * - Then, over 3 runs (5 slots per server each): median slot p99 bare 3.0, floor 9.7, product 16.8. In a 20-s phase in a row
 *   the same day (7 runs): floor 4.0–13.9 (median 5.9), product 3.8–7.0 but for one run's I/O stall (96.2, the isolated
 *   commit's own p99 4.9 ms in that run). Both durable servers do worse when they type after idle gaps, the
 *   product most; turning off its compaction (COMPACTION.everyMs raised for a run) or V8's memory reducer
 *   (`--no-memory-reducer`) changed nothing. The product's server ran 4 major collections (incremental marking) within
 *   its slots in each of the 3 runs, and none within a 20-s phase in a row.
 * - Where in a slot (one run, slots pooled, by second of the measure, i.e. from 3 s after typing resumed): FE2I 27.6 /
 *   24.7 / 7.6 / 6.9 ms, floor 26.2 / 13.9 / 39.7 / 7.5, bare 10.4 / 12.7 / 2.6 / 63.5 (a machine-wide disturbance
 *   in its last slots). The durable servers' tail sat in the first seconds after their idle gap.
 * Why is not understood yet: these figures are an investigation's, not the check's. The next step: the relays of the
 * first seconds after a pause of 10–30 s, which real plans have, for the floor and the product.
 */

export interface RoundsServer {
  rooms: Room[];
  serverPid: number | undefined;
  /** What the server printed so far: its loop probe's line is read there. */
  serverOutput?: () => string;
  /** The database whose update log counts persisted rows; none for the bare server. */
  databaseUrl?: string;
  logSequence?: string;
  /** After each of its slots: waits for what the server does once its documents are quiet. */
  afterSlot?: () => Promise<void>;
}

export interface RoundsOptions {
  servers: RoundsServer[];
  pace: Pace;
  rounds: number;
  /** Each slot's measure; each server is measured rounds × slotMs in all. */
  slotMs: number;
  /** Typing before each slot's measure. */
  warmUpMs: number;
  /** The commit price's database, and the commits timed before each round (nobody typing). */
  databaseUrl: string;
  commitsPerRound: number;
}

export interface RoundsResult {
  /** By server, in the order given: the relays of all its slots pooled; CPU times and counts summed over them. */
  phases: PhaseResult[];
  commit: CommitPrice;
  /** By server: each slot's own relay p99, round by round. */
  slotP99s: number[][];
  /**
   * By server: the relay p99 of the edits made in each second of the slots' measures (second 0 starts after the
   * warm-up), all slots pooled: whether a durable server's tail sits in the first seconds after its idle gap.
   */
  secondP99s: number[][];
  /** How long the machine took to go quiet before a slot: median and highest, ms. */
  settleMs: { median: number; max: number };
}

/** The machine is quiet when it is busy less than this share of its CPU time over half a second. */
const QUIET_SHARE = 0.05;
const SETTLE_MAX_MS = 5000;

/** Busy and total CPU time of the machine so far (/proc/stat, clock ticks). */
function machineTicks(): [busy: number, total: number] {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return [total - fields[3] - (fields[4] ?? 0), total];
}

/** Waits until the machine is quiet (or SETTLE_MAX_MS passed); returns how long it waited. */
export async function settle(): Promise<number> {
  const t0 = performance.now();
  let [busy0, total0] = machineTicks();
  for (;;) {
    await sleep(500);
    const [busy1, total1] = machineTicks();
    const share = (busy1 - busy0) / Math.max(1, total1 - total0);
    [busy0, total0] = [busy1, total1];
    if (share < QUIET_SHARE || performance.now() - t0 >= SETTLE_MAX_MS) return performance.now() - t0;
  }
}

/**
 * Two windows' figures as one: times and counts summed; of the loop probe, the delay's p50 weighted by the windows'
 * seconds, its p99 and maximum the highest window's, collector pauses summed (their p99 and maximum the highest).
 * The clients' loop line is the later window's.
 */
export function mergedWindows(a: WindowFigures | null, b: WindowFigures): WindowFigures {
  if (!a) return b;
  return {
    wallMs: a.wallMs + b.wallMs,
    clientCpuMs: a.clientCpuMs + b.clientCpuMs,
    serverCpuMs: a.serverCpuMs + b.serverCpuMs,
    serverMainCpuMs: a.serverMainCpuMs + b.serverMainCpuMs,
    pgCpuMs: a.pgCpuMs + b.pgCpuMs,
    acked: a.acked + b.acked,
    rows: a.rows + b.rows,
    commits: a.commits + b.commits,
    serverLoop: mergedLoops(a.serverLoop, b.serverLoop),
    clientLoop: b.clientLoop,
  };
}

function mergedLoops(a: LoopFigures | null, b: LoopFigures | null): LoopFigures | null {
  if (!a || !b) return a ?? b;
  const seconds = a.seconds + b.seconds;
  const gc = { ...a.gc };
  for (const [kind, g] of Object.entries(b.gc)) {
    const x = gc[kind];
    gc[kind] = x ? { n: x.n + g.n, totalMs: x.totalMs + g.totalMs, p99Ms: Math.max(x.p99Ms, g.p99Ms), maxMs: Math.max(x.maxMs, g.maxMs) } : g;
  }
  return {
    seconds,
    delayP50: (a.delayP50 * a.seconds + b.delayP50 * b.seconds) / Math.max(1e-9, seconds),
    delayP99: Math.max(a.delayP99, b.delayP99),
    delayMax: Math.max(a.delayMax, b.delayMax),
    gc,
  };
}

/** The servers type in turns (see above); resolves with each server's pooled figures, its editors still connected. */
export async function runRounds(options: RoundsOptions): Promise<RoundsResult> {
  const { servers } = options;
  const recorders = servers.map((s) => new RelayRecorder(s.rooms));
  const windows: (WindowFigures | null)[] = servers.map(() => null);
  const slotP99s: number[][] = servers.map(() => []);
  const bySecond: number[][][] = servers.map(() => []);
  const settles: number[] = [];
  const commits: number[] = [];
  let settings = '';
  const dbs = servers.map((s) => (s.databaseUrl ? new pg.Client({ connectionString: s.databaseUrl }) : undefined));
  try {
    for (const db of dbs) await db?.connect();
    for (const s of servers) await allSynced(s.rooms.flat());
    for (let round = 0; round < options.rounds; round++) {
      for (let k = 0; k < servers.length; k++) {
        const at = (round + k) % servers.length;
        const server = servers[at];
        // The other servers' editors keep their sockets open while they wait (the product drops idle ones).
        for (let o = 0; o < servers.length; o++) if (o !== at) for (const e of servers[o].rooms.flat()) e.keepAlive();
        settles.push(await settle());
        if (k === 0) {
          const sample = await commitTimes(options.databaseUrl, options.commitsPerRound);
          commits.push(...sample.times);
          settings = sample.settings;
        }
        const recorder = recorders[at];
        const before = recorder.latencies.length;
        let measureFrom = Infinity;
        const stop = startTyping(server.rooms, recorder, options.pace);
        try {
          await sleep(options.warmUpMs);
          measureFrom = performance.now();
          const window = await measureWindow({ ...server, measureMs: options.slotMs }, recorder, server.rooms.flat(), dbs[at]);
          // The relays of the slot's last edits arrive while the editors go on typing, as at the end of a phase.
          await sleep(RELAYS_DRAIN_MS);
          windows[at] = mergedWindows(windows[at], window);
        } finally {
          stop();
        }
        const slot = recorder.latencies.slice(before);
        slotP99s[at].push(slot.length ? quantile(slot, 0.99) : NaN);
        for (let i = before; i < recorder.latencies.length; i++) {
          const second = Math.floor((recorder.sentAts[i] - measureFrom) / 1000);
          if (second >= 0) (bySecond[at][second] ??= []).push(recorder.latencies[i]);
        }
        await server.afterSlot?.();
      }
    }
  } finally {
    for (const db of dbs) await db?.end();
  }
  return {
    phases: servers.map((s, k) => phaseResult(s.rooms.flat(), recorders[k], windows[k]!, s.databaseUrl !== undefined)),
    commit: priceOf(commits, settings),
    slotP99s,
    secondP99s: bySecond.map((seconds) => Array.from(seconds, (l) => (l?.length ? quantile(l, 0.99) : NaN))),
    settleMs: settles.length ? { median: median(settles), max: Math.max(...settles) } : { median: 0, max: 0 },
  };
}

/**
 * A durable server's end, as a phase in one go ends it: its editors type (`warmUpMs`), then `kill` runs while they
 * still do; the recorder notes every edit made, for the kill -9 check (checkDurability).
 */
export async function killWhileTyping(rooms: Room[], recorder: RelayRecorder, pace: Pace, warmUpMs: number, kill: () => Promise<void>): Promise<void> {
  const stop = startTyping(rooms, recorder, pace);
  try {
    await sleep(warmUpMs);
    await kill();
  } finally {
    stop();
  }
}
