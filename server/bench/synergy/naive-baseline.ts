import type { DetectedSynergy, EngineFlow } from '../../src/synergy/engine/engine.types.js';
import type { KnowledgeBase } from '../../src/synergy/knowledge/knowledge-base.types.js';
import { Prng } from '../prng.js';
import { collectGarbage, fmt, fmtTiming, medianTiming, timed, type Timing } from '../timing.js';
import { NaiveDetector } from './naive-detector.js';
import { TerritoryGenerator } from './territory-generator.js';

/**
 * The baselines the engine is compared with. Full: every output against every input, every pair of pooling
 * members (NaiveDetector) — run whole where it fits a budget; beyond, its pairwise search is *measured* on a fixed
 * sample of rows of the pair matrices and scaled by the exact count of pairs (see naiveSampled). Incremental: the
 * changed flow scanned against every other flow (not a full recomputation).
 */

/** A naive full run expected (from the pairs it compares) to take longer than this (CPU) is sampled, not run whole. */
export const NAIVE_BUDGET_MS = 20_000;
/** Rows of the pair matrices a sample keeps: about this many, whatever the size (every step-th row). */
const SAMPLE_ROWS = 2_000;

export interface NaiveFull {
  timing: Timing;
  /**
   * measured: the whole naive detection was run. sampled: its pairwise search measured on every `step`-th row of
   * the pair matrices at this very size and scaled by the exact ratio of pairs compared, plus its preparation
   * measured whole; what it does after the search (ranking, building the synergies) is left out — a lower bound.
   */
  mode: 'measured' | 'sampled';
  /** Pairs the naive search compares at this size (substitution: outputs × inputs; pooling: member pairs). */
  comparisons: number;
  /** Sampled: every step-th row, and the pairs the sample compared. */
  step: number;
  sampledComparisons: number;
  /** Same synergies as the engine, when run whole; null when sampled. */
  agree: boolean | null;
  /** Measured whole: the sampled lower bound at the same size, to show how close the sampling rule comes. */
  sampledCheck: Timing | null;
  /** The stricter, pathway-joined naive's sampled lower bound, and the pairs it compares (see naiveSampled). */
  joined: Timing;
  joinedComparisons: number;
}

/** The territory of a given size: the same for the engine and the baselines. */
export function territoryOf(kb: KnowledgeBase, size: number, seed: number): { generator: TerritoryGenerator; flows: EngineFlow[] } {
  const generator = new TerritoryGenerator(kb, new Prng(seed + size));
  return { generator, flows: generator.territory(size) };
}

/**
 * The naive full figure at one size: the whole naive detection when the pairs it compares, at the CPU time per pair
 * of a sample, fit the budget; else the sampled lower bound. A whole run also gets the sampled figure beside it.
 */
export function naiveFull(kb: KnowledgeBase, flows: EngineFlow[], engine: DetectedSynergy[], log: (line: string) => void): NaiveFull {
  const step = Math.max(2, Math.round(flows.length / SAMPLE_ROWS));
  const sample = naiveSampled(kb, flows, step, 3);
  const base = { comparisons: sample.comparisons, step, sampledComparisons: sample.sampledComparisons, joined: sample.joined, joinedComparisons: sample.joinedComparisons };
  log(`  naive joined by pathway (sampled lower bound): ${fmtTiming(sample.joined)} for ${fmtCount(sample.joinedComparisons)} pairs`);
  const pairs = `${fmtCount(sample.comparisons)} pairs (sample: every ${step}th row, ${fmtCount(sample.sampledComparisons)} pairs)`;
  if (sample.timing.cpuMs > NAIVE_BUDGET_MS) {
    log(`  naive full SAMPLED (lower bound, search only): ${fmtTiming(sample.timing)} for ${pairs}; not run whole: over the ${fmt(NAIVE_BUDGET_MS)} ms CPU budget`);
    return { timing: sample.timing, mode: 'sampled', ...base, agree: null, sampledCheck: null };
  }
  const { timing, result } = naiveFullTiming(kb, flows, sample.timing.cpuMs < 2_000 ? 5 : 3);
  const agree = sameSynergies(result, engine);
  log(`  naive full ${fmtTiming(timing)} measured whole, ${pairs}; sampled lower bound ${fmtTiming(sample.timing)} (${fmt((100 * sample.timing.cpuMs) / timing.cpuMs)} % of the CPU); same synergies as the engine: ${agree ? 'yes' : 'NO'}`);
  return { timing, mode: 'measured', ...base, agree, sampledCheck: sample.timing };
}

/**
 * The naive detection's preparation and pairwise search, measured; the search on every `step`-th row only and
 * scaled by pairs. Scaling rule: the search does the same work for every pair it compares (a distance term, the
 * pathways both sides match, the score when in reach), so its time is the time per pair of the sample times the
 * pairs of the whole matrix — exact counts on both sides: substitution rows are outputs, each compared with every
 * input (row ratio); pooling rows are members, row `a` compared with the members after it (counted). The rows are
 * spread over the whole matrix (flows in id order, ids random), so the sample meets near and far pairs, hits and
 * misses, in their true mix. The sample is taken at the size itself (same memory, same caches), not on a smaller
 * territory. Median of `runs` runs, each from a collected heap.
 */
export function naiveSampled(kb: KnowledgeBase, flows: EngineFlow[], step: number, runs: number): NaiveSample {
  const naive = new NaiveDetector(kb);
  const estimates: Timing[] = [];
  const joinedEstimates: Timing[] = [];
  let joinedComparisons = 0;
  let comparisons = 0;
  let sampledComparisons = 0;
  for (let r = 0; r < runs; r++) {
    collectGarbage();
    const prepare = timed(() => naive.prepare(flows));
    const prepared = prepare.result;
    const outputs = prepared.filter((f) => f.isOutput);
    const inputs = prepared.filter((f) => !f.isOutput);
    const rows = outputs.filter((_, k) => k % step === 0);
    // Each timed part from a collected heap: the concurrent collection of what the part before left behind would
    // otherwise count in a sample's CPU time and be scaled with it.
    collectGarbage();
    const substitution = timed(() => naive.substitutionPairs(rows, inputs)).timing;
    const substitutionScale = rows.length > 0 ? outputs.length / rows.length : 0;
    const members = timed(() => naive.poolingMembers(prepared));
    let poolPairs = 0;
    let poolSampled = 0;
    collectGarbage();
    const pooling = timed(() => {
      for (const { p, members: m } of members.result) poolSampled += naive.linkWithinReach(p, m, step, m.map((_, k) => k));
    }).timing;
    for (const { members: m } of members.result) poolPairs += (m.length * (m.length - 1)) / 2;
    const poolingScale = poolSampled > 0 ? poolPairs / poolSampled : 0;
    comparisons = outputs.length * inputs.length + poolPairs;
    sampledComparisons = rows.length * inputs.length + poolSampled;
    const estimate = (t: keyof Timing) => prepare.timing[t] + members.timing[t] + substitution[t] * substitutionScale + pooling[t] * poolingScale;
    estimates.push({ wallMs: estimate('wallMs'), cpuMs: estimate('cpuMs') });
    // The pathway-joined search (see substitutionPairsByPathway), sampled the same way; pooling is already by pathway.
    collectGarbage();
    const joined = timed(() => naive.substitutionPairsByPathway(step));
    const joinedScale = joined.result.compared > 0 ? joined.result.total / joined.result.compared : 0;
    joinedComparisons = joined.result.total + poolPairs;
    const joinedEstimate = (t: keyof Timing) => prepare.timing[t] + members.timing[t] + joined.timing[t] * joinedScale + pooling[t] * poolingScale;
    joinedEstimates.push({ wallMs: joinedEstimate('wallMs'), cpuMs: joinedEstimate('cpuMs') });
  }
  return { timing: medianTiming(estimates), comparisons, sampledComparisons, joined: medianTiming(joinedEstimates), joinedComparisons };
}

export interface NaiveSample {
  timing: Timing;
  comparisons: number;
  sampledComparisons: number;
  /** The pathway-joined naive (outputs × inputs of each pathway only, no spatial index), sampled the same way. */
  joined: Timing;
  joinedComparisons: number;
}

function fmtCount(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(n >= 1e8 ? 0 : 1)} M` : n.toLocaleString('en-US');
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

/**
 * The median over the update stream of one changed flow scanned against every other (or, `byPathway`, against the
 * flows of its pathways only: NaiveDetector.scanChangeByPathway), wall and CPU.
 */
/**
 * The naive scan of one changed flow against `flows` (every other flow through its pathways, or only its pathways'
 * flows when `byPathway`), timed: for a benchmark that times it side by side with the engine's update of the same
 * flow, so that both medians come from the same moments of a shared machine.
 */
export function naiveScanner(kb: KnowledgeBase, flows: EngineFlow[], byPathway = false): (f: EngineFlow) => { timing: Timing; counterparts: number } {
  // One detector per kind of scan: a scan leaves the changed flow's preparation in its detector.
  const naive = new NaiveDetector(kb);
  naive.prepare(flows);
  return (f) => {
    const run = timed(() => (byPathway ? naive.scanChangeByPathway(f) : naive.scanChange(f)));
    return { timing: run.timing, counterparts: run.result };
  };
}

export function sameSynergies(a: DetectedSynergy[], b: DetectedSynergy[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((s, k) => s.key === b[k].key && s.score === b[k].score);
}
