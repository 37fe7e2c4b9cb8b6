import { monitorEventLoopDelay, performance, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';
import { RelayTrace, type TraceFile } from './relay-trace.js';

/**
 * Where a writer's update spends its time on the durable relay path, recorded only while switched on (the server
 * process switches it on and off on SIGUSR2, see main.ts; the collab benchmark does so around its measure):
 *   check   — from its frame's arrival to its check passing (with the checks of its connection's earlier updates);
 *   queue   — from then to its INSERT being sent (waiting for a free append connection, or for the turn to end);
 *   commit  — the INSERT + COMMIT round trip of its batch;
 *   handoff — from its commit to Hocuspocus taking it (its connection's earlier messages handled first);
 *   apply   — from then to the next turn of the event loop, where Hocuspocus' broadcast of the turn's updates goes;
 *   total   — from its arrival to that broadcast.
 * Beside them, over the same span: the event loop's delay (perf_hooks' monitorEventLoopDelay: how late a timer
 * ran, i.e. how long the loop was held by one turn's work) and the garbage collector's pauses, by kind, so that a
 * relay tail is told from a loop held by a long task or by the collector. And a relay trace (relay-trace.ts): each
 * update's arrival, commit and broadcast on a clock other processes share, written to a file whose path the last
 * line gives, for the benchmark to join with its clients' times. Off, it costs one boolean test per update.
 */
export const STAGES = ['check', 'queue', 'commit', 'handoff', 'apply', 'total'] as const;
export type Stage = (typeof STAGES)[number];

/** Samples kept per stage while on (the latest ones beyond). */
const MAX_SAMPLES = 200_000;

/** perf_hooks' GC kinds (entry.detail.kind): NODE_PERFORMANCE_GC_MAJOR, MINOR, INCREMENTAL, WEAKCB. */
const GC_KINDS: Record<number, string> = { 1: 'scavenge', 2: 'mark-sweep-compact', 4: 'incremental-marking', 8: 'weak-callbacks' };

export class StageTimings {
  private on = false;
  private since = 0;
  private samples = new Map<Stage, number[]>();
  private loopDelay: IntervalHistogram | null = null;
  private gcObserver: PerformanceObserver | null = null;
  /** Pauses of the garbage collector while on (ms), by kind (scavenge, mark-sweep-compact, …). */
  private gcPauses = new Map<string, number[]>();
  private trace = new RelayTrace();

  get recording(): boolean {
    return this.on;
  }

  now(): number {
    return this.on ? performance.now() : 0;
  }

  record(stage: Stage, fromMs: number, toMs = performance.now()): void {
    if (!this.on || fromMs === 0) return;
    let list = this.samples.get(stage);
    if (!list) this.samples.set(stage, (list = []));
    if (list.length < MAX_SAMPLES) list.push(toMs - fromMs);
  }

  /** A writer's update arrived (its frame read), committed (its batch's COMMIT answered), or was broadcast. */
  arrived(update: Uint8Array): void {
    if (this.on) this.trace.arrived(update);
  }

  committed(update: Uint8Array, at: number): void {
    if (this.on && at !== 0) this.trace.committed(update, at);
  }

  sent(frame: Uint8Array): void {
    if (this.on) this.trace.sent(frame);
  }

  /** A compaction round ended (compaction.ts). */
  compacted(round: TraceFile['compactions'][number]): void {
    if (this.on) this.trace.compacted(round);
  }

  start(): void {
    this.on = true;
    this.since = performance.now();
    this.samples = new Map();
    this.gcPauses = new Map();
    this.loopDelay = monitorEventLoopDelay({ resolution: 1 });
    this.loopDelay.enable();
    this.gcObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const kind = GC_KINDS[(entry.detail as { kind?: number } | undefined)?.kind ?? 0] ?? 'other';
        let pauses = this.gcPauses.get(kind);
        if (!pauses) this.gcPauses.set(kind, (pauses = []));
        pauses.push(entry.duration);
        this.trace.pause(entry.startTime, entry.duration, kind);
      }
    });
    this.gcObserver.observe({ entryTypes: ['gc'] });
  }

  /** Stops recording; one line per stage: count, p50, p90, p99, max (ms). */
  stop(): string {
    this.on = false;
    const seconds = (performance.now() - this.since) / 1000;
    const lines = [`collab stage timings over ${seconds.toFixed(1)} s (ms): stage count p50 p90 p99 max`];
    for (const stage of STAGES) {
      const list = (this.samples.get(stage) ?? []).sort((a, b) => a - b);
      const q = (p: number) => (list.length ? list[Math.min(list.length - 1, Math.floor(p * list.length))].toFixed(2) : '—');
      lines.push(`collab stage ${stage.padEnd(8)} ${String(list.length).padStart(7)} ${q(0.5).padStart(8)} ${q(0.9).padStart(8)} ${q(0.99).padStart(8)} ${q(1).padStart(8)}`);
    }
    this.samples = new Map();
    lines.push(...this.stopLoopAndGc(seconds));
    lines.push(`collab stage trace ${this.trace.write()}`);
    return lines.join('\n');
  }

  /** The event loop's delay and the collector's pauses over the span, one line each. */
  private stopLoopAndGc(seconds: number): string[] {
    const lines: string[] = [];
    const h = this.loopDelay;
    if (h) {
      h.disable();
      const ms = (ns: number) => (ns / 1e6).toFixed(2);
      lines.push(`collab stage loop-delay (ms) p50 ${ms(h.percentile(50))} p90 ${ms(h.percentile(90))} p99 ${ms(h.percentile(99))} max ${ms(h.max)}`);
    }
    this.gcObserver?.disconnect();
    this.loopDelay = null;
    this.gcObserver = null;
    for (const [kind, pauses] of this.gcPauses) {
      pauses.sort((a, b) => a - b);
      const total = pauses.reduce((a, b) => a + b, 0);
      const p99 = pauses[Math.min(pauses.length - 1, Math.floor(0.99 * pauses.length))];
      lines.push(
        `collab stage gc ${kind}: ${pauses.length} pauses, ${total.toFixed(0)} ms in ${seconds.toFixed(1)} s, p99 ${p99.toFixed(2)} ms, max ${pauses[pauses.length - 1].toFixed(2)} ms`,
      );
    }
    this.gcPauses = new Map();
    return lines;
  }
}
