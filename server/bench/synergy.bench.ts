import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SynergyDetector } from '../src/synergy/engine/detector.js';
import type { DetectedSynergy, EngineFlow } from '../src/synergy/engine/engine.types.js';
import type { KnowledgeBase } from '../src/synergy/knowledge/knowledge-base.types.js';
import { Prng } from './prng.js';
import { benchKnowledgeBase } from './synergy/bench-knowledge-base.js';
import { NaiveDetector } from './synergy/naive-detector.js';
import { TerritoryGenerator, flowLiteral } from './synergy/territory-generator.js';

/**
 * Synergy detection on generated territories of 1k, 10k and 100k flows: full detection and incremental update
 * time of the engine against a naive all-pairs baseline (medians; the naive baseline is timed on a sample and
 * extrapolated when a full run would take more than a minute).
 */

const SEED = 20261128;
const NAIVE_BUDGET_MS = 60_000;
const NAIVE_SAMPLE_TARGET_MS = 8_000;
const UPDATES = 200;
const TARGETS = { fullMs: 2_000, incrementalMs: 10, speedup: 50 };

interface Row {
  size: number;
  synergies: { substitution: number; mutualisation: number };
  engineFullMs: number;
  engineFullRuns: number;
  naiveFullMs: number;
  naiveMode: 'measured' | 'extrapolated';
  naiveSampleShare: number;
  fullRatio: number;
  engineIncrementalMs: number;
  engineIncrementalP90Ms: number;
  naiveIncrementalMs: number;
  incrementalRatio: number;
  agree: boolean | null;
  incrementalConsistent: boolean;
}

export async function run(args: string[]): Promise<void> {
  const json = args.includes('--json');
  const sizesArg = args.find((a) => a.startsWith('--sizes='));
  const sizes = sizesArg ? sizesArg.slice(8).split(',').map(Number) : [1_000, 10_000, 100_000];
  const { kb, name } = await benchKnowledgeBase();
  const log = json ? () => {} : (line: string) => console.log(line);
  log(`synergy benchmark — ${name}; seed ${SEED}; node ${process.version}`);
  const rows: Row[] = [];
  for (const size of sizes) rows.push(measure(kb, size, log));
  if (json) {
    console.log(JSON.stringify({ knowledgeBase: name, seed: SEED, targets: TARGETS, rows }, null, 2));
    return;
  }
  printTable(rows);
}

function measure(kb: KnowledgeBase, size: number, log: (line: string) => void): Row {
  const generator = new TerritoryGenerator(kb, new Prng(SEED + size));
  const flows = generator.territory(size);

  const runs = size <= 1_000 ? 15 : 7;
  const fullTimes: number[] = [];
  // One warm-up run (the JIT compiles the hot paths), then each run from a collected heap.
  let found: DetectedSynergy[] = new SynergyDetector(kb).load(flows);
  for (let r = 0; r < runs; r++) {
    found = [];
    collectGarbage();
    const t0 = performance.now();
    found = new SynergyDetector(kb).load(flows);
    fullTimes.push(performance.now() - t0);
  }
  const engineFullMs = median(fullTimes);
  log(`  ${size} flows: engine full ${fmt(engineFullMs)} ms (median of ${runs}), ${found.length} synergies`);

  const detector = new SynergyDetector(kb);
  detector.load(flows);
  const updates = updateStream(generator, flows, size);
  collectGarbage();
  const updateTimes = updates.map((f) => {
    const t0 = performance.now();
    detector.upsertFlow(f);
    return performance.now() - t0;
  });
  const engineIncrementalMs = median(updateTimes);
  // The detector after the updates must hold what a fresh detection of the final flows finds.
  const finalFlows = new Map(flows.map((f) => [f.id, f]));
  for (const f of updates) finalFlows.set(f.id, f);
  const consistent = sameSynergies(detector.all(), new SynergyDetector(kb).load([...finalFlows.values()]));
  log(`  ${size} flows: engine incremental ${fmt(engineIncrementalMs, 3)} ms (median of ${UPDATES} upserts); same as a fresh detection afterwards: ${consistent ? 'yes' : 'NO'}`);

  const naive = timeNaive(kb, flows, found, log);
  return {
    size,
    synergies: {
      substitution: found.filter((s) => s.kind === 'SUBSTITUTION').length,
      mutualisation: found.filter((s) => s.kind === 'MUTUALISATION').length,
    },
    engineFullMs,
    engineFullRuns: runs,
    naiveFullMs: naive.ms,
    naiveMode: naive.mode,
    naiveSampleShare: naive.share,
    fullRatio: naive.ms / engineFullMs,
    engineIncrementalMs,
    engineIncrementalP90Ms: quantile(updateTimes, 0.9),
    // Without an index there is nothing to update: the naive way recomputes everything on every change.
    naiveIncrementalMs: naive.ms,
    incrementalRatio: naive.ms / engineIncrementalMs,
    agree: naive.agree,
    incrementalConsistent: consistent,
  };
}

/** 200 upserts: quantities changed, organisations moved, flows redeclared as something else, new flows. */
function updateStream(generator: TerritoryGenerator, flows: EngineFlow[], size: number): EngineFlow[] {
  const rng = new Prng(SEED ^ size);
  const updates: EngineFlow[] = [];
  for (let k = 0; k < UPDATES; k++) {
    const f = rng.pick(flows);
    const kind = rng.int(0, 3);
    if (kind === 0) updates.push(flowLiteral({ ...f, yearlyQuantity: (f.yearlyQuantity ?? 10) * rng.between(0.5, 2) }));
    else if (kind === 1) updates.push(flowLiteral({ ...f, latitude: f.latitude + rng.between(-0.02, 0.02), longitude: f.longitude + rng.between(-0.02, 0.02) }));
    else if (kind === 2) updates.push(flowLiteral({ ...generator.flowOf(generator.organisation(), f.id), organizationId: f.organizationId }));
    else updates.push(generator.flowOf(generator.organisation(), `new-${k}`));
  }
  return updates;
}

/** Times the naive baseline: fully when a first estimate says it fits the budget, else on a sample of outputs. */
function timeNaive(
  kb: KnowledgeBase,
  flows: EngineFlow[],
  engine: DetectedSynergy[],
  log: (line: string) => void,
): { ms: number; mode: 'measured' | 'extrapolated'; share: number; agree: boolean | null } {
  const naive = new NaiveDetector(kb);
  const probe = sampledPairs(naive, flows, Math.min(1, 500 / flows.length));
  const estimate = probe.prepareMs + probe.loopsMs / probe.share;
  if (estimate < NAIVE_BUDGET_MS / 3) {
    const times: number[] = [];
    let result: DetectedSynergy[] = [];
    const runs = estimate < 2_000 ? 5 : 3;
    for (let r = 0; r < runs; r++) {
      result = [];
      collectGarbage();
      const t0 = performance.now();
      result = naive.detect(flows);
      times.push(performance.now() - t0);
    }
    const agree = sameSynergies(result, engine);
    log(`  naive full ${fmt(median(times))} ms (median of ${runs}); same synergies as the engine: ${agree ? 'yes' : 'NO'}`);
    return { ms: median(times), mode: 'measured', share: 1, agree };
  }
  // A sample whose pair loops take about NAIVE_SAMPLE_TARGET_MS, scaled to all outputs.
  const share = Math.min(1, (probe.share * NAIVE_SAMPLE_TARGET_MS) / Math.max(1, probe.loopsMs));
  const sample = sampledPairs(naive, flows, share);
  const ms = sample.prepareMs + sample.loopsMs / sample.share;
  log(`  naive full EXTRAPOLATED: ${fmt(ms)} ms from the pair loops over ${(sample.share * 100).toFixed(2)} % of the outputs and member rows (materialisation not counted: a lower bound)`);
  return { ms, mode: 'extrapolated', share: sample.share, agree: null };
}

/** Pair loops over a deterministic share of the outputs (every n-th) and of the pooling rows. */
function sampledPairs(naive: NaiveDetector, flows: EngineFlow[], share: number): { prepareMs: number; loopsMs: number; share: number } {
  collectGarbage();
  const t0 = performance.now();
  const prepared = naive.prepare(flows);
  const outputs = prepared.filter((f) => f.isOutput);
  const inputs = prepared.filter((f) => !f.isOutput);
  const prepareMs = performance.now() - t0;
  const step = Math.max(1, Math.round(1 / share));
  const sample = outputs.filter((_, k) => k % step === 0);
  const t1 = performance.now();
  naive.substitutionPairs(sample, inputs);
  naive.mutualisations(prepared, 1 / step);
  return { prepareMs, loopsMs: performance.now() - t1, share: 1 / step };
}

function sameSynergies(a: DetectedSynergy[], b: DetectedSynergy[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((s, k) => s.key === b[k].key && s.score === b[k].score);
}

function printTable(rows: Row[]): void {
  const header = ['flows', 'engine full ms', 'naive full ms', 'ratio', 'engine incr. ms (p90)', 'naive incr. ms', 'ratio', 'synergies (subst. + mutual.)'];
  const lines = rows.map((r) => [
    r.size.toLocaleString('en-US'),
    fmt(r.engineFullMs),
    `${fmt(r.naiveFullMs)}${r.naiveMode === 'extrapolated' ? ' (extrapolated*)' : ''}`,
    `${fmt(r.fullRatio)}×`,
    `${fmt(r.engineIncrementalMs, 3)} (${fmt(r.engineIncrementalP90Ms, 2)})`,
    `${fmt(r.naiveIncrementalMs)}${r.naiveMode === 'extrapolated' ? '*' : ''}`,
    `${fmt(r.incrementalRatio)}×`,
    `${r.synergies.substitution + r.synergies.mutualisation} (${r.synergies.substitution} + ${r.synergies.mutualisation})`,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const row = (cells: string[]): string => `| ${cells.map((cell, c) => cell.padStart(widths[c])).join(' | ')} |`;
  console.log('');
  console.log(row(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(row(l));
  console.log('');
  console.log('medians; naive = every output × every input through the pathways the output matches, all pairs of members for pooling;');
  console.log('naive incremental = recompute everything (no index to update). * extrapolated linearly from a deterministic sample of outputs.');
  const target = rows.find((r) => r.size === 100_000);
  const checks: (readonly [string, boolean | null])[] = [
    [`full detection of 100,000 flows ≤ ${TARGETS.fullMs} ms`, target ? target.engineFullMs <= TARGETS.fullMs : null],
    [`incremental median ≤ ${TARGETS.incrementalMs} ms at every size`, rows.every((r) => r.engineIncrementalMs <= TARGETS.incrementalMs)],
    [`≥ ${TARGETS.speedup}× faster than naive at 100,000 flows (full and incremental)`, target ? target.fullRatio >= TARGETS.speedup && target.incrementalRatio >= TARGETS.speedup : null],
    ['naive and engine find the same synergies where both ran fully', rows.every((r) => r.agree !== false)],
    ['after the updates, the detector equals a fresh detection', rows.every((r) => r.incrementalConsistent)],
  ];
  for (const [label, ok] of checks) console.log(`${ok === null ? 'N/A ' : ok ? 'PASS' : 'FAIL'}  ${label}`);
}

/** A full garbage collection between timed runs, so that no run pays for the previous one's garbage. */
const collectGarbage: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  return gc ?? (() => {});
})();

function median(values: number[]): number {
  return quantile(values, 0.5);
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

function fmt(n: number, digits = 1): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(digits);
}
