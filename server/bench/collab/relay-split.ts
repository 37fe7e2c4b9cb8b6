import { readFileSync, rmSync } from 'node:fs';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import pg from 'pg';
import type { TraceFile } from '../../src/collab/store/relay-trace.js';
import { quantile } from '../timing.js';
import type { RelayRecorder } from './typing.js';

/**
 * Where the client-seen relay time goes (--stages), both sides alike: the server's relay trace (relay-trace.ts:
 * each update's arrival, commit and broadcast) joined with the clients' send, receipt and apply of each edit, on
 * one clock (`performance.timeOrigin + performance.now()`, comparable between processes of one machine). Beside,
 * what ran when the slow relays did: the collector's pauses on both sides, the benchmark's own event-loop delay
 * (its clients share the two cores with the server), the compaction rounds, and PostgreSQL's checkpoints and
 * (auto)vacuums of the update log.
 */

/** The parts of a relay, in order; each ends where the next starts (the bare server commits nothing). */
const PARTS = ['client→server', 'server before apply', 'apply+broadcast', 'flush (≤ a turn)', 'wire+client'] as const;

/** The benchmark process's own event loop and collector over the measure, with when (this process's clock). */
export class ClientProbe {
  private readonly delay = monitorEventLoopDelay({ resolution: 1 });
  private readonly gc: [number, number][] = [];
  /** [when, how late] of a 10 ms timer: the loop's lateness over time. */
  private readonly lateness: [number, number][] = [];
  private observer: PerformanceObserver | null = null;
  private timer: NodeJS.Timeout | null = null;

  start(): void {
    this.delay.enable();
    this.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) this.gc.push([entry.startTime, entry.duration]);
    });
    this.observer.observe({ entryTypes: ['gc'] });
    let expected = performance.now() + 10;
    this.timer = setInterval(() => {
      const now = performance.now();
      this.lateness.push([now, Math.max(0, now - expected)]);
      expected = now + 10;
    }, 10);
  }

  stop(): { line: string; gc: [number, number][]; lateness: [number, number][] } {
    this.delay.disable();
    this.observer?.disconnect();
    if (this.timer) clearInterval(this.timer);
    const ms = (ns: number) => (ns / 1e6).toFixed(2);
    const gcTotal = this.gc.reduce((a, [, d]) => a + d, 0);
    const gcMax = Math.max(0, ...this.gc.map(([, d]) => d));
    return {
      line: `bench client: loop delay p50 ${ms(this.delay.percentile(50))} p99 ${ms(this.delay.percentile(99))} max ${ms(this.delay.max)} ms; GC ${this.gc.length} pauses, ${gcTotal.toFixed(0)} ms, max ${gcMax.toFixed(1)} ms`,
      gc: this.gc,
      lateness: this.lateness,
    };
  }
}

/** PostgreSQL's checkpoints and the update log's table activity, read before and after the measure. */
export async function pgActivity(databaseUrl: string): Promise<Record<string, number | string | null>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const bg = (await client.query(`select checkpoints_timed, checkpoints_req, buffers_checkpoint, buffers_backend, buffers_backend_fsync from pg_stat_bgwriter`)).rows[0];
    const t = (
      await client.query(
        `select n_tup_ins, n_tup_del, n_live_tup, n_dead_tup, vacuum_count, autovacuum_count, autoanalyze_count,
                extract(epoch from last_autovacuum) * 1000 as last_autovacuum, extract(epoch from last_autoanalyze) * 1000 as last_autoanalyze
           from pg_stat_user_tables where relname = 'collab_update'`,
      )
    ).rows[0];
    return Object.fromEntries(Object.entries({ ...bg, ...t }).map(([k, v]) => [k, v === null ? null : Number(v)]));
  } finally {
    await client.end();
  }
}

/** What changed between two `pgActivity` readings, and when an autovacuum/autoanalyze ended within the measure. */
export function pgActivityLine(before: Record<string, unknown>, after: Record<string, unknown>, measureStartEpochMs: number): string {
  const counts = ['checkpoints_timed', 'checkpoints_req', 'buffers_checkpoint', 'buffers_backend', 'buffers_backend_fsync', 'n_tup_ins', 'n_tup_del', 'autovacuum_count', 'autoanalyze_count'];
  const changes = counts.map((k) => `${k} +${Number(after[k] ?? 0) - Number(before[k] ?? 0)}`);
  const when = (k: string) =>
    after[k] && after[k] !== before[k] ? ` ${k} ended at ${((Number(after[k]) - measureStartEpochMs) / 1000).toFixed(1)} s` : '';
  return `postgres: ${changes.join(', ')}; dead rows ${after.n_dead_tup}, live ${after.n_live_tup};${when('last_autovacuum')}${when('last_autoanalyze')}`;
}

/** Reads the trace file the server wrote (and removes it). */
export function readTrace(output: string, marker: RegExp): TraceFile | null {
  const match = marker.exec(output);
  if (!match) return null;
  const trace = JSON.parse(readFileSync(match[1], 'utf8')) as TraceFile;
  rmSync(match[1], { force: true });
  return trace;
}

interface Joined {
  /** When the edit was made (this process's clock). */
  sentAt: number;
  total: number;
  parts: number[];
}

/** Each counted relay the trace saw whole, split into PARTS (ms). */
function join(recorder: RelayRecorder, trace: TraceFile): { joined: Joined[]; of: number } {
  const shift = trace.timeOrigin - performance.timeOrigin; // server time + shift = this process's time
  const joined: Joined[] = [];
  for (const r of recorder.relays) {
    const t = trace.updates[r.key];
    if (!t || !t[0] || !t[2]) continue;
    // Not flushed yet when the trace was written: taken as sent.
    const [arrived, committed, sent, flushed] = [t[0], t[1], t[2], t[3] || t[2]].map((x) => x + shift);
    const ready = t[1] ? committed : arrived;
    joined.push({
      sentAt: r.sentAt,
      total: r.appliedAt - r.sentAt,
      parts: [arrived - r.sentAt, ready - arrived, sent - ready, flushed - sent, r.appliedAt - flushed],
    });
  }
  return { joined, of: recorder.relays.length };
}

/**
 * The split, one line per part: its p50 and p99, and its mean over the relays slower than the p99 of the joined
 * relays (those means add up to their mean total: the share of each part in the tail).
 */
export function splitLines(label: string, recorder: RelayRecorder, trace: TraceFile): string[] {
  const { joined, of } = join(recorder, trace);
  if (!joined.length) return [`${label}: no relay of the trace could be joined (${of} relays)`];
  const totals = joined.map((j) => j.total);
  const p99 = quantile(totals, 0.99);
  const tail = joined.filter((j) => j.total >= p99);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const lines = [
    `${label}: ${joined.length} of ${of} relays joined; total p50 ${quantile(totals, 0.5).toFixed(2)} p99 ${p99.toFixed(2)} ms; ` +
      `part: p50 / p99 / mean over the ${tail.length} relays ≥ p99 (mean total ${mean(tail.map((j) => j.total)).toFixed(2)})`,
  ];
  PARTS.forEach((part, i) => {
    const xs = joined.map((j) => j.parts[i]);
    lines.push(`  ${part.padEnd(20)} ${quantile(xs, 0.5).toFixed(2).padStart(7)} ${quantile(xs, 0.99).toFixed(2).padStart(7)} ${mean(tail.map((j) => j.parts[i])).toFixed(2).padStart(7)}`);
  });
  // When the tail's relays were made (by second of the measure) and which parts made them slow then: a tail made
  // in one stretch of the measure (its first seconds, say) points at what ran then, not at the steady path.
  const bySecond = new Map<number, Joined[]>();
  for (const j of tail) {
    const s = Math.floor((j.sentAt - recorder.countingFrom) / 1000);
    const inSecond = bySecond.get(s);
    if (inSecond) inSecond.push(j);
    else bySecond.set(s, [j]);
  }
  lines.push(`  the relays ≥ p99 by second of the measure: count, then each part's mean (ms) in the order above`);
  for (const [s, js] of [...bySecond.entries()].sort((a, b) => a[0] - b[0])) {
    lines.push(`    ${String(s).padStart(3)} s ${String(js.length).padStart(5)}  ${PARTS.map((_, i) => mean(js.map((j) => j.parts[i])).toFixed(2).padStart(6)).join(' ')}`);
  }
  const clockCheck = Math.min(...joined.map((j) => j.parts[0]));
  lines.push(`  (clock check: the smallest client→server part is ${clockCheck.toFixed(3)} ms; negative would mean skewed clocks)`);
  return lines;
}

/**
 * The half-seconds of the measure that had relays slower than `thresholdMs`: their count and maximum beside what
 * ran then: the server's and the client's GC pauses (ms in the bucket), the client's worst timer lateness, and
 * whether a compaction round overlapped (documents, rows, its duration).
 */
export function burstLines(recorder: RelayRecorder, thresholdMs: number, trace: TraceFile, client: ReturnType<ClientProbe['stop']>, bucketMs = 500): string[] {
  const from = recorder.countingFrom;
  const shift = trace.timeOrigin - performance.timeOrigin;
  const bucket = (t: number) => Math.floor((t - from) / bucketMs);
  const slow = new Map<number, { n: number; max: number }>();
  recorder.latencies.forEach((ms, i) => {
    if (ms <= thresholdMs) return;
    const b = bucket(recorder.sentAts[i]);
    const e = slow.get(b) ?? { n: 0, max: 0 };
    slow.set(b, { n: e.n + 1, max: Math.max(e.max, ms) });
  });
  const sumIn = (pauses: [number, number][], b: number) => pauses.filter(([t]) => bucket(t) === b).reduce((a, [, d]) => a + d, 0);
  const serverGc = trace.gc.map(([t, d]) => [t + shift, d] as [number, number]);
  const lines = [`half-seconds with relays over ${thresholdMs.toFixed(1)} ms: second relays (max) | server GC ms | client GC ms | client lateness max | compaction`];
  for (const [b, { n, max }] of [...slow.entries()].sort((x, y) => x[0] - y[0])) {
    const lateness = Math.max(0, ...client.lateness.filter(([t]) => bucket(t) === b).map(([, l]) => l));
    const rounds = trace.compactions
      .filter((c) => bucket(c.start + shift) <= b && bucket(c.end + shift) >= b)
      .map((c) => `${c.documents} docs ${c.rows} rows ${(c.end - c.start).toFixed(0)} ms`);
    lines.push(
      `  ${((b * bucketMs) / 1000).toFixed(1).padStart(5)}s ${String(n).padStart(5)} (${max.toFixed(0)} ms) | ${sumIn(serverGc, b).toFixed(0)} | ${sumIn(client.gc, b).toFixed(0)} | ${lateness.toFixed(0)} | ${rounds.join(', ') || '—'}`,
    );
  }
  const rounds = trace.compactions.map((c) => `${((c.start + shift - from) / 1000).toFixed(1)}–${((c.end + shift - from) / 1000).toFixed(1)} s (${c.documents} docs, ${c.rows} rows)`);
  lines.push(`compaction rounds in the measure: ${rounds.join(', ') || 'none'}`);
  return lines;
}

/**
 * The relays of edits sent while a document was being compacted (from its advisory lock to its commit: a trace's
 * compaction span) against the others, and likewise inside a round (its first document's start to its last's end,
 * paces included) and outside: whether the rounds, not only their neighbourhood in the bursts' table, hold the tail.
 */
export function compactionSplitLines(recorder: RelayRecorder, trace: TraceFile): string[] {
  const shift = trace.timeOrigin - performance.timeOrigin;
  const spans = trace.compactions.map((c) => [c.start + shift, c.end + shift] as const);
  // Rounds: spans less than 2 s apart (the pace is everyMs / 2 / documentsPerRound; rounds are everyMs apart).
  const rounds: [number, number][] = [];
  for (const [s, e] of spans) {
    const last = rounds[rounds.length - 1];
    if (last && s - last[1] < 2000) last[1] = Math.max(last[1], e);
    else rounds.push([s, e]);
  }
  const line = (label: string, within: readonly (readonly [number, number])[]) => {
    const inside: number[] = [];
    const outside: number[] = [];
    recorder.latencies.forEach((ms, i) => {
      const t = recorder.sentAts[i];
      (within.some(([s, e]) => t >= s && t <= e) ? inside : outside).push(ms);
    });
    const part = (xs: number[]) => (xs.length ? `${xs.length} relays p50 ${quantile(xs, 0.5).toFixed(2)} p99 ${quantile(xs, 0.99).toFixed(2)} ms` : 'no relay');
    return `  ${label.padEnd(22)} inside: ${part(inside)} | outside: ${part(outside)}`;
  };
  // Which part of the relay a document's compaction lengthens: PostgreSQL's commits (server before apply) or the loop.
  const { joined } = join(recorder, trace);
  const during = (j: Joined) => spans.some(([s, e]) => j.sentAt >= s && j.sentAt <= e);
  const inside = joined.filter(during);
  const outside = joined.filter((j) => !during(j));
  const parts = PARTS.map((part, i) => {
    const q = (xs: Joined[]) => (xs.length ? `${quantile(xs.map((j) => j.parts[i]), 0.5).toFixed(2)}/${quantile(xs.map((j) => j.parts[i]), 0.99).toFixed(2)}` : '—');
    return `    ${part.padEnd(20)} inside ${q(inside).padStart(13)} | outside ${q(outside).padStart(13)}`;
  });
  return [
    `relays by when their edit was sent (${spans.length} documents compacted in ${rounds.length} rounds):`,
    line('document compacting', spans),
    line('compaction round', rounds),
    '  parts (p50/p99 ms), inside vs outside a document compacting:',
    ...parts,
  ];
}

export interface TracedMeasure {
  aroundMeasure: { start(): void; end(): Promise<void> };
  /** After the phase: the split, the bursts and what ran then, as lines to print. */
  report(label: string, recorder: RelayRecorder, thresholdMs: number): string[];
}

/**
 * Around a phase's measure: the server's trace switched on and off (`signal`, SIGUSR2), the client's probe, and
 * PostgreSQL's activity read before and after when there is a database.
 */
export function tracedMeasure(server: { signal(): void; output(): string }, marker: RegExp, databaseUrl?: string): TracedMeasure {
  const probe = new ClientProbe();
  let trace: TraceFile | null = null;
  let client: ReturnType<ClientProbe['stop']> | null = null;
  let pgBefore: Record<string, unknown> | null = null;
  let pgLine = '';
  let startedAt = 0;
  return {
    aroundMeasure: {
      start() {
        startedAt = Date.now();
        server.signal();
        probe.start();
        if (databaseUrl) void pgActivity(databaseUrl).then((r) => (pgBefore = r));
      },
      async end() {
        client = probe.stop();
        server.signal();
        const deadline = Date.now() + 10_000;
        while (!marker.test(server.output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        trace = readTrace(server.output(), marker);
        if (databaseUrl && pgBefore) pgLine = pgActivityLine(pgBefore, await pgActivity(databaseUrl), startedAt);
      },
    },
    report(label, recorder, thresholdMs) {
      if (!trace || !client) return [`${label}: no relay trace from the server`];
      return [...splitLines(label, recorder, trace), client.line, ...(pgLine ? [pgLine] : []), ...burstLines(recorder, thresholdMs, trace, client), ...compactionSplitLines(recorder, trace)];
    },
  };
}
