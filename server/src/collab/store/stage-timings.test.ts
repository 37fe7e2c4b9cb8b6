import { describe, expect, it } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { StageTimings } from './stage-timings.js';

/** Stops recording; the relay trace it wrote (its path on the last line) is checked there and removed. */
function stopped(timings: StageTimings): string {
  const printed = timings.stop();
  const trace = /collab stage trace (\S+)$/.exec(printed)?.[1];
  expect(trace && existsSync(trace)).toBe(true);
  rmSync(trace!, { force: true });
  return printed;
}

describe('stage timings of the durable relay path', () => {
  it('records only while switched on, and prints each stage’s count and quantiles', () => {
    const timings = new StageTimings();
    expect(timings.now()).toBe(0);
    timings.record('commit', 1, 5); // off: dropped
    timings.start();
    const at = timings.now();
    expect(at).toBeGreaterThan(0);
    for (let i = 1; i <= 100; i++) timings.record('commit', at, at + i);
    timings.record('queue', 0, at); // a start taken while off: dropped
    const printed = stopped(timings);
    expect(printed).toMatch(/collab stage commit\s+100\s+51\.00\s+91\.00\s+100\.00\s+100\.00/);
    expect(printed).toMatch(/collab stage queue\s+0\s+—/);
    expect(timings.recording).toBe(false);
    timings.record('commit', at, at + 1);
    timings.start();
    expect(stopped(timings)).toMatch(/collab stage commit\s+0\s/);
  });

  it('prints the event loop’s delay and the collector’s pauses over the span it recorded', async () => {
    const timings = new StageTimings();
    timings.start();
    await new Promise((r) => setTimeout(r, 10));
    // A turn held 30 ms: the loop's delay shows it.
    const until = performance.now() + 30;
    while (performance.now() < until);
    await new Promise((r) => setTimeout(r, 20));
    const printed = stopped(timings);
    const max = Number(/collab stage loop-delay \(ms\) p50 [\d.]+ p90 [\d.]+ p99 [\d.]+ max ([\d.]+)/.exec(printed)?.[1]);
    expect(max).toBeGreaterThanOrEqual(20);
  });
});
