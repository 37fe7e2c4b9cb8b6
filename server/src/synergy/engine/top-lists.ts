import type { EngineContext } from './engine-context.js';
import type { CandidateScratch } from './substitution-search.js';

/** Whether counterpart `a` ranks before `b`: higher score, then the smaller flow id. */
export function ranksBefore(aScore: number, aId: string, bScore: number, bId: string): boolean {
  return aScore > bScore || (aScore === bScore && aId < bId);
}

export const NOT_INSERTED = -2;
export const NOTHING_EVICTED = -1;

/**
 * Every flow's best `k` counterparts, best first, in flat typed arrays indexed by slot × k: a 100k-flow territory
 * keeps its lists without a million small objects for the garbage collector to trace.
 */
export class TopLists {
  private count = new Uint8Array(0);
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

  entry(slot: number, at: number): { other: number; pathwayIndex: number; score: number; distanceKm: number } {
    const i = slot * this.k + at;
    return { other: this.other[i], pathwayIndex: this.pathway[i], score: this.score[i], distanceKm: this.distance[i] };
  }

  clear(slot: number): void {
    if (slot < this.count.length) this.count[slot] = 0;
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
    this.count[slot] = 0;
    for (let c = 0; c < scratch.n; c++) {
      this.offer(slot, scratch.slots[c], scratch.pathways[c], scratch.scores[c], scratch.distances[c]);
    }
  }

  /**
   * Offers a counterpart to the list of `slot`. Returns NOT_INSERTED when it does not rank among the best `k`,
   * the slot it pushed out, or NOTHING_EVICTED.
   */
  offer(slot: number, other: number, pathwayIndex: number, score: number, distanceKm: number): number {
    const k = this.k;
    if (k === 0) return NOT_INSERTED;
    const base = slot * k;
    const n = this.count[slot];
    const flows = this.ctx.flows;
    const id = flows[other]!.id;
    if (n === k && !ranksBefore(score, id, this.score[base + k - 1], flows[this.other[base + k - 1]]!.id)) return NOT_INSERTED;
    let at = n === k ? k - 1 : n;
    const evicted = n === k ? this.other[base + k - 1] : NOTHING_EVICTED;
    while (at > 0 && ranksBefore(score, id, this.score[base + at - 1], flows[this.other[base + at - 1]]!.id)) {
      this.other[base + at] = this.other[base + at - 1];
      this.pathway[base + at] = this.pathway[base + at - 1];
      this.score[base + at] = this.score[base + at - 1];
      this.distance[base + at] = this.distance[base + at - 1];
      at--;
    }
    this.other[base + at] = other;
    this.pathway[base + at] = pathwayIndex;
    this.score[base + at] = score;
    this.distance[base + at] = distanceKm;
    if (n < k) this.count[slot] = n + 1;
    return evicted;
  }
}

function grow<T extends Uint8Array | Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}
