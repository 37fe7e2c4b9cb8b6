import type { EngineContext } from './engine-context.js';
import type { EngineOptions } from './engine.options.js';
import { HIDDEN_QUANTITY } from './member-record.js';

/**
 * Counterparts found for one flow, in parallel arrays (candidate `c` at index `c`, the first `n` in use): what a list
 * is filled or offered from. The search's CandidateScratch is one.
 */
export interface Candidates {
  readonly n: number;
  readonly slots: Int32Array;
  readonly pathways: Int32Array;
  /** The pair's rank: its score plus its route's step in the waste hierarchy (hierarchyStep, pair-score.ts). */
  readonly scores: Float64Array;
  readonly distances: Float64Array;
  /** The pair's quantities in its pathway's unit (NaN: unknown): the flow's own and the counterpart's. */
  readonly ownQuantities: Float64Array;
  readonly counterpartQuantities: Float64Array;
}

export const NOT_INSERTED = -2;
export const INSERTED = -1;

/** How many counterparts a flow's list may hold under these options (COVERING lists grow until covered). */
export function listCapacity(options: EngineOptions): number {
  return options.counterpartRule === 'COVERING'
    ? Math.max(options.maxCounterpartsPerFlow, options.maxCounterpartsToCover)
    : options.maxCounterpartsPerFlow;
}

/** Entries of the block each list starts in (at most the capacity); a longer list moves to a block of the capacity. */
const SMALL_BLOCK = 4;

/**
 * Every flow's best counterparts, best first, in flat typed arrays, each list in a block of its own: a 100k-flow
 * territory keeps its lists without a million small objects for the garbage collector to trace.
 *
 * A list starts in a block of SMALL_BLOCK entries and moves to one of the full capacity when it outgrows it (COVERING
 * lists may hold 8; four in five hold 3). Blocks of the capacity for every slot were 33 MB of typed arrays at 100k
 * flows: with the member grids, over the 64 MB of new off-heap memory at which V8 starts a full collection, during
 * every full detection (150–300 ms of pause, measured). Where a list is stored changes nothing of what it holds.
 *
 * A list holds the best `k` counterparts (`maxCounterpartsPerFlow`). Under the COVERING rule it holds at least
 * `k`, and more, best first, while their quantities do not cover the flow's own (a need not yet supplied, a source
 * not yet placed), up to `capacity`: the shortest prefix of the ranked counterparts, of at least `k`, whose shares
 * sum to 1 — a function of the counterparts alone, so that incremental updates and a fresh detection agree —
 * followed, for a flow that declares no quantity (its `k` best are then a guess), by those ranking within
 * `counterpartTieMargin` of its k-th (near-ties: see the option), still up to `capacity`.
 */
export class TopLists {
  private count = new Uint8Array(0);
  /** By slot: where its list's block starts in the entry arrays, and how many entries it holds. */
  private base = new Int32Array(0);
  private room = new Uint8Array(0);
  /**
   * COVERING, by slot: 1 when the flow declares no quantity (its cut keeps near-ties, see `offer`), set when its list
   * is cleared. Read on every entry: through ctx.flows it was three dependent loads into objects all over the heap,
   * the costliest line of the lists (a tenth of a 100k detection's time in `offer`, measured).
   */
  private guessed = new Uint8Array(0);
  /** Entries of the entry arrays given out to blocks so far; blocks given back, by size, for reuse. */
  private used = 0;
  private readonly freeSmall: number[] = [];
  private readonly freeLarge: number[] = [];
  /** The size of the blocks lists start in. */
  private readonly small: number;
  /**
   * By slot: the score of the last of a complete list (-Infinity while the list would take any counterpart), under
   * which no counterpart enters it; it only rises as counterparts are offered. Read-only outside.
   */
  worst = new Float64Array(0);
  private other = new Int32Array(0);
  private pathway = new Int32Array(0);
  private score = new Float64Array(0);
  private distance = new Float64Array(0);
  /** The counterpart's quantity in the pair's pathway unit (NaN: unknown), for ties (see `ranksBefore`). */
  private quantity = new Float64Array(0);
  /** COVERING: the share of the flow's quantity each counterpart covers (see `share`). */
  private covers = new Float64Array(0);
  /**
   * The slots the last `offer` pushed out of the list: the first `evictedCount` (at most the capacity). A typed array
   * written in place: emptying an array by `length = 0` drops its storage, and every offer that evicts would allocate
   * a new one (a hundred megabytes of garbage per 100k-flow detection, measured).
   */
  evicted = new Int32Array(0);
  evictedCount = 0;
  /** The largest list. */
  private readonly capacity: number;
  private readonly covering: boolean;
  private readonly tieMargin: number;

  constructor(readonly k: number, private readonly ctx: EngineContext) {
    this.covering = ctx.options.counterpartRule === 'COVERING';
    this.capacity = this.covering ? Math.max(k, ctx.options.maxCounterpartsToCover) : k;
    this.tieMargin = ctx.options.counterpartTieMargin;
    this.small = Math.min(this.capacity, SMALL_BLOCK);
    this.evicted = new Int32Array(this.capacity + 1);
  }

  ensure(slots: number): void {
    const from = this.count.length;
    if (slots <= from) return;
    const size = Math.max(slots, Math.ceil(from * 1.5), 64);
    this.count = grow(this.count, new Uint8Array(size));
    this.worst = grow(this.worst, new Float64Array(size).fill(-Infinity));
    this.base = grow(this.base, new Int32Array(size));
    this.room = grow(this.room, new Uint8Array(size));
    this.guessed = grow(this.guessed, new Uint8Array(size));
    // Each new slot's small block, and room for an eighth of the slots to hold a long list. A sixteenth was short at
    // 100k flows (7.1k long lists at once): the entry arrays grew by half, 27 MB allocated where 18 MB were in use,
    // and the 18 MB left behind counted too towards the off-heap growth that starts a full collection.
    this.reserve(this.used + (size - from) * this.small + Math.ceil(size / 8) * this.capacity);
    for (let slot = from; slot < size; slot++) {
      this.base[slot] = this.used;
      this.room[slot] = this.small;
      this.used += this.small;
    }
  }

  /** Entry arrays of at least `entries` (kept when large enough). */
  private reserve(entries: number): void {
    if (entries <= this.other.length) return;
    const size = Math.max(entries, Math.ceil(this.other.length * 1.5));
    this.other = grow(this.other, new Int32Array(size));
    this.pathway = grow(this.pathway, new Int32Array(size));
    this.score = grow(this.score, new Float64Array(size));
    this.distance = grow(this.distance, new Float64Array(size));
    this.quantity = grow(this.quantity, new Float64Array(size));
    if (this.covering) this.covers = grow(this.covers, new Float64Array(size));
  }

  /** Moves the list of `slot` (its `n` entries) from its small block to one of the full capacity. */
  private widen(slot: number, n: number): void {
    let to = this.freeLarge.pop();
    if (to === undefined) {
      this.reserve(this.used + this.capacity);
      to = this.used;
      this.used += this.capacity;
    }
    const from = this.base[slot];
    this.copyEntries(from, to, n);
    this.freeSmall.push(from);
    this.base[slot] = to;
    this.room[slot] = this.capacity;
  }

  /**
   * Moves the list of `slot` (its `n` entries, at most a small block's) back to a small block (one was given back when
   * it widened): a list that held one more for a moment before the COVERING rule cut it (most do) gives its room back.
   */
  private narrow(slot: number, n: number): void {
    const from = this.base[slot];
    const to = this.freeSmall.pop()!;
    this.copyEntries(from, to, n);
    this.freeLarge.push(from);
    this.base[slot] = to;
    this.room[slot] = this.small;
  }

  /** Copies `n` entries of every column from `from` to `to` (a list moving between blocks). */
  private copyEntries(from: number, to: number, n: number): void {
    this.other.copyWithin(to, from, from + n);
    this.pathway.copyWithin(to, from, from + n);
    this.score.copyWithin(to, from, from + n);
    this.distance.copyWithin(to, from, from + n);
    this.quantity.copyWithin(to, from, from + n);
    if (this.covering) this.covers.copyWithin(to, from, from + n);
  }

  size(slot: number): number {
    return this.count[slot] ?? 0;
  }

  otherAt(slot: number, at: number): number {
    return this.other[this.base[slot] + at];
  }

  /** Position of `other` in the list of `slot`, or -1. */
  indexOf(slot: number, other: number): number {
    const base = this.base[slot];
    const n = this.count[slot] ?? 0;
    for (let at = 0; at < n; at++) if (this.other[base + at] === other) return at;
    return -1;
  }

  /** The rank (score plus hierarchy step) of the entry at `at` in the list of `slot`. */
  scoreAt(slot: number, at: number): number {
    return this.score[this.base[slot] + at];
  }

  pathwayAt(slot: number, at: number): number {
    return this.pathway[this.base[slot] + at];
  }

  distanceAt(slot: number, at: number): number {
    return this.distance[this.base[slot] + at];
  }

  /** Empties the list of `slot`, now for the flow in `ctx.flows[slot]` (every list is cleared before it is offered to). */
  clear(slot: number): void {
    if (slot >= this.count.length) return;
    if (this.covering) this.guessed[slot] = declaresQuantity(this.ctx.flows[slot]?.flow.yearlyQuantity ?? null) ? 0 : 1;
    this.count[slot] = 0;
    this.worst[slot] = -Infinity;
    if (this.room[slot] !== this.small) this.narrow(slot, 0);
  }

  /** The list of `slot`, as the slots it holds (a copy). */
  others(slot: number): number[] {
    const n = this.size(slot);
    const base = this.base[slot];
    const list = new Array<number>(n);
    for (let at = 0; at < n; at++) list[at] = this.other[base + at];
    return list;
  }

  /**
   * Replaces the list of `slot` by its best counterparts in the scratch arrays (the scratch searched for it). `floor`:
   * a rank under which no counterpart can be in the list (the search's running floor, see CandidateScratch): those
   * are not offered. The scratch keeps them for the counterparts' own lists, and they come in the order the search
   * met them, so that most entered the list only to be pushed out (720k of 1.36M candidates at 100k flows).
   */
  fillFrom(slot: number, scratch: Candidates, floor = -Infinity): void {
    this.clear(slot);
    for (let c = 0; c < scratch.n; c++) {
      if (scratch.scores[c] < floor) continue;
      this.offer(slot, scratch.slots[c], scratch, c, false);
    }
  }

  /**
   * Offers to the list of `slot` the counterpart `other`, with the pathway, score, distance and quantities of
   * candidate `c` of the scratch arrays: `back` false when `slot` is the flow that searched (its quantity is the
   * candidate's own, `other`'s the counterpart's), true when `slot` is the candidate offered the searching flow
   * `other` (the other way round). The quantities are read here, not passed: a double passed to a call that is not
   * inlined is boxed, hundreds of thousands of times per detection. Returns NOT_INSERTED when it does not rank in the
   * list, else INSERTED, the slots it pushed out being in `evicted`.
   */
  offer(slot: number, other: number, scratch: Candidates, c: number, back: boolean): number {
    const score = scratch.scores[c];
    const distance = scratch.distances[c];
    // The counterpart's own quantity in the pathway unit (NaN: unknown), for ties (see `ranksBefore`).
    const otherQuantity = back ? scratch.ownQuantities[c] : scratch.counterpartQuantities[c];
    const k = this.capacity;
    if (k === 0) return NOT_INSERTED;
    const n = this.count[slot];
    // Most offers lose against a complete list's worst: decided on one number, without touching the list.
    if (score <= this.worst[slot]) {
      if (score < this.worst[slot] || !this.ranksBefore(score, distance, otherQuantity, other, this.base[slot] + n - 1)) return NOT_INSERTED;
    }
    this.evictedCount = 0;
    if (n === this.room[slot] && n < k) this.widen(slot, n);
    const base = this.base[slot];
    if (n === k) this.evicted[this.evictedCount++] = this.other[base + k - 1];
    let at = n === k ? k - 1 : n;
    while (at > 0) {
      if (!this.ranksBefore(score, distance, otherQuantity, other, base + at - 1)) break;
      this.other[base + at] = this.other[base + at - 1];
      this.pathway[base + at] = this.pathway[base + at - 1];
      this.score[base + at] = this.score[base + at - 1];
      this.distance[base + at] = this.distance[base + at - 1];
      this.quantity[base + at] = this.quantity[base + at - 1];
      if (this.covering) this.covers[base + at] = this.covers[base + at - 1];
      at--;
    }
    this.other[base + at] = other;
    this.pathway[base + at] = scratch.pathways[c];
    this.score[base + at] = score;
    this.distance[base + at] = distance;
    this.quantity[base + at] = otherQuantity;
    if (n < k) this.count[slot] = n + 1;
    if (!this.covering) {
      this.worst[slot] = this.count[slot] === k ? this.score[base + k - 1] : -Infinity;
      return INSERTED;
    }
    // The share of the flow's quantity the counterpart covers (see `share`).
    this.covers[base + at] = share(otherQuantity, back ? scratch.counterpartQuantities[c] : scratch.ownQuantities[c], this.k);
    // The shortest prefix of at least `k` (the floor) whose shares cover the flow; the rest is pushed out.
    const length = this.count[slot];
    let sum = 0;
    let kept = length;
    let covered = false;
    for (let j = 0; j < length; j++) {
      sum += this.covers[base + j];
      if (j + 1 >= this.k && sum >= 1) {
        kept = j + 1;
        covered = true;
        break;
      }
    }
    // A flow of unknown quantity, cut at its k-th by guessed shares, keeps that one's near-ties too (see
    // counterpartTieMargin); a cut declared quantities place stays (a 10 t source is not offered to more 10 t
    // needs than its floor). A property of the flow, not of the counterpart at the cut: the threshold then only
    // rises as counterparts come, and a counterpart once cut stays cut.
    let floor = -Infinity;
    if (covered) {
      floor = this.score[base + kept - 1];
      if (this.guessed[slot] === 1) {
        floor -= this.tieMargin;
        while (kept < length && this.score[base + kept] > floor) kept++;
      }
    }
    for (let j = kept; j < length; j++) this.evicted[this.evictedCount++] = this.other[base + j];
    this.count[slot] = kept;
    this.worst[slot] = kept === k ? this.score[base + kept - 1] : floor;
    if (kept <= this.small && this.room[slot] !== this.small) this.narrow(slot, kept);
    return INSERTED;
  }

  /**
   * Whether a counterpart ranks before the one held at `at`: the better rank (its score and its step in the waste
   * hierarchy, see hierarchyStep in pair-score.ts); on a tie (scores are rounded, and tie
   * often when quantities are unknown), the nearer, then the larger declared quantity (unknown last); the ids only
   * when all of these are equal, so that which pairs survive never depends on how ids happen to sort.
   */
  private ranksBefore(score: number, distance: number, quantity: number, other: number, at: number): boolean {
    const s = this.score[at];
    if (score !== s) return score > s;
    const d = this.distance[at];
    if (distance !== d) return distance < d;
    const mine = quantity === quantity ? quantity : -1;
    const held = this.quantity[at] === this.quantity[at] ? this.quantity[at] : -1;
    if (mine !== held) return mine > held;
    return this.idOf(other) < this.idOf(this.other[at]);
  }

  private idOf(slot: number): string {
    return this.ctx.flows[slot]!.id;
  }
}

/** Whether a flow's declared yearly quantity is one (positive): a COVERING cut is then the quantities'. */
export function declaresQuantity(yearlyQuantity: number | null): boolean {
  return yearlyQuantity !== null && yearlyQuantity > 0;
}

function grow<T extends Uint8Array | Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

/**
 * The share of a flow's quantity (`own`) a counterpart's (`theirs`) covers, both in the pair's pathway unit; 1/k
 * when either is unknown (NaN) or not positive: a flow of unknown quantity keeps its `k` best, as under MUTUAL, and
 * a counterpart of unknown quantity counts as one of those `k`. A flow whose own quantity is hidden from its
 * counterparts (HIDDEN_QUANTITY: every PRIVATE flow, with a quantity or without) is never covered: its list keeps
 * its best up to the capacity, so that how many counterparts it keeps says nothing of its quantity — not even
 * whether it declared one — and a large PRIVATE need is not left at `k`.
 */
export function share(theirs: number, own: number, k: number): number {
  if (own === HIDDEN_QUANTITY) return 0;
  return theirs > 0 && own > 0 ? theirs / own : 1 / (k > 0 ? k : 1);
}
