import type { EngineContext } from './engine-context.js';
import type { CandidateScratch } from './substitution-search.js';

export const NOT_INSERTED = -2;
export const NOTHING_EVICTED = -1;

/**
 * Every flow's best `k` counterparts, best first, in flat typed arrays indexed by slot × k: a 100k-flow territory
 * keeps its lists without a million small objects for the garbage collector to trace.
 */
export class TopLists {
  private count = new Uint8Array(0);
  /** By slot: the score of the last of a full list (-Infinity while the list is not full). Read-only outside. */
  worst = new Float64Array(0);
  private other = new Int32Array(0);
  private pathway = new Int32Array(0);
  private score = new Float64Array(0);
  private distance = new Float64Array(0);

  constructor(readonly k: number, private readonly ctx: EngineContext) {}

  ensure(slots: number): void {
    if (slots <= this.count.length) return;
    const size = Math.max(slots, Math.ceil(this.count.length * 1.5), 64);
    const k = this.k;
    this.count = grow(this.count, new Uint8Array(size));
    this.worst = grow(this.worst, new Float64Array(size).fill(-Infinity));
    this.other = grow(this.other, new Int32Array(size * k));
    this.pathway = grow(this.pathway, new Int32Array(size * k));
    this.score = grow(this.score, new Float64Array(size * k));
    this.distance = grow(this.distance, new Float64Array(size * k));
  }

  size(slot: number): number {
    return this.count[slot] ?? 0;
  }

  otherAt(slot: number, at: number): number {
    return this.other[slot * this.k + at];
  }

  /** Position of `other` in the list of `slot`, or -1. */
  indexOf(slot: number, other: number): number {
    const base = slot * this.k;
    const n = this.count[slot] ?? 0;
    for (let at = 0; at < n; at++) if (this.other[base + at] === other) return at;
    return -1;
  }

  pathwayAt(slot: number, at: number): number {
    return this.pathway[slot * this.k + at];
  }

  distanceAt(slot: number, at: number): number {
    return this.distance[slot * this.k + at];
  }

  clear(slot: number): void {
    if (slot >= this.count.length) return;
    this.count[slot] = 0;
    this.worst[slot] = -Infinity;
  }

  /** The list of `slot`, as the slots it holds (a copy). */
  others(slot: number): number[] {
    const n = this.size(slot);
    const list = new Array<number>(n);
    for (let at = 0; at < n; at++) list[at] = this.other[slot * this.k + at];
    return list;
  }

  /** Replaces the list of `slot` by the best `k` counterparts in the scratch arrays. */
  fillFrom(slot: number, scratch: CandidateScratch): void {
    this.clear(slot);
    for (let c = 0; c < scratch.n; c++) this.offer(slot, scratch.slots[c], scratch, c);
  }

  /**
   * Offers to the list of `slot` the counterpart `other`, with the pathway, score and distance of candidate `c`
   * of the scratch arrays. Returns NOT_INSERTED when it does not rank among the best `k`, the slot it pushed out,
   * or NOTHING_EVICTED.
   */
  offer(slot: number, other: number, scratch: CandidateScratch, c: number): number {
    const score = scratch.scores[c];
    const k = this.k;
    if (k === 0) return NOT_INSERTED;
    const n = this.count[slot];
    // Most offers lose against a full list's worst: decided on one number, without touching the list.
    if (n === k && score <= this.worst[slot]) {
      if (score < this.worst[slot] || !(this.idOf(other) < this.idOf(this.other[slot * k + k - 1]))) return NOT_INSERTED;
    }
    const base = slot * k;
    const evicted = n === k ? this.other[base + k - 1] : NOTHING_EVICTED;
    let at = n === k ? k - 1 : n;
    while (at > 0) {
      const s = this.score[base + at - 1];
      if (score < s || (score === s && !(this.idOf(other) < this.idOf(this.other[base + at - 1])))) break;
      this.other[base + at] = this.other[base + at - 1];
      this.pathway[base + at] = this.pathway[base + at - 1];
      this.score[base + at] = s;
      this.distance[base + at] = this.distance[base + at - 1];
      at--;
    }
    this.other[base + at] = other;
    this.pathway[base + at] = scratch.pathways[c];
    this.score[base + at] = score;
    this.distance[base + at] = scratch.distances[c];
    if (n < k) this.count[slot] = n + 1;
    this.worst[slot] = this.count[slot] === k ? this.score[base + k - 1] : -Infinity;
    return evicted;
  }

  private idOf(slot: number): string {
    return this.ctx.flows[slot]!.id;
  }
}

function grow<T extends Uint8Array | Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
