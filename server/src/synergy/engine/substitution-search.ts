import type { EngineContext } from './engine-context.js';
import { EARTH_RADIUS_KM } from './geo.js';
import { writeRecord, type MemberGrid } from './member-grid.js';
import { REC, STRIDE } from './member-record.js';
import { HAZARD, HAZARD_HANDLED, IO, KERNEL, NEED_COVERAGE_WEIGHT, hierarchyStep, PART, QUANTITY_UNKNOWN, scoreRecords } from './pair-score.js';
import type { PreparedFlow, SideMatch } from './compiled.types.js';
import { declaresQuantity, listCapacity, share, type Candidates } from './top-lists.js';

/**
 * The search for one flow's substitution counterparts: for each pathway the flow is a side of, the cells of the
 * other side's member grid within the pathway's reach are streamed through; each pair is scored by the numeric core
 * (no allocation); a pair reachable through several pathways keeps its best one. Results go to typed scratch
 * arrays, reused from call to call.
 */

/** Calls of one scratch before its deduplication table is emptied and the count starts again (see `begin`). */
export const CALL_LIMIT = 0x40000000;
/**
 * Candidates a scratch holds before it grows: more than one search meets at 100k flows (at most 1,118; 55 searches
 * above 512). Grown from 256, every detection grew each new scratch three times and rehashed its table four times,
 * and each of these rare steps, met again in a new detection, threw away the optimised search it is inlined in (12
 * deoptimisations of findCounterparts in 5 detections, 4 since; about 4 % less CPU per detection, 3 of 3 A/B rounds).
 */
const INITIAL_CAPACITY = 2048;

export class CandidateScratch implements Candidates {
  n = 0;
  slots: Int32Array;
  pathways: Int32Array;
  scores: Float64Array;
  distances: Float64Array;
  /**
   * The pair's quantities in its pathway's unit (NaN: unknown): the searching flow's and the counterpart's. Read by
   * the COVERING rule (see TopLists), which counts how far a flow's counterparts cover its own quantity.
   */
  ownQuantities: Float64Array;
  counterpartQuantities: Float64Array;
  /**
   * The counterparts seen in this call, for deduplication without a Map: an open-addressing table keyed by slot, at
   * 4 × entry the call that wrote it, the slot and where it sits in the arrays. Sized by the call's candidates (a few
   * dozen), not by the slots: the same lookup by slot read an array of the territory's size at slots all over it,
   * a cache miss on most of the 1.4M pairs offered at 100k flows. Entries of an earlier call count as empty. Twice
   * the capacity in entries (kept at most half full): 64 KB, what the table grew to within a 100k-flow detection.
   */
  private table: Int32Array;
  private mask: number;
  private call = 0;
  readonly cellBuffer: number[][] = [];
  /**
   * The best `k` scores of the counterparts seen so far, each counted once with the first score seen (a flow's
   * best can only be higher): the k-th of them is a floor under the flow's final k-th best counterpart.
   */
  private running = new Float64Array(0);
  /**
   * COVERING (see TopLists): the shares the running counterparts cover, when they do not depend on the pathway (the
   * flow's sides share one unit); the floor is then the last of the shortest covering prefix, not the k-th.
   */
  private runningShares = new Float64Array(0);
  /** The floor count of counterparts when shares are counted; -1 when not. */
  private coveringK = -1;
  private runningCount = 0;
  /** That floor, at [0] (-Infinity until k counterparts were seen); a typed array never boxes the number. */
  readonly floor = new Float64Array([-Infinity]);

  private tieMargin = 0;

  /** `capacity`: candidates held before growing (a power of two). */
  constructor(capacity = INITIAL_CAPACITY) {
    this.slots = new Int32Array(capacity);
    this.pathways = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
    this.distances = new Float64Array(capacity);
    this.ownQuantities = new Float64Array(capacity);
    this.counterpartQuantities = new Float64Array(capacity);
    this.table = new Int32Array(4 * 2 * capacity);
    this.mask = 2 * capacity - 1;
  }

  begin(k: number, coveringK = -1, tieMargin = 0): void {
    this.tieMargin = tieMargin;
    if (this.running.length !== k) {
      this.running = new Float64Array(k);
      this.runningShares = new Float64Array(k);
    }
    this.runningCount = 0;
    this.coveringK = coveringK;
    this.floor[0] = -Infinity;
    this.n = 0;
    // The table stores the call as an Int32: past 2^31 calls (a detection thread's 100k-flow detection makes 170k)
    // the stored call would wrap and never equal this one again, every counterpart would count as new, and a pair
    // reachable by two pathways would be offered twice. Start again from an empty table well before that.
    if (++this.call >= CALL_LIMIT) {
      this.table.fill(0);
      this.call = 1;
    }
  }

  /** Where the table holds `slot` in this call, or the free entry where it would go (× 4, see `table`). */
  private entryOf(slot: number): number {
    const table = this.table;
    const mask = this.mask;
    const call = this.call;
    let e = Math.imul(slot, 0x9e3779b1) >>> 0;
    for (;;) {
      e &= mask;
      const at = 4 * e;
      if (table[at] !== call || table[at + 1] === slot) return at;
      e++;
    }
  }

  /** A table twice as large, holding this call's candidates (kept at most half full). */
  private rehash(): void {
    this.table = new Int32Array(2 * this.table.length);
    this.mask = 2 * this.mask + 1;
    for (let c = 0; c < this.n; c++) {
      const e = this.entryOf(this.slots[c]);
      this.table[e] = this.call;
      this.table[e + 1] = this.slots[c];
      this.table[e + 2] = c;
    }
  }

  /**
   * Records the pair just scored (rank — score and hierarchy step — and distance in `io`), keeping per counterpart
   * the best rank (ties: the
   * pathway whose id sorts first). Numbers travel in typed arrays: passing doubles would box them, millions of times.
   */
  offer(slot: number, pathwayIndex: number, io: Float64Array, ctx: EngineContext): void {
    const score = io[IO.SCORE];
    const distanceKm = io[IO.DISTANCE];
    let e = this.entryOf(slot);
    if (this.table[e] === this.call) {
      const at = this.table[e + 2];
      const current = this.scores[at];
      if (score < current) return;
      if (score === current) {
        const pathways = ctx.kb.pathways;
        if (pathways[pathwayIndex].id >= pathways[this.pathways[at]].id) return;
      }
      this.pathways[at] = pathwayIndex;
      this.scores[at] = score;
      this.distances[at] = distanceKm;
      this.ownQuantities[at] = io[IO_OWN_QUANTITY];
      this.counterpartQuantities[at] = io[IO_COUNTERPART_QUANTITY];
      return;
    }
    if (this.n === this.slots.length) this.grow();
    if (2 * (this.n + 1) > this.mask + 1) {
      this.rehash();
      e = this.entryOf(slot);
    }
    this.raiseFloor(io);
    const at = this.n++;
    this.table[e] = this.call;
    this.table[e + 1] = slot;
    this.table[e + 2] = at;
    this.slots[at] = slot;
    this.pathways[at] = pathwayIndex;
    this.scores[at] = score;
    this.distances[at] = distanceKm;
    this.ownQuantities[at] = io[IO_OWN_QUANTITY];
    this.counterpartQuantities[at] = io[IO_COUNTERPART_QUANTITY];
  }

  private raiseFloor(io: Float64Array): void {
    const score = io[IO.SCORE];
    const k = this.running.length;
    if (k === 0) return;
    const r = this.running;
    const shares = this.runningShares;
    let at = this.runningCount < k ? this.runningCount++ : k;
    if (at === k) {
      if (score <= r[k - 1]) return;
      at = k - 1;
    }
    while (at > 0 && r[at - 1] < score) {
      r[at] = r[at - 1];
      shares[at] = shares[at - 1];
      at--;
    }
    r[at] = score;
    const coveringK = this.coveringK;
    if (coveringK < 0) {
      if (this.runningCount === k) this.floor[0] = r[k - 1];
      return;
    }
    // Counterparts seen score at least their first score: if the first m of them cover the flow (m at least the
    // floor count), its list ends at or before the m-th, which is then a floor.
    shares[at] = share(io[IO_COUNTERPART_QUANTITY], io[IO_OWN_QUANTITY], coveringK);
    let sum = 0;
    for (let j = 0; j < this.runningCount; j++) {
      sum += shares[j];
      if (j + 1 >= coveringK && sum >= 1) {
        this.floor[0] = r[j] - this.tieMargin;
        return;
      }
    }
    if (this.runningCount === k) this.floor[0] = r[k - 1];
  }

  private grow(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size);
    slots.set(this.slots);
    this.slots = slots;
    const pathways = new Int32Array(size);
    pathways.set(this.pathways);
    this.pathways = pathways;
    const scores = new Float64Array(size);
    scores.set(this.scores);
    this.scores = scores;
    const distances = new Float64Array(size);
    distances.set(this.distances);
    this.distances = distances;
    const own = new Float64Array(size);
    own.set(this.ownQuantities);
    this.ownQuantities = own;
    const theirs = new Float64Array(size);
    theirs.set(this.counterpartQuantities);
    this.counterpartQuantities = theirs;
  }
}

export interface SubstitutionGrids {
  /** By pathway index: outputs matching the pathway's output side. */
  outputs: (MemberGrid | undefined)[];
  /** By pathway index: inputs matching the pathway's input side. */
  inputs: (MemberGrid | undefined)[];
}

/**
 * COVERING: the floor count of counterparts with which the running floor counts shares for `x`; -1 (floor on the
 * capacity-th best) when not COVERING or when shares may vary by pathway (sides in different units).
 */
function coveringFloor(x: PreparedFlow, ctx: EngineContext): number {
  if (ctx.options.counterpartRule !== 'COVERING') return -1;
  const sides = x.isOutput ? x.outputSides : x.inputSides;
  for (let s = 1; s < sides.length; s++) if (sides[s].side.pathway.unit !== sides[0].side.pathway.unit) return -1;
  return ctx.options.maxCounterpartsPerFlow;
}

const self = new Float64Array(STRIDE);
/** More than the score's rounding (half of 1e-4) plus any floating-point difference between bound and score. */
const ROUNDING_MARGIN = 1e-4;
/** io[IO.DISTANCE], io[IO.SCORE], then the pair's quantities (searching flow's, counterpart's) for the scratch. */
const io = new Float64Array(4);
const IO_OWN_QUANTITY = 2;
const IO_COUNTERPART_QUANTITY = 3;
const parts = new Float64Array(6);

let sideKeys = new Float64Array(16);
let sideIndexes = new Int32Array(16);

/**
 * The order in which a flow searches its sides (indexes into `sides`, the first `sides.length` of the array returned):
 * by what its pairs may rank at best, highest first — the route's step in the waste hierarchy (see hierarchyStep),
 * then the side's compatibility, which the compatibility and distance components scale. What the running floor
 * learns on the best side prunes the others' pairs before their full score: at 100k flows, with the point's own
 * cell first (see MemberGrid.cellsNear), 1.30M pairs scored and 0.97M offered to the scratch instead of 1.89M and
 * 1.43M in the sides' own order. Ties keep that order.
 */
function sideOrder(sides: readonly SideMatch[], w0: number, w2: number): Int32Array {
  if (sideKeys.length < sides.length) {
    sideKeys = new Float64Array(2 * sides.length);
    sideIndexes = new Int32Array(2 * sides.length);
  }
  const keys = sideKeys;
  const indexes = sideIndexes;
  for (let s = 0; s < sides.length; s++) {
    const key = hierarchyStep(sides[s].side.pathway.route, w2) + ((w0 + w2) * sides[s].compatibility) / 2;
    let at = s;
    for (; at > 0 && keys[at - 1] < key; at--) {
      keys[at] = keys[at - 1];
      indexes[at] = indexes[at - 1];
    }
    keys[at] = key;
    indexes[at] = s;
  }
  return indexes;
}

/**
 * Fills `scratch` with the counterparts of `x` (an output or an input) and their best pair score — all of them,
 * except pairs that provably rank neither among the best `k` of `x` nor among the best of the counterpart (whose
 * current k-th best is `worst[slot]`; it only rises): those are skipped before the full score, on an upper bound
 * that counts quality and availability as perfect, and after it on the exact score (never offered to the scratch). Whatever reads the scratch — `x`'s best list, offers to the
 * counterparts' lists, holders of `x` — gets exactly what an exhaustive search would give it.
 */
export function findCounterparts(
  x: PreparedFlow,
  grids: SubstitutionGrids,
  ctx: EngineContext,
  scratch: CandidateScratch,
  worst: Float64Array,
): void {
  // The running floor counts as many counterparts as the longest list may hold (see TopLists); under COVERING, as
  // many as cover the flow when the share of each does not depend on the pathway (one unit on all its sides).
  // A flow that declares no quantity also keeps its k-th's near-ties (see TopLists): its floor is that much lower.
  const tieMargin = declaresQuantity(x.flow.yearlyQuantity) ? 0 : ctx.options.counterpartTieMargin;
  scratch.begin(listCapacity(ctx.options), coveringFloor(x, ctx), tieMargin);
  const w = ctx.substitutionWeights;
  const w0 = w[PART.compatibility], w1 = w[PART.quantity], w2 = w[PART.distance];
  const w3 = w[PART.quality], w4 = w[PART.availability], w5 = w[PART.hazard];
  // Exported numbers read into locals (see pair-score.ts: mixing them with computed numbers boxes everything).
  const unknownQuantity = +QUANTITY_UNKNOWN;
  const handledHazard = +HAZARD_HANDLED;
  const needWeight = +NEED_COVERAGE_WEIGHT;
  const otherWeight = 1 - needWeight;
  const twoRadii = 2 * EARTH_RADIUS_KM;
  const minScore = ctx.options.minScore;
  const cells = scratch.cellBuffer;
  const floor = scratch.floor;
  const isOutput = x.isOutput;
  const sides = isOutput ? x.outputSides : x.inputSides;
  const order = sideOrder(sides, w0, w2);
  for (let o = 0; o < sides.length; o++) {
    const xm = sides[order[o]];
    const pathway = xm.side.pathway;
    const grid = isOutput ? grids.inputs[pathway.index] : grids.outputs[pathway.index];
    if (!grid) continue;
    writeRecord(x, xm, ctx.geometry, self, 0);
    const org = self[REC.ORG];
    const sLat = self[REC.SLAT], cLat = self[REC.CLAT], sLon = self[REC.SLON], cLon = self[REC.CLON], cos = self[REC.COS];
    const kernel = pathway.kernel;
    const reachTerm = pathway.reachTerm;
    const reachKm = pathway.reachKm;
    const handled = kernel[KERNEL.HAZARD] === HAZARD.HANDLED;
    // Lists rank pairs on score plus the route's step in the waste hierarchy (see hierarchyStep): the scratch, the
    // floor and the lists' worst hold ranks, and a pair reachable by several pathways keeps its best-ranked one.
    const step = hierarchyStep(pathway.route, w2);
    const compatX = self[REC.COMPAT];
    const qtyX = self[REC.QTY];
    const invQtyX = self[REC.INV_QTY];
    // The distance component's bound is w2 × compatibility ÷ (1 + 2R√h ÷ reach)²: the division done once per pathway.
    const distanceScale = reachKm > 0 ? twoRadii / reachKm : 0;
    // The bound's terms that do not depend on the counterpart: quality and availability at 1, the route's step, the
    // margin, and the hazard component (as handled, or not hazardous).
    const fixed = w3 + w4 + w5 + step + ROUNDING_MARGIN;
    const fixedHandled = w3 + w4 + w5 * handledHazard + step + ROUNDING_MARGIN;
    const hazardX = self[REC.HAZARDOUS] === 1;
    const cellCount = grid.cellsNear(x.flow.latitude, x.flow.longitude, pathway.searchKm, cells);
    const d = grid.data;
    for (let c = 0; c < cellCount; c++) {
      const cell = cells[c];
      for (let r = 0; r < cell.length; r++) {
        const b = cell[r];
        if (d[b + REC.ORG] === org) continue;
        // The haversine term written out (see geo.ts), always with the output first: the same pair gives
        // bit-identical numbers whichever side searched, and no call boxes its ten arguments.
        let h: number;
        if (isOutput) {
          const a = d[b + REC.SLAT] * cLat - d[b + REC.CLAT] * sLat;
          const e = d[b + REC.SLON] * cLon - d[b + REC.CLON] * sLon;
          h = a * a + cos * d[b + REC.COS] * e * e;
        } else {
          const a = sLat * d[b + REC.CLAT] - cLat * d[b + REC.SLAT];
          const e = sLon * d[b + REC.CLON] - cLon * d[b + REC.SLON];
          h = a * a + d[b + REC.COS] * cos * e * e;
        }
        if (h > reachTerm) continue;
        const root = Math.sqrt(Math.min(1, Math.max(0, h)));
        if (floor[0] !== -Infinity) {
          // Upper bound of the score: its own sum, term by term, with quality and availability at 1, the
          // compatibility at the sides' (no unknown temperature) and the distance at its lower bound 2R√h (asin x ≥ x).
          // Pruned only when below both thresholds by more than the score's rounding (0.5e-4): what is skipped could
          // not rank, exactly.
          const slot = d[b + REC.SLOT] | 0;
          const worstY = worst[slot];
          const limit = floor[0] < worstY ? floor[0] : worstY;
          const qtyY = d[b + REC.QTY];
          let quantity = unknownQuantity;
          if (qtyX === qtyX && qtyY === qtyY) {
            const matched = qtyX < qtyY ? qtyX : qtyY;
            const invQtyY = d[b + REC.INV_QTY];
            // The score's need-weighted coverage (pair-score.ts), its divisions made multiplications by 1/quantity.
            quantity = isOutput
              ? needWeight * matched * invQtyY + otherWeight * matched * invQtyX
              : needWeight * matched * invQtyX + otherWeight * matched * invQtyY;
          }
          const hazardous = isOutput ? hazardX : d[b + REC.HAZARDOUS] === 1;
          const sidesCompat = (compatX + d[b + REC.COMPAT]) / 2;
          const rest = (hazardous && handled ? fixedHandled : fixed) + w0 * sidesCompat + w1 * quantity;
          // The distance component at most w2 × compatibility: 27% of the pruned pairs at 100k flows (2.9M of 8.9M)
          // are decided without the division.
          const nearest = w2 * sidesCompat;
          if (rest + nearest < limit) continue;
          const lowRatio = distanceScale * root;
          if (rest + nearest / ((1 + lowRatio) * (1 + lowRatio)) < limit) continue;
        }
        const distanceKm = twoRadii * Math.asin(root);
        io[IO.DISTANCE] = distanceKm;
        // Unknown quantities pass as NaN, hidden ones as HIDDEN_QUANTITY (member-record.ts), as REC.INV_QTY holds them.
        io[IO_OWN_QUANTITY] = qtyX === qtyX ? qtyX : invQtyX;
        const qtyY = d[b + REC.QTY];
        io[IO_COUNTERPART_QUANTITY] = qtyY === qtyY ? qtyY : d[b + REC.INV_QTY];
        if (isOutput) scoreRecords(kernel, w, self, 0, d, b, io, parts);
        else scoreRecords(kernel, w, d, b, self, 0, io, parts);
        const score = io[IO.SCORE];
        if (score < 0 || score < minScore) continue;
        const slot = d[b + REC.SLOT] | 0;
        const rank = score + step;
        // The same test on the exact rank: a pair below both thresholds ranks nowhere (a tie could, kept).
        if (rank < floor[0] && rank < worst[slot]) continue;
        io[IO.SCORE] = rank;
        scratch.offer(slot, pathway.index, io, ctx);
      }
    }
  }
}
