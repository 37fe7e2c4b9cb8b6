import { medianBy, quantile } from '../timing.js';
import type { BenchPlan } from './plans.js';
import type { PhaseResult } from './relay-phase.js';
import { PHASES, typingInARow, type PhaseName, type TypingFigures, type TypingSetup } from './typing-phases.js';

/**
 * The typing phases repeated (`--typing-repeats`, 5 unless told), each repeat into plans of its own: it measures the
 * commit price, then runs the three phases one after the other, the order rotating from repeat to repeat (bare,
 * floor, product; then floor, product, bare; …), so that no server always types right after the same other one. The
 * checked figures are each server's median over the repeats, as the flat-out phase's rate is (the brief: noisy
 * machines are read by medians).
 *
 * Why: one 20-s phase's p99 is the ~1,070 slowest of ~107,000 relays, i.e. the relays of its slowest ~0.2 s, and on
 * this shared machine a single stall of the host decides it. Measured on 2026-12-07 with the product's commit
 * skipped in the durability thread (an experiment, not committed: every update relayed as soon as it was checked,
 * nothing durable), the product's relay p99 was 15.0, 5.7 and 21.7 ms in three consecutive runs against the bare
 * server's 7.9, 6.0 and 7.8, the commit p99 0.76–2.12 ms: a product paying no price of durability failed the bound
 * in two of three single runs, and the bench clients' own event loop was held up to 97 ms in one of them.
 */

export interface Repeat {
  order: readonly PhaseName[];
  figures: TypingFigures;
}

export interface RepeatedTyping {
  /** Each server's median repeat, as one run's figures (see `medianFigures`). */
  median: TypingFigures;
  repeats: Repeat[];
}

/**
 * Runs the typing phases once per set of plans (see above): each repeat types into plans of its own, new and empty, as
 * the bare server's and the floor's are.
 * - The product's server runs through the repeats, as a server runs, and is killed while its editors type at the end
 *   of the last (kill -9 check). Restarted before each repeat, it was measured in its first 20 s: p99 9.7–24.7 ms in
 *   4 repeats against 6.8 for the server already up, p50 1.7–2.4 ms against 1.5, its scavenges 219 ms against ~110.
 *   That is not how a server serving plans runs.
 * - The baselines' servers are started for each phase (the floor killed while its editors type, each time). Kept up
 *   through the repeats, the bare server kept every document it served: without a persistence, y-websocket's
 *   `closeConn` never deletes a document (@y/websocket-server utils.js), and its p99 went from 4.4 and 4.3 ms in the
 *   first two repeats to 10.5–11.9 in the last three, which would have widened the product's bound.
 */
export async function typingRepeated(setup: TypingSetup, planSets: BenchPlan[][]): Promise<RepeatedTyping> {
  const done: Repeat[] = [];
  const repeats = planSets.length;
  for (let k = 0; k < repeats; k++) {
    const order = PHASES.map((_, i) => PHASES[(i + k) % PHASES.length]);
    console.log(`  typing, repeat ${k + 1} of ${repeats} (${order.join(', ')}):`);
    const figures = await typingInARow({ ...setup, plans: planSets[k] }, order, k === repeats - 1);
    for (const phase of [figures.bare, figures.floor, figures.product]) phase.recorder.release();
    done.push({ order, figures });
  }
  return { median: medianFigures(done.map((r) => r.figures)), repeats: done };
}

/**
 * One run's figures standing for the repeats: each server's phase is its repeat with the median relay p99 (its CPU,
 * loop and append figures those of that repeat), the commit price the repeat with the median commit p99; the kill -9
 * checks: the floor's summed over every repeat, the product's of the last (the only one that kills its server).
 */
export function medianFigures(runs: readonly TypingFigures[]): TypingFigures {
  const floorRun = medianBy(runs, (f) => f.floor.p99Ms);
  const sum = (pick: (f: TypingFigures) => { seen: number; stored: number }) => ({
    seen: runs.reduce((n, f) => n + pick(f).seen, 0),
    stored: runs.reduce((n, f) => n + pick(f).stored, 0),
  });
  return {
    commit: medianBy(runs, (f) => f.commit.p99Ms).commit,
    bare: medianBy(runs, (f) => f.bare.p99Ms).bare,
    floor: floorRun.floor,
    floorAppends: floorRun.floorAppends,
    floorAppendsWindow: runs.length > 1 ? "measure of the floor's median repeat" : 'measure',
    floorDurable: sum((f) => f.floorDurable),
    product: medianBy(runs, (f) => f.product.p99Ms).product,
    // The product's server is killed in the last repeat only (typingRepeated).
    productDurable: runs[runs.length - 1].productDurable,
  };
}

/** A server's relays of every repeat pooled: their p99 (for information beside the medians). */
export function pooledP99(phases: readonly PhaseResult[]): number {
  return quantile(
    phases.flatMap((p) => p.recorder.latencies),
    0.99,
  );
}
