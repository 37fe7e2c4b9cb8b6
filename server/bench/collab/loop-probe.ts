import { fileURLToPath } from 'node:url';

/**
 * The benchmark servers' event-loop delay and collector pauses over a measure (loop-probe.mjs, preloaded into both
 * servers): the Node flags that preload it, and its reading.
 */

/** What one probe measured, in ms. */
export interface LoopFigures {
  seconds: number;
  delayP50: number;
  delayP99: number;
  delayMax: number;
  /** Per GC kind (scavenge, mark-sweep, incremental, weak-callbacks): pauses, their total, p99 and max. */
  gc: Record<string, { n: number; totalMs: number; p99Ms: number; maxMs: number }>;
}

/** The flags that preload the probe into a server (before its tsx loader: the probe is plain JavaScript). */
export function loopProbeFlags(): string[] {
  return ['--import', fileURLToPath(new URL('./loop-probe.mjs', import.meta.url))];
}

/** Starts (first call) and ends (second call) a server's probe. */
export const signalProbe = (pid: number | undefined) => pid && process.kill(pid, 'SIGWINCH');

/** The last `loop probe` line a server printed, read; null when none. */
export function readProbe(output: string): LoopFigures | null {
  const lines = output.split('\n').filter((l) => l.startsWith('loop probe '));
  return lines.length ? (JSON.parse(lines[lines.length - 1].slice('loop probe '.length)) as LoopFigures) : null;
}

/** Waits (up to 5 s) for a server's probe line after the second signal. */
export async function awaitProbe(output: () => string, before: number): Promise<LoopFigures | null> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (output().split('loop probe ').length - 1 > before) return readProbe(output());
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

/** How many probe lines a server printed so far (to wait for the next one). */
export const probeCount = (output: string) => output.split('loop probe ').length - 1;

/** One line: the loop's delay and the collector's pauses. */
export function probeLine(f: LoopFigures | null | undefined): string {
  if (!f) return 'no loop probe';
  const kinds = Object.entries(f.gc)
    .map(([kind, g]) => `${kind} ${g.n}× ${g.totalMs.toFixed(0)} ms (max ${g.maxMs.toFixed(1)})`)
    .join(', ');
  return `loop delay p50 ${f.delayP50.toFixed(2)} p99 ${f.delayP99.toFixed(2)} max ${f.delayMax.toFixed(1)} ms; GC ${kinds || 'none'}`;
}
