import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Wall time and the process's CPU time (user + system) of one run. Beside each other they tell a slow machine
 * from a slow program: on a busy machine wall time grows while CPU time does not.
 */
export interface Timing {
  wallMs: number;
  cpuMs: number;
}

export function timed<T>(work: () => T): { result: T; timing: Timing } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = work();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { result, timing: { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 } };
}

export async function timedAsync<T>(work: () => Promise<T>): Promise<{ result: T; timing: Timing }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await work();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { result, timing: { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 } };
}

/** The median of each of wall and CPU times over several runs. */
export function medianTiming(timings: Timing[]): Timing {
  return { wallMs: median(timings.map((t) => t.wallMs)), cpuMs: median(timings.map((t) => t.cpuMs)) };
}

/** The element of `items` whose `key` is the median (the lower middle one for an even count): a run standing for its runs. */
export function medianBy<T>(items: readonly T[], key: (item: T) => number): T {
  if (!items.length) throw new Error('medianBy: no items');
  return [...items].sort((a, b) => key(a) - key(b))[Math.floor((items.length - 1) / 2)];
}

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function fmt(n: number, digits = 1): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(digits);
}

/** "1,234 ms (CPU 1,180 ms)". */
export function fmtTiming(t: Timing, digits = 1): string {
  return `${fmt(t.wallMs, digits)} ms (CPU ${fmt(t.cpuMs, digits)} ms)`;
}

/** Prints each check and says whether all passed; the runner turns a failure into a non-zero exit code. */
export function report(checks: readonly (readonly [string, boolean | null])[]): boolean {
  for (const [label, ok] of checks) console.log(`${ok === null ? 'N/A ' : ok ? 'PASS' : 'FAIL'}  ${label}`);
  return checks.every(([, ok]) => ok !== false);
}

/** A full garbage collection between timed runs, so that no run pays for the previous one's garbage. */
export const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return gc ?? (() => {});
})();
