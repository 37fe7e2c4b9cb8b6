import { performance } from 'node:perf_hooks';

/**
 * Where a writer's update spends its time on the durable relay path, recorded only while switched on (the server
 * process switches it on and off on SIGUSR2, see main.ts; the collab benchmark does so around its measure):
 *   check   — from its frame's arrival to its check passing (with the checks of its connection's earlier updates);
 *   queue   — from then to its INSERT being sent (waiting for a free append connection, or for the turn to end);
 *   commit  — the INSERT + COMMIT round trip of its batch;
 *   handoff — from its commit to Hocuspocus taking it (its connection's earlier messages handled first);
 *   apply   — from then to the next turn of the event loop, where Hocuspocus' broadcast of the turn's updates goes;
 *   total   — from its arrival to that broadcast.
 * Off, it costs one boolean test per update.
 */
export const STAGES = ['check', 'queue', 'commit', 'handoff', 'apply', 'total'] as const;
export type Stage = (typeof STAGES)[number];

/** Samples kept per stage while on (the latest ones beyond). */
const MAX_SAMPLES = 200_000;

export class StageTimings {
  private on = false;
  private since = 0;
  private samples = new Map<Stage, number[]>();

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

  start(): void {
    this.on = true;
    this.since = performance.now();
    this.samples = new Map();
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
    return lines.join('\n');
  }
}
