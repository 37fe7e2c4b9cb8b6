/**
 * Preloaded into the benchmark's two servers alike (`--import` of this file: plain JavaScript, so that it loads
 * before tsx does). The first SIGWINCH starts measuring the process's event-loop delay (perf_hooks'
 * monitorEventLoopDelay: how late a 1 ms timer ran, i.e. how long one turn's work held the loop) and its collector's
 * pauses (PerformanceObserver 'gc', by kind); the next one prints them as one line, `loop probe {json}` (read by
 * loop-probe.ts), and stops. Unlike the stage timings (--stages, which record per update and so cost CPU and
 * allocations of their own), it is on in every run, so that an ordinary run's figures say what held the loop.
 * SIGWINCH because the servers use SIGUSR2 (stage timings, relay trace) and nothing uses it.
 */
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';

/** perf_hooks' GC kinds (entry.detail.kind). */
const GC_KINDS = { 1: 'scavenge', 2: 'mark-sweep', 4: 'incremental', 8: 'weak-callbacks' };

let running = null;

function start() {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const pauses = new Map();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = GC_KINDS[entry.detail?.kind ?? 0] ?? 'other';
      if (!pauses.has(kind)) pauses.set(kind, []);
      pauses.get(kind).push(entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  running = { delay, observer, pauses, since: performance.now() };
}

function stop() {
  const { delay, observer, pauses, since } = running;
  running = null;
  delay.disable();
  observer.disconnect();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  const gc = {};
  for (const [kind, list] of pauses) {
    list.sort((a, b) => a - b);
    gc[kind] = {
      n: list.length,
      totalMs: list.reduce((a, b) => a + b, 0),
      p99Ms: list[Math.min(list.length - 1, Math.floor(0.99 * list.length))],
      maxMs: list[list.length - 1],
    };
  }
  return { seconds: (performance.now() - since) / 1000, delayP50: ms(delay.percentile(50)), delayP99: ms(delay.percentile(99)), delayMax: ms(delay.max), gc };
}

process.on('SIGWINCH', () => {
  if (!running) start();
  else console.log(`loop probe ${JSON.stringify(stop())}`);
});
