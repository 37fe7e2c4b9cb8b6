import type { DetectedSynergy, EngineFlow } from '../../src/synergy/engine/engine.types.js';
import type { KnowledgeBase } from '../../src/synergy/knowledge/knowledge-base.types.js';
import { Prng } from '../prng.js';
import { collectGarbage, fmt, fmtTiming, median, medianTiming, timed, type Timing } from '../timing.js';
import { NaiveDetector } from './naive-detector.js';
import { describeLaw, fitPowerLaw, predict, type PowerLaw } from './power-law.js';
import { TerritoryGenerator } from './territory-generator.js';

/**
 * The baselines the engine is compared with. Full: every output against every input, every pair of pooling
 * members — run where it fits a budget, else estimated from a power law fitted on full runs at smaller sizes.
 * Incremental: the changed flow scanned against every other flow (not a full recomputation).
 */

/** A naive full run that the curve predicts longer than this (CPU) is estimated, not run. */
export const NAIVE_BUDGET_MS = 20_000;
/** Sizes of the full runs the curve is fitted on: doubling, all affordable (about 10 s at the largest). */
const CURVE_SIZES = [2_000, 4_000, 8_000, 16_000];

export interface NaiveCurve {
  wall: PowerLaw;
  cpu: PowerLaw;
}

export interface NaiveFull {
  timing: Timing;
  mode: 'measured' | 'estimated';
  /** What the curves predict at this size: beside a measured figure, how good an estimate they make. */
  predicted: Timing;
  /** Same synergies as the engine, when run; null when estimated. */
  agree: boolean | null;
}

/** The territory of a given size: the same for the engine, the baseline and the curve. */
export function territoryOf(kb: KnowledgeBase, size: number, seed: number): { generator: TerritoryGenerator; flows: EngineFlow[] } {
  const generator = new TerritoryGenerator(kb, new Prng(seed + size));
  return { generator, flows: generator.territory(size) };
}

/** Full naive runs at the curve sizes, and the power laws of their wall and CPU times. */
export function naiveCurve(kb: KnowledgeBase, seed: number, log: (line: string) => void): NaiveCurve {
  // A warm-up run, not timed: the first runs would otherwise pay for compiling the hot paths and bend the curve.
  naiveFullTiming(kb, territoryOf(kb, 1_000, seed).flows, 2);
  const points = CURVE_SIZES.map((size) => {
    const { flows } = territoryOf(kb, size, seed);
    const timing = naiveFullTiming(kb, flows, 3).timing;
    log(`  naive full at ${size.toLocaleString('en-US')} flows (for the curve): ${fmtTiming(timing)}`);
    return { size, timing };
  });
  const curve = {
    wall: fitPowerLaw(points.map((p) => ({ n: p.size, t: p.timing.wallMs }))),
    cpu: fitPowerLaw(points.map((p) => ({ n: p.size, t: p.timing.cpuMs }))),
  };
  log(`  naive full curve: wall ${describeLaw(curve.wall, 'ms')}; CPU ${describeLaw(curve.cpu, 'ms')}`);
  return curve;
}

/** The naive full figure at one size: measured when the curves say it fits the budget, else their estimate. */
export function naiveFull(kb: KnowledgeBase, flows: EngineFlow[], engine: DetectedSynergy[], curve: NaiveCurve, log: (line: string) => void): NaiveFull {
  const predicted = { wallMs: predict(curve.wall, flows.length), cpuMs: predict(curve.cpu, flows.length) };
  // Decided on CPU time: on a busy machine the wall-time curve also grows with the load.
  if (predicted.cpuMs > NAIVE_BUDGET_MS) {
    log(`  naive full ESTIMATED from the curves: ${fmtTiming(predicted)} (not run: over the ${fmt(NAIVE_BUDGET_MS)} ms CPU budget)`);
    return { timing: predicted, mode: 'estimated', predicted, agree: null };
  }
  const { timing, result } = naiveFullTiming(kb, flows, predicted.cpuMs < 2_000 ? 5 : 3);
  const agree = sameSynergies(result, engine);
  log(`  naive full ${fmtTiming(timing)} measured (the curves predict ${fmtTiming(predicted)}); same synergies as the engine: ${agree ? 'yes' : 'NO'}`);
  return { timing, mode: 'measured', predicted, agree };
}

function naiveFullTiming(kb: KnowledgeBase, flows: EngineFlow[], runs: number): { timing: Timing; result: DetectedSynergy[] } {
  const naive = new NaiveDetector(kb);
  const timings: Timing[] = [];
  let result: DetectedSynergy[] = [];
  for (let r = 0; r < runs; r++) {
    result = [];
    collectGarbage();
    const run = timed(() => naive.detect(flows));
    result = run.result;
    timings.push(run.timing);
  }
  return { timing: medianTiming(timings), result };
}

/** The median over the update stream of one changed flow scanned against every other, wall and CPU. */
export function naiveIncremental(kb: KnowledgeBase, flows: EngineFlow[], updates: EngineFlow[]): { timing: Timing; counterparts: number } {
  const naive = new NaiveDetector(kb);
  naive.prepare(flows);
  collectGarbage();
  const found: number[] = [];
  const timings = updates.map((f) => {
    const run = timed(() => naive.scanChange(f));
    found.push(run.result);
    return run.timing;
  });
  return { timing: medianTiming(timings), counterparts: median(found) };
}

export function sameSynergies(a: DetectedSynergy[], b: DetectedSynergy[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((s, k) => s.key === b[k].key && s.score === b[k].score);
}
