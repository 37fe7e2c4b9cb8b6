import os from 'node:os';
import { COMPACTION } from '../../src/collab/collab-server.js';
import type { ServerProcess } from '../../test/collab/server-process.js';
import { readAppendFigures, storedBareDocument, type AppendFigures } from './bare-durable-append.js';
import { measureCommitPrice, type CommitPrice } from './commit-price.js';
import { bareEditor, type Editor } from './editors.js';
import type { BenchPlan } from './plans.js';
import { startBareServer } from './processes.js';
import { checkDurability, runPhase, type Durability, type PhaseResult } from './relay-phase.js';
import { killWhileTyping, runRounds } from './relay-rounds.js';
import { tracedMeasure, type TracedMeasure } from './relay-split.js';
import type { Pace, Room } from './typing.js';
import { upkeepSince } from './upkeep.js';

/**
 * The three typing phases of the collab benchmark — the bare y-websocket server, the floor (the same, committing each
 * update before relaying it) and the product, 20 documents × 5 editors each — and the commit price they are
 * compared with: one after the other (the checked figures), or in turns (`--in-turns`, relay-rounds.ts: an
 * investigation aid).
 */

export interface TypingSetup {
  server: ServerProcess;
  /** Ends the product's phase while its editors type (kill -9; SIGTERM when profiling). */
  endPhase: () => Promise<void>;
  plans: BenchPlan[];
  editor: (baseUrl: string, documentName: string, as: BenchPlan['writers'][number]) => Editor;
  databaseUrl: string;
  pace: Pace;
  editorsPerDocument: number;
  /** Each server's measure: one phase of this length, or the sum of its slots. */
  measureMs: number;
  stages: boolean;
}

/** How the phases ran in turns (absent when in a row). */
export interface Turns {
  rounds: number;
  slotMs: number;
  /** Each slot's relay p99, by server (bare, floor, product), round by round. */
  slotP99s: number[][];
  /** Each second of the slots' measures, pooled over the slots: its relay p99, by server. */
  secondP99s: number[][];
  settleMs: { median: number; max: number };
}

export interface TypingFigures {
  commit: CommitPrice;
  bare: PhaseResult;
  floor: PhaseResult;
  floorDurable: Durability;
  floorAppends: AppendFigures | null;
  /** Over which window the floor's append figures are: its one measure, or its last slot. */
  floorAppendsWindow: string;
  product: PhaseResult;
  productDurable: Durability;
  turns?: Turns;
}

/**
 * The server records where its writers' updates spend their time over the measure (SIGUSR2 on, SIGUSR2 off and
 * print: collab/store/stage-timings.ts), with a relay trace that collab/relay-split.ts joins with the clients'
 * times; the lines it printed are shown here.
 */
function stageTimings(server: ServerProcess, databaseUrl: string): TracedMeasure {
  const traced = tracedMeasure(
    { signal: () => server.pid && process.kill(server.pid, 'SIGUSR2'), output: () => server.recentOutput },
    /collab stage trace (\S+)/,
    databaseUrl,
  );
  return {
    ...traced,
    aroundMeasure: {
      start: traced.aroundMeasure.start,
      async end() {
        await traced.aroundMeasure.end();
        const lines = server.recentOutput.split('\n').filter((l) => l.startsWith('collab stage') && !l.startsWith('collab stage trace'));
        console.log(lines.map((l) => `    ${l}`).join('\n'));
      },
    },
  };
}

/** The bare server's relay trace over the measure (bare-websocket-server.ts). */
function bareTrace(bareServer: { pid: number | undefined; output(): string }): TracedMeasure {
  return tracedMeasure({ signal: () => bareServer.pid && process.kill(bareServer.pid, 'SIGUSR2'), output: bareServer.output }, /relay trace (\S+)/);
}

const indent = (lines: string[]) => lines.map((l) => `    ${l}`).join('\n');

/** One room per plan, of `editorsPerDocument` editors made by `make` (the plan, the editor's index in the room). */
function roomsOf(setup: TypingSetup, make: (p: BenchPlan, k: number) => Editor): Room[] {
  return setup.plans.map((p) => Array.from({ length: setup.editorsPerDocument }, (_, k) => make(p, k)));
}

/** The product's editors: each room's editors as the plan's writers in turn. */
const productRoomsOf = (setup: TypingSetup): Room[] => roomsOf(setup, (p, k) => setup.editor(setup.server.url, p.documentName, p.writers[k % p.writers.length]));

/** A typing phase: the bare server, the floor or the product. */
export type PhaseName = 'bare' | 'floor' | 'product';
export const PHASES: readonly PhaseName[] = ['bare', 'floor', 'product'];

/** The bare y-websocket server's phase: 3 s of warm-up, then `measureMs` of measure. */
async function barePhase(setup: TypingSetup): Promise<PhaseResult> {
  const { pace, measureMs, stages } = setup;
  console.log('  bare y-websocket: typing…');
  const bareServer = await startBareServer();
  const bareRooms = roomsOf(setup, (p) => bareEditor(bareServer.url, p.documentName));
  try {
    const bareTraced = stages ? bareTrace(bareServer) : undefined;
    const bare = await runPhase({ rooms: bareRooms, pace, warmUpMs: 3000, measureMs, serverPid: bareServer.pid, serverOutput: bareServer.output, aroundMeasure: bareTraced?.aroundMeasure });
    console.log(`    p50 ${bare.p50Ms.toFixed(1)} ms, p99 ${bare.p99Ms.toFixed(1)} ms, ${bare.edits} edits`);
    if (bareTraced) console.log(indent(bareTraced.report('bare relay split (ms)', bare.recorder, bare.p99Ms)));
    return bare;
  } finally {
    for (const e of bareRooms.flat()) e.close();
    await bareServer.stop();
  }
}

/**
 * The floor: what any server that commits each update before relaying it achieves here, at the least cost; killed
 * while its editors type. `tailFrom`: the relay time from which its relay split counts the tail (the bare p99).
 */
async function floorPhase(setup: TypingSetup, tailFrom: number | undefined): Promise<Pick<TypingFigures, 'floor' | 'floorDurable' | 'floorAppends'>> {
  const { plans, databaseUrl, pace, measureMs, stages } = setup;
  console.log('  bare y-websocket + durable append (the floor): typing, then kill -9 while they type…');
  const floorServer = await startBareServer(databaseUrl);
  const floorRooms = roomsOf(setup, (p) => bareEditor(floorServer.url, p.documentName));
  try {
    const floorTraced = stages ? bareTrace(floorServer) : undefined;
    const floor = await runPhase({
      rooms: floorRooms,
      pace,
      warmUpMs: 3000,
      measureMs,
      serverPid: floorServer.pid,
      serverOutput: floorServer.output,
      databaseUrl,
      logSequence: 'bare_update_seq_seq',
      atEnd: floorServer.kill9,
      aroundMeasure: floorTraced?.aroundMeasure,
    });
    for (const e of floorRooms.flat()) e.close();
    const floorDurable = await checkDurability(floorRooms, floor.recorder, (r) => storedBareDocument(databaseUrl, plans[r].documentName));
    const floorAppends = readAppendFigures(floorServer.output());
    console.log(`    p50 ${floor.p50Ms.toFixed(1)} ms, p99 ${floor.p99Ms.toFixed(1)} ms, ${floor.edits} edits; durable ${floorDurable.stored}/${floorDurable.seen}`);
    if (floorTraced) console.log(indent(floorTraced.report('floor relay split (ms; server before apply = the wait for its commit)', floor.recorder, tailFrom ?? floor.p99Ms)));
    return { floor, floorDurable, floorAppends };
  } finally {
    for (const e of floorRooms.flat()) e.close();
    await floorServer.kill9();
  }
}

/**
 * The product's phase, on the server already running. The last one is ended while its editors
 * type (kill -9); any other by closing the editors, the server left running as a server runs, and its work once the
 * documents are quiet (it compacts them: COMPACTION in collab-server.ts) waited for, so that it does not fall in the
 * next phase, another server's.
 */
async function productPhase(setup: TypingSetup, tailFrom: number | undefined, last: boolean): Promise<Pick<TypingFigures, 'product' | 'productDurable'>> {
  const { server, endPhase, plans, databaseUrl, pace, measureMs, stages } = setup;
  console.log(last ? '  product: typing, then kill -9 while they type…' : '  product: typing (the server stays up for the next repeat)…');
  const productRooms = productRoomsOf(setup);
  const productTraced = stages ? stageTimings(server, databaseUrl) : undefined;
  const productStartedAt = new Date();
  const product = await runPhase({
    rooms: productRooms,
    pace,
    warmUpMs: 3000,
    measureMs,
    serverPid: server.pid,
    serverOutput: () => server.recentOutput,
    databaseUrl,
    atEnd: last ? endPhase : undefined,
    aroundMeasure: productTraced?.aroundMeasure,
  });
  for (const e of productRooms.flat()) e.close();
  if (!last) await compactionDone(databaseUrl, plans.map((p) => p.documentName), productStartedAt);
  const productDurable = await checkDurability(productRooms, product.recorder, (r) => server.stored(plans[r].documentName));
  console.log(`    p50 ${product.p50Ms.toFixed(1)} ms, p99 ${product.p99Ms.toFixed(1)} ms, ${product.edits} edits, ${Math.round(product.rowsPerSecond ?? 0)} rows/s; durable ${productDurable.stored}/${productDurable.seen}`);
  const upkeep = await upkeepSince(databaseUrl, plans.map((p) => p.documentName), productStartedAt);
  console.log(
    `    compaction: ${upkeep.compacted} of ${plans.length} documents compacted during the phase (a document is compacted once quiet for ${COMPACTION.idleMs / 1000} s, or at ${COMPACTION.maxUpdates.toLocaleString('en-US')} rows); rows left in the log per document: ${upkeep.rowsMin}–${upkeep.rowsMax}`,
  );
  if (productTraced) console.log(indent(productTraced.report('FE2I relay split (ms)', product.recorder, tailFrom ?? product.p99Ms)));
  return { product, productDurable };
}

/**
 * The phases one after the other in the order given (bare, floor, product unless told), each 3 s of warm-up and
 * `measureMs` of measure, the commit price first. The baselines' servers are started for their phase (the floor killed
 * while its editors type); the product's is killed at the end of its phase when `last`, else left up for the next
 * repeat.
 */
export async function typingInARow(setup: TypingSetup, order: readonly PhaseName[] = PHASES, last = true): Promise<TypingFigures> {
  const commit = await measureCommitPrice(setup.databaseUrl);
  console.log(`    commit p50 ${commit.p50Ms.toFixed(2)} ms, p99 ${commit.p99Ms.toFixed(2)} ms (${commit.settings})`);
  let bare: PhaseResult | undefined;
  let floor: Awaited<ReturnType<typeof floorPhase>> | undefined;
  let product: Awaited<ReturnType<typeof productPhase>> | undefined;
  for (const name of order) {
    if (name === 'bare') bare = await barePhase(setup);
    else if (name === 'floor') floor = await floorPhase(setup, bare?.p99Ms);
    else product = await productPhase(setup, bare?.p99Ms, last);
  }
  if (!bare || !floor || !product) throw new Error(`typingInARow: every phase must run once (${order.join(', ')})`);
  return { commit, bare, ...floor, floorAppendsWindow: 'measure', ...product };
}

/** Rounds of the phases in turns: each server types 4-s slots, five of them (20 s in all, as a phase in a row). */
const ROUNDS = 5;
/** Typing before each slot's measure: as long as a phase's warm-up in a row. */
const SLOT_WARM_UP_MS = 3000;
const COMMITS_PER_ROUND = 400;
/** The product's compaction after each of its slots is waited for at most this long (a sweep every 10 s). */
const COMPACTION_WAIT_MS = COMPACTION.everyMs + COMPACTION.idleMs + 3000;

/**
 * Until no plan's log holds enough updates to be compacted (COMPACTION.minUpdates), or COMPACTION_WAIT_MS: the
 * product compacts the documents of its last slot once they are quiet, and that work must not fall in the next
 * server's slot.
 */
async function compactionDone(databaseUrl: string, documentNames: string[], since: Date): Promise<void> {
  const deadline = Date.now() + COMPACTION_WAIT_MS;
  while (Date.now() < deadline && (await upkeepSince(databaseUrl, documentNames, since)).rowsMax >= COMPACTION.minUpdates) {
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The phases in turns (relay-rounds.ts), then each durable server killed while its editors type. */
export async function typingInTurns(setup: TypingSetup): Promise<TypingFigures> {
  const { server, endPhase, plans, databaseUrl, pace, measureMs } = setup;
  const slotMs = measureMs / ROUNDS;
  const names = plans.map((p) => p.documentName);
  const bareServer = await startBareServer();
  const floorServer = await startBareServer(databaseUrl);
  const bareRooms = roomsOf(setup, (p) => bareEditor(bareServer.url, p.documentName));
  const floorRooms = roomsOf(setup, (p) => bareEditor(floorServer.url, p.documentName));
  const productRooms = productRoomsOf(setup);
  console.log(
    `  in turns: the bare server, the floor (the same committing each update before relaying it) and the product, ${ROUNDS} rounds of one ${slotMs / 1000}-s slot each ` +
      `(after ${SLOT_WARM_UP_MS / 1000} s of typing), the order rotating; the commit price sampled before each round (${COMMITS_PER_ROUND} commits); the machine left to go quiet before each slot…`,
  );
  const productStartedAt = new Date();
  let result: Awaited<ReturnType<typeof runRounds>>;
  try {
    result = await runRounds({
      servers: [
        { rooms: bareRooms, serverPid: bareServer.pid, serverOutput: bareServer.output },
        { rooms: floorRooms, serverPid: floorServer.pid, serverOutput: floorServer.output, databaseUrl, logSequence: 'bare_update_seq_seq' },
        { rooms: productRooms, serverPid: server.pid, serverOutput: () => server.recentOutput, databaseUrl, afterSlot: () => compactionDone(databaseUrl, names, productStartedAt) },
      ],
      pace,
      rounds: ROUNDS,
      slotMs,
      warmUpMs: SLOT_WARM_UP_MS,
      databaseUrl,
      commitsPerRound: COMMITS_PER_ROUND,
    });
  } catch (error) {
    // The floor is ended here on success (killed while typing, below): on a failure, now, not left running.
    for (const e of floorRooms.flat()) e.close();
    await floorServer.stop();
    throw error;
  } finally {
    for (const e of bareRooms.flat()) e.close();
    await bareServer.stop();
  }
  const [bare, floor, product] = result.phases;
  const commit = result.commit;
  console.log(`    commit p50 ${commit.p50Ms.toFixed(2)} ms, p99 ${commit.p99Ms.toFixed(2)} ms (${commit.settings})`);
  for (const [label, p] of [['bare', bare], ['floor', floor], ['product', product]] as const) {
    console.log(`    ${label}: p50 ${p.p50Ms.toFixed(1)} ms, p99 ${p.p99Ms.toFixed(1)} ms, ${p.edits} edits`);
  }
  const upkeep = await upkeepSince(databaseUrl, names, productStartedAt);
  console.log(
    `    compaction: ${upkeep.compacted} of ${plans.length} documents compacted between the product's slots (waited for after each); rows left in the log per document: ${upkeep.rowsMin}–${upkeep.rowsMax}`,
  );

  console.log('  the floor, then the product: typing, then kill -9 while they type…');
  const floorAppends = readAppendFigures(floorServer.output());
  await killWhileTyping(floorRooms, floor.recorder, pace, 2000, floorServer.kill9);
  for (const e of floorRooms.flat()) e.close();
  const floorDurable = await checkDurability(floorRooms, floor.recorder, (r) => storedBareDocument(databaseUrl, names[r]));
  await killWhileTyping(productRooms, product.recorder, pace, 2000, endPhase);
  for (const e of productRooms.flat()) e.close();
  const productDurable = await checkDurability(productRooms, product.recorder, (r) => server.stored(names[r]));
  console.log(`    durable: floor ${floorDurable.stored}/${floorDurable.seen}, product ${productDurable.stored}/${productDurable.seen}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  return {
    commit,
    bare,
    floor,
    floorDurable,
    floorAppends,
    floorAppendsWindow: 'its last slot',
    product,
    productDurable,
    turns: { rounds: ROUNDS, slotMs, slotP99s: result.slotP99s, secondP99s: result.secondP99s, settleMs: result.settleMs },
  };
}
