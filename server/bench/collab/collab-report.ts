import { fmt, fmtTiming, report } from '../timing.js';
import { appendLine, type AppendFigures } from './bare-durable-append.js';
import type { CommitPrice } from './commit-price.js';
import type { HistoryLoad } from './history-load.js';
import { probeLine } from './loop-probe.js';
import type { Durability, PhaseResult } from './relay-phase.js';
import type { Turns } from './typing-phases.js';
import { pooledP99, type Repeat } from './typing-repeats.js';

export const TARGETS = { commitsOfSlack: 1.5, rowsPerSecond: 5_000, loadAfterCompactionMs: 100 };

export interface CollabFigures {
  commit: CommitPrice;
  /** When the typing phases ran in turns: how (typing-phases.ts). */
  turns?: Turns;
  /**
   * When they ran in a row: each repeat (typing-repeats.ts); `commit`, `bare`, `floor` and `product` are then each
   * server's median repeat.
   */
  repeats?: Repeat[];
  floorAppendsWindow: string;
  bare: PhaseResult;
  /** The floor: the bare server committing each update before relaying it (bare-websocket-server.ts --durable). */
  floor: PhaseResult;
  floorDurable: Durability;
  floorAppends: AppendFigures | null;
  product: PhaseResult;
  productDurable: Durability;
  /** The flat-out run with the median rate, and every run. */
  throughput: PhaseResult;
  throughputRuns: PhaseResult[];
  throughputDurable: Durability;
  history: HistoryLoad;
  loadBefore: number[];
  loadAfter: number[];
}

const pad = (s: string, n: number) => s.padEnd(n);
const num = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? '—' : fmt(n, digits)).padStart(9);

function phaseRow(label: string, p: PhaseResult): string {
  return `${pad(label, 38)}${num(p.editors, 0)}${num(p.editsPerSecond, 0)}${num(p.relays, 0)}${num(p.p50Ms)}${num(p.p99Ms)}${num(p.rowsPerSecond, 0)}${num(p.wallMs / 1000)}${num(p.clientCpuMs / 1000)}${num(p.serverCpuMs / 1000)}`;
}

const HEADER = `${pad('', 38)}${['editors', 'edits/s', 'relays', 'p50 ms', 'p99 ms', 'acked/s', 'wall s', 'cli CPU', 'srv CPU'].map((h) => h.padStart(9)).join('')}`;

function commitRow(commit: CommitPrice): string {
  return `${pad(`bare INSERT+COMMIT, pg, 1 conn, N=${commit.n}`, 38)}${' '.repeat(27)}${num(commit.p50Ms, 2)}${num(commit.p99Ms, 2)}   (${commit.settings})`;
}

function printRelayRatios(commit: CommitPrice, bare: PhaseResult, product: PhaseResult): void {
  const slack = (product.p99Ms - bare.p99Ms) / commit.p99Ms;
  console.log(`  relay p99: FE2I ${fmt(product.p99Ms)} ms vs bare ${fmt(bare.p99Ms)} ms = ×${fmt(product.p99Ms / bare.p99Ms, 2)}; the difference is ${fmt(slack, 2)} × the bare commit p99 (${fmt(commit.p99Ms, 2)} ms)`);
  console.log(`  relay p50: FE2I ${fmt(product.p50Ms)} ms vs bare ${fmt(bare.p50Ms)} ms = ×${fmt(product.p50Ms / bare.p50Ms, 2)}`);
}

const FLOOR_ROW = 'bare y-websocket + durable append';

/**
 * The floor against the same bound, for information (not a check: it says whether the bound is reachable here by a
 * server that commits each update before relaying it, and at what cost), and the product against the floor.
 */
function printFloor(f: Pick<CollabFigures, 'commit' | 'bare' | 'floor' | 'floorDurable' | 'floorAppends' | 'floorAppendsWindow' | 'product'>): void {
  const { commit, bare, floor, product } = f;
  const bound = bare.p99Ms + TARGETS.commitsOfSlack * commit.p99Ms;
  const perEdit = (cpuMs: number | undefined, p: PhaseResult) => fmt(((cpuMs ?? NaN) / Math.max(1, p.edits)) * 1000, 0);
  console.log(
    `  floor (${FLOOR_ROW}): p50 ${fmt(floor.p50Ms)} ms, p99 ${fmt(floor.p99Ms)} ms; its p99 ${floor.p99Ms <= bound ? 'meets' : 'does NOT meet'} the bound ${fmt(bound)} ms ` +
      `(the floor's p99 is bare p99 + ${fmt((floor.p99Ms - bare.p99Ms) / commit.p99Ms, 2)} × commit p99, the bound allows ${TARGETS.commitsOfSlack}); FE2I p99 ${fmt(product.p99Ms)} ms = floor + ${fmt(product.p99Ms - floor.p99Ms)} ms (×${fmt(product.p99Ms / floor.p99Ms, 2)})`,
  );
  console.log(
    `    floor: server CPU per edit ${perEdit(floor.serverCpuMs, floor)} µs (${cpuShare(floor)}), main thread ${perEdit(floor.serverMainCpuMs, floor)} µs; PostgreSQL CPU per edit ${perEdit(floor.pgCpuMs, floor)} µs; ` +
      `commits ${fmt(floor.commitsPerSecond ?? NaN, 0)}/s for ${fmt(floor.editsPerSecond, 0)} edits/s; durable after kill -9 ${f.floorDurable.stored}/${f.floorDurable.seen}`,
  );
  console.log(`    floor appends (${f.floorAppendsWindow}): ${appendLine(f.floorAppends)}`);
  console.log(`    floor event loop: ${probeLine(floor.serverLoop)}; ${floor.clientLoop.replace('bench client:', 'bench clients:')}`);
}

const boundOf = (commit: CommitPrice, bare: PhaseResult) => bare.p99Ms + TARGETS.commitsOfSlack * commit.p99Ms;

function relayCheck(commit: CommitPrice, bare: PhaseResult, product: PhaseResult, repeats: number): readonly [string, boolean] {
  const bound = boundOf(commit, bare);
  const of = repeats > 1 ? ` (medians of ${repeats} repeats)` : '';
  return [`relay p99 ${fmt(product.p99Ms)} ms ≤ bare p99 + ${TARGETS.commitsOfSlack} × commit p99 = ${fmt(bound)} ms${of}`, product.p99Ms <= bound];
}

/**
 * Each repeat's figures, in the order run, against its own bound; the medians the check reads; and, for information,
 * every repeat's relays pooled (one p99 over all of them: the slowest 1 % of the whole run, wherever they fell).
 */
function printRepeats(f: Pick<CollabFigures, 'repeats' | 'commit' | 'bare' | 'floor' | 'product'>): void {
  const repeats = f.repeats;
  if (!repeats || repeats.length < 2) return;
  console.log(`  typing repeated ${repeats.length} times, the order rotating; relay p99 by repeat (ms), each against its own repeat's bound (the table's typing rows are each server's median repeat):`);
  let productMet = 0;
  let floorMet = 0;
  repeats.forEach(({ order, figures: r }, k) => {
    const bound = boundOf(r.commit, r.bare);
    productMet += r.product.p99Ms <= bound ? 1 : 0;
    floorMet += r.floor.p99Ms <= bound ? 1 : 0;
    console.log(
      `    ${k + 1} (${order.join(', ')}): commit ${fmt(r.commit.p99Ms, 2)}, bare ${fmt(r.bare.p99Ms)}, floor ${fmt(r.floor.p99Ms)}, FE2I ${fmt(r.product.p99Ms)}; bound ${fmt(bound)}: FE2I ${r.product.p99Ms <= bound ? 'meets' : 'misses'} it`,
    );
  });
  console.log(
    `    medians: commit ${fmt(f.commit.p99Ms, 2)}, bare ${fmt(f.bare.p99Ms)}, floor ${fmt(f.floor.p99Ms)}, FE2I ${fmt(f.product.p99Ms)} (the check reads these); own repeat's bound met by FE2I in ${productMet} of ${repeats.length}, by the floor in ${floorMet}`,
  );
  const pooled = (pick: (r: Repeat['figures']) => PhaseResult) => pooledP99(repeats.map((r) => pick(r.figures)));
  const [bare, floor, product] = [pooled((r) => r.bare), pooled((r) => r.floor), pooled((r) => r.product)];
  const bound = bare + TARGETS.commitsOfSlack * f.commit.p99Ms;
  console.log(
    `    every repeat's relays pooled (information): p99 bare ${fmt(bare)}, floor ${fmt(floor)}, FE2I ${fmt(product)}; against pooled bare + ${TARGETS.commitsOfSlack} × median commit = ${fmt(bound)}: FE2I ${product <= bound ? 'meets' : 'misses'} it`,
  );
}

/**
 * How the phases ran in turns, and each slot's relay p99 (its own ~21k relays: a figure of the spread, not a check).
 * The loop figures below are over the slots: the delay's p50 weighted, its p99 and maximum the highest slot's.
 */
function printTurns(turns: Turns | undefined): void {
  if (!turns) {
    console.log('  the phases ran one after the other');
    return;
  }
  const slots = (k: number) => turns.slotP99s[k].map((p) => fmt(p)).join(' / ');
  console.log(`  in turns: ${turns.rounds} rounds × ${fmt(turns.slotMs / 1000)} s per server, the order rotating; the machine quiet before each slot after ${fmt(turns.settleMs.median / 1000, 2)} s (median; at most ${fmt(turns.settleMs.max / 1000, 2)} s)`);
  console.log(`    relay p99 of each slot, round by round (ms): bare ${slots(0)}; floor ${slots(1)}; FE2I ${slots(2)}`);
  const seconds = (k: number) => turns.secondP99s[k].map((p) => fmt(p)).join(' / ');
  console.log(`    relay p99 by second of the slots' measure, slots pooled (ms): bare ${seconds(0)}; floor ${seconds(1)}; FE2I ${seconds(2)}`);
  console.log('    loop figures over the slots: delay p50 weighted by time, its p99 and max the highest slot\'s');
}

const cpuShare = (p: PhaseResult) => `${fmt((p.serverCpuMs / p.wallMs) * 100, 0)}% of one core`;

/**
 * What held the event loops over the typing measures (a relay waits for a held loop on its way, the server's and the
 * clients'): each server's loop delay and collector pauses (loop-probe.mjs), and the benchmark process's.
 */
function printLoops(bare: PhaseResult, product: PhaseResult): void {
  console.log(`  server event loop (typing): FE2I ${probeLine(product.serverLoop)}`);
  console.log(`                              bare ${probeLine(bare.serverLoop)}`);
  console.log(`  ${product.clientLoop.replace('bench client:', 'bench clients (FE2I phase):')}`);
  console.log(`  ${bare.clientLoop.replace('bench client:', 'bench clients (bare phase):')}`);
}

/** `--only=typing`: the typing phases, their ratios and the relay check (and the typing phase's durability). */
export function printTypingReport(
  f: Pick<CollabFigures, 'commit' | 'turns' | 'repeats' | 'bare' | 'floor' | 'floorDurable' | 'floorAppends' | 'floorAppendsWindow' | 'product' | 'productDurable' | 'loadBefore' | 'loadAfter'>,
): boolean {
  const { commit, bare, floor, product } = f;
  console.log('');
  console.log(HEADER);
  console.log(phaseRow('bare y-websocket, 20 docs × 5, typing', bare));
  console.log(phaseRow(FLOOR_ROW, floor));
  console.log(phaseRow('FE2I /collab, 20 docs × 5, typing', product));
  console.log(commitRow(commit));
  console.log('');
  printRelayRatios(commit, bare, product);
  printTurns(f.turns);
  printRepeats(f);
  printFloor(f);
  console.log(
    `  server CPU per edit (typing): FE2I ${fmt((product.serverCpuMs / Math.max(1, product.edits)) * 1000, 0)} µs (${cpuShare(product)}) vs bare ${fmt((bare.serverCpuMs / Math.max(1, bare.edits)) * 1000, 0)} µs (${cpuShare(bare)})`,
  );
  const mainPerEdit = (p: PhaseResult) => fmt((p.serverMainCpuMs / Math.max(1, p.edits)) * 1000, 0);
  console.log(`  of which the main thread (event loop): FE2I ${mainPerEdit(product)} µs vs bare ${mainPerEdit(bare)} µs`);
  if (product.pgCpuMs !== undefined) console.log(`  PostgreSQL CPU per edit (typing, the benchmark database's backends): FE2I ${fmt((product.pgCpuMs / Math.max(1, product.edits)) * 1000, 0)} µs`);
  if (product.commitsPerSecond !== undefined) {
    console.log(`  commits (typing): ${fmt(product.commitsPerSecond, 0)}/s for ${fmt(product.editsPerSecond, 0)} edits/s, ${fmt(product.editsPerSecond / Math.max(1, product.commitsPerSecond), 2)} edits per commit`);
  }
  printLoops(bare, product);
  console.log(`  load average before ${f.loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${f.loadAfter.map((l) => l.toFixed(2)).join(' ')}`);
  console.log('');
  return report([
    relayCheck(commit, bare, product, f.repeats?.length ?? 1),
    [`every edit seen relayed or acknowledged was in PostgreSQL after kill -9 (${f.productDurable.stored}/${f.productDurable.seen})`, f.productDurable.stored === f.productDurable.seen],
  ]);
}

/** Prints the table, the ratios and the checks; says whether every check passed. */
export function printReport(f: CollabFigures): boolean {
  const { commit, bare, product, throughput, history } = f;
  console.log('');
  console.log(HEADER);
  console.log(phaseRow('bare y-websocket, 20 docs × 5, typing', bare));
  console.log(phaseRow(FLOOR_ROW, f.floor));
  console.log(phaseRow('FE2I /collab, 20 docs × 5, typing', product));
  console.log(phaseRow('FE2I /collab, 100 docs × 1, flat out', throughput));
  console.log(commitRow(commit));
  console.log('');
  printRelayRatios(commit, bare, product);
  printTurns(f.turns);
  printRepeats(f);
  printFloor(f);
  console.log(`  server CPU per edit: FE2I ${fmt((product.serverCpuMs / Math.max(1, product.edits)) * 1000, 0)} µs (${cpuShare(product)}) vs bare ${fmt((bare.serverCpuMs / Math.max(1, bare.edits)) * 1000, 0)} µs (typing); flat out ${fmt((throughput.serverCpuMs / Math.max(1, throughput.edits)) * 1000, 0)} µs`);
  console.log(
    `  persisted updates/s = updates acknowledged (each only once its row is committed) / wall time; the log's sequence numbered ${fmt(throughput.numberedPerSecond ?? 0, 0)} rows/s flat out, ${fmt(product.numberedPerSecond ?? 0, 0)} typing`,
  );
  const rates = f.throughputRuns.map((r) => r.rowsPerSecond ?? 0).sort((a, b) => a - b);
  const cpuPerUpdate = f.throughputRuns.map((r) => (r.serverCpuMs / Math.max(1, ((r.rowsPerSecond ?? 0) * r.wallMs) / 1000)) * 1000);
  console.log(
    `  persisted updates/s over ${rates.length} flat-out run(s), each on a restarted server: median ${fmt(throughput.rowsPerSecond ?? 0, 0)}, min ${fmt(rates[0], 0)}, max ${fmt(rates[rates.length - 1], 0)} (runs: ${f.throughputRuns.map((r) => fmt(r.rowsPerSecond ?? 0, 0)).join(', ')}); server CPU per persisted update ${cpuPerUpdate.map((us) => `${fmt(us, 0)} µs`).join(', ')}`,
  );
  const perRowUs = (throughput.serverCpuMs / Math.max(1, ((throughput.rowsPerSecond ?? 0) * throughput.wallMs) / 1000)) * 1000;
  console.log(
    `  flat out, the server process had ${fmt((throughput.serverCpuMs / throughput.wallMs) * 100, 0)}% of one core: ${fmt(perRowUs, 0)} µs of its CPU per persisted update, i.e. about ${fmt(1e6 / perRowUs, 0)} updates/s if it had a whole core (an estimate, not a check)`,
  );
  console.log(`  durable before relayed/acknowledged (kill -9 while typing, then the stored documents read): typing ${f.productDurable.stored}/${f.productDurable.seen} edits, flat out ${f.throughputDurable.stored}/${f.throughputDurable.seen}`);
  printHistory(history);
  const mainPerEdit = (p: PhaseResult) => fmt((p.serverMainCpuMs / Math.max(1, p.edits)) * 1000, 0);
  console.log(`  of which the main thread (event loop): FE2I ${mainPerEdit(product)} µs vs bare ${mainPerEdit(bare)} µs`);
  if (product.pgCpuMs !== undefined) console.log(`  PostgreSQL CPU per edit (typing, the benchmark database's backends): FE2I ${fmt((product.pgCpuMs / Math.max(1, product.edits)) * 1000, 0)} µs`);
  printLoops(bare, product);
  console.log(`  load average before ${f.loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${f.loadAfter.map((l) => l.toFixed(2)).join(' ')}`);
  console.log('');
  return report([
    relayCheck(commit, bare, product, f.repeats?.length ?? 1),
    [`every edit seen relayed or acknowledged was in PostgreSQL after kill -9 (${f.productDurable.stored + f.throughputDurable.stored}/${f.productDurable.seen + f.throughputDurable.seen})`, f.productDurable.stored === f.productDurable.seen && f.throughputDurable.stored === f.throughputDurable.seen],
    [`persisted updates ${fmt(throughput.rowsPerSecond ?? 0, 0)}/s (median of ${f.throughputRuns.length} runs) ≥ ${TARGETS.rowsPerSecond.toLocaleString('en-US')}/s (flat out)`, (throughput.rowsPerSecond ?? 0) >= TARGETS.rowsPerSecond],
    historyCheck(history),
  ]);
}

export function printHistory(history: HistoryLoad): void {
  console.log(`  ${history.updates.toLocaleString('en-US')}-update plan (log ${fmt(history.logBytes / 1024, 0)} KiB → snapshot ${fmt(history.snapshotBytes / 1024, 0)} KiB):`);
  console.log(`    load before compaction ${fmtTiming(history.before)} (median of ${history.beforeRuns})`);
  console.log(`    compaction             ${fmtTiming(history.compaction)}`);
  console.log(`    load after compaction  ${fmtTiming(history.after)} (median of ${history.afterRuns}); ×${fmt(history.before.wallMs / history.after.wallMs, 0)} faster; same content every load: ${history.sameContent ? 'yes' : 'NO'}`);
  console.log(`    (after a forced full GC each: ${fmtTiming(history.afterColdHeap)}; loading read ${history.partsAfter} part(s); ${history.rowsLeft} row(s) of the plan left in the log)`);
}

export function historyCheck(history: HistoryLoad): readonly [string, boolean] {
  return [
    `${history.updates.toLocaleString('en-US')}-update plan loads in ${fmt(history.after.wallMs)} ms ≤ ${TARGETS.loadAfterCompactionMs} ms after compaction, same content`,
    history.after.wallMs <= TARGETS.loadAfterCompactionMs && history.sameContent,
  ];
}
