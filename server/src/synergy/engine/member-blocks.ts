import { REC, STRIDE } from './member-record.js';
import { NEED_COVERAGE_WEIGHT, PART, QUANTITY_UNKNOWN } from './pair-score.js';

/**
 * Blocks of a crowded cell's records, for a full detection's search (see findCounterparts): the records of each
 * cell of at least BLOCKED_CELL are put in Z-order of their position, and each run of BLOCK of them gets a summary —
 * its extreme latitudes and longitudes (as the records hold them), its smallest cos(latitude), largest compatibility,
 * range of known quantities, whether one is unknown, and a lower bound of its counterparts' list thresholds. From it
 * an output bounds the distance and the score of every pair the block holds, and skips the block when all are beyond
 * the reach or none can rank, as the record-by-record tests would have decided. At 100k flows the visits count in
 * cells of 237 records on average (most of them in a few dense towns), 13.9M of them per detection.
 */

/** Records per block. */
export const BLOCK = 16;
/** Cells of fewer records are walked whole: their blocks would cost about what they save. */
export const BLOCKED_CELL = 32;
/** Largest cell blocked: Z-order key × 2^20 + position stays an exact number. */
const MAX_CELL = 1_048_576;
export const BLOCK_STRIDE = 16;
/** The summary's numbers, at block × BLOCK_STRIDE. */
export const BLK = {
  SLAT0: 0, CLAT0: 1, SLAT1: 2, CLAT1: 3, SLON0: 4, CLON0: 5, SLON1: 6, CLON1: 7,
  MIN_COS: 8, MAX_COMPAT: 9, QTY_MIN: 10, QTY_MAX: 11, UNKNOWN_QTY: 12, MIN_WORST: 13,
} as const;

/** An output's numbers for `blockSkips`, in a typed array (doubles passed as arguments would be boxed). */
export const PROBE = {
  SLAT: 0, CLAT: 1, SLON: 2, CLON: 3, COS: 4, COMPAT: 5, QTY: 6, FIXED: 7, DISTANCE_SCALE: 8, REACH_TERM: 9,
  W_COMPAT: 10, W_QUANTITY: 11, W_DISTANCE: 12, NEED_WEIGHT: 13, UNKNOWN_QUANTITY: 14,
} as const;
export const PROBE_SIZE = 15;

/**
 * Fills `probe` for the output whose record (for the pathway searched) is `self`: `fixed` is the score bound's part
 * that depends on neither side's record (see findCounterparts), `w` the score's weights.
 */
export function writeProbe(probe: Float64Array, self: Float64Array, fixed: number, distanceScale: number, reachTerm: number, w: Float64Array): void {
  probe[PROBE.SLAT] = self[REC.SLAT];
  probe[PROBE.CLAT] = self[REC.CLAT];
  probe[PROBE.SLON] = self[REC.SLON];
  probe[PROBE.CLON] = self[REC.CLON];
  probe[PROBE.COS] = self[REC.COS];
  probe[PROBE.COMPAT] = self[REC.COMPAT];
  probe[PROBE.QTY] = self[REC.QTY];
  probe[PROBE.FIXED] = fixed;
  probe[PROBE.DISTANCE_SCALE] = distanceScale;
  probe[PROBE.REACH_TERM] = reachTerm;
  probe[PROBE.W_COMPAT] = w[PART.compatibility];
  probe[PROBE.W_QUANTITY] = w[PART.quantity];
  probe[PROBE.W_DISTANCE] = w[PART.distance];
  probe[PROBE.NEED_WEIGHT] = NEED_COVERAGE_WEIGHT;
  probe[PROBE.UNKNOWN_QUANTITY] = QUANTITY_UNKNOWN;
}

/**
 * More than the rounding of a haversine term (a difference of products of numbers at most 1, each rounded once: a
 * few 1e-16), taken off the block's before squaring, and the square's relative rounding: the block's h stays below
 * every record's h as the search computes it, and a block is out of reach only if each of its records is.
 */
const ROUNDING = 1e-15;
const REACH_MARGIN = 1 - 1e-12;

export interface MemberBlocks {
  /** The summaries, BLOCK_STRIDE numbers each. */
  blocks: Float64Array;
  /** By record (offset ÷ STRIDE): for the first record of a blocked cell, its first block; -1 for the others. */
  first: Int32Array;
}

/** Orders the crowded cells `cells()` lists (record offsets in `data`) in Z-order and summarises their blocks. */
export function buildBlocks(data: Float64Array, used: number, cells: () => Iterable<number[]>): MemberBlocks {
  const first = new Int32Array(used / STRIDE).fill(-1);
  let count = 0;
  for (const cell of cells()) if (cell.length >= BLOCKED_CELL && cell.length < MAX_CELL) count += Math.ceil(cell.length / BLOCK);
  const blocks = new Float64Array(count * BLOCK_STRIDE);
  let next = 0;
  for (const cell of cells()) {
    if (cell.length < BLOCKED_CELL || cell.length >= MAX_CELL) continue;
    zOrder(data, cell);
    first[cell[0] / STRIDE] = next;
    for (let k = 0; k < cell.length; k += BLOCK) summarise(data, cell, k, Math.min(cell.length, k + BLOCK), blocks, next++ * BLOCK_STRIDE);
  }
  return { blocks, first };
}

/** Sorts a cell's records by the Z-order of their position (sines of half latitude and longitude grow with them). */
function zOrder(data: Float64Array, cell: number[]): void {
  let lat0 = Infinity, lat1 = -Infinity, lon0 = Infinity, lon1 = -Infinity;
  for (const b of cell) {
    lat0 = Math.min(lat0, data[b + REC.SLAT]);
    lat1 = Math.max(lat1, data[b + REC.SLAT]);
    lon0 = Math.min(lon0, data[b + REC.SLON]);
    lon1 = Math.max(lon1, data[b + REC.SLON]);
  }
  const latScale = lat1 > lat0 ? 65535 / (lat1 - lat0) : 0;
  const lonScale = lon1 > lon0 ? 65535 / (lon1 - lon0) : 0;
  const keys = new Float64Array(cell.length);
  for (let k = 0; k < cell.length; k++) {
    const y = spread(Math.floor((data[cell[k] + REC.SLAT] - lat0) * latScale));
    const x = spread(Math.floor((data[cell[k] + REC.SLON] - lon0) * lonScale));
    keys[k] = ((y * 2 + x) >>> 0) * MAX_CELL + k;
  }
  keys.sort();
  // The records themselves move, not only their offsets: the cell's offsets stay increasing, read in memory order.
  const offsets = cell.slice().sort((p, q) => p - q);
  const records = new Float64Array(cell.length * STRIDE);
  for (let k = 0; k < cell.length; k++) {
    const from = cell[keys[k] % MAX_CELL];
    records.set(data.subarray(from, from + STRIDE), k * STRIDE);
  }
  for (let k = 0; k < cell.length; k++) {
    data.set(records.subarray(k * STRIDE, (k + 1) * STRIDE), offsets[k]);
    cell[k] = offsets[k];
  }
}

/** The 16 bits of `v` at the even bits of a 32-bit number. */
function spread(v: number): number {
  let x = v & 0xffff;
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  x = (x | (x << 1)) & 0x55555555;
  return x;
}

function summarise(data: Float64Array, cell: number[], from: number, to: number, blocks: Float64Array, at: number): void {
  let lat0 = cell[from], lat1 = cell[from], lon0 = cell[from], lon1 = cell[from];
  let minCos = Infinity, maxCompat = -Infinity, qtyMin = Infinity, qtyMax = -Infinity, unknown = 0;
  for (let k = from; k < to; k++) {
    const b = cell[k];
    if (data[b + REC.SLAT] < data[lat0 + REC.SLAT]) lat0 = b;
    if (data[b + REC.SLAT] > data[lat1 + REC.SLAT]) lat1 = b;
    if (data[b + REC.SLON] < data[lon0 + REC.SLON]) lon0 = b;
    if (data[b + REC.SLON] > data[lon1 + REC.SLON]) lon1 = b;
    minCos = Math.min(minCos, data[b + REC.COS]);
    maxCompat = Math.max(maxCompat, data[b + REC.COMPAT]);
    const qty = data[b + REC.QTY];
    if (qty === qty) {
      qtyMin = Math.min(qtyMin, qty);
      qtyMax = Math.max(qtyMax, qty);
    } else unknown = 1;
  }
  // The corners as the records hold them: the bound's terms are then computed as the extreme records' own.
  blocks[at + BLK.SLAT0] = data[lat0 + REC.SLAT];
  blocks[at + BLK.CLAT0] = data[lat0 + REC.CLAT];
  blocks[at + BLK.SLAT1] = data[lat1 + REC.SLAT];
  blocks[at + BLK.CLAT1] = data[lat1 + REC.CLAT];
  blocks[at + BLK.SLON0] = data[lon0 + REC.SLON];
  blocks[at + BLK.CLON0] = data[lon0 + REC.CLON];
  blocks[at + BLK.SLON1] = data[lon1 + REC.SLON];
  blocks[at + BLK.CLON1] = data[lon1 + REC.CLON];
  blocks[at + BLK.MIN_COS] = minCos;
  blocks[at + BLK.MAX_COMPAT] = maxCompat;
  blocks[at + BLK.QTY_MIN] = qtyMin;
  blocks[at + BLK.QTY_MAX] = qtyMax;
  blocks[at + BLK.UNKNOWN_QTY] = unknown;
  // No list is complete before the search: refreshed when a block would be skipped but for it (see blockSkips).
  blocks[at + BLK.MIN_WORST] = -Infinity;
}

/**
 * Whether the output described by `probe` (see PROBE) may skip the records cell[from…to) (block `at`): all beyond
 * the reach, or every pair's score bound — as findCounterparts bounds a record's, with each term at its largest over
 * the block and the distance at its smallest — below both the output's running floor (`floor[0]`) and the lowest of
 * the counterparts' thresholds (`worst`, which only rise during a full detection: a stale lowest stays a bound).
 *
 * The distance's smallest: h = sin²(Δφ/2) + cos φ cos φ' sin²(Δλ/2), each term growing with the gap in latitude or
 * longitude (up to half a turn, checked by the cosines of the half gaps), is at least its value at the nearest
 * latitude and longitude of the block with its smallest cos φ'.
 */
export function blockSkips(
  probe: Float64Array,
  blocks: Float64Array,
  at: number,
  floor: Float64Array,
  worst: Float64Array,
  data: Float64Array,
  cell: number[],
  from: number,
  to: number,
): boolean {
  const sLat = probe[PROBE.SLAT], cLat = probe[PROBE.CLAT], sLon = probe[PROBE.SLON], cLon = probe[PROBE.CLON];
  // sin of half the gap to each corner, the block's record first (as the search computes it for an output).
  const a0 = blocks[at + BLK.SLAT0] * cLat - blocks[at + BLK.CLAT0] * sLat;
  const a1 = blocks[at + BLK.SLAT1] * cLat - blocks[at + BLK.CLAT1] * sLat;
  const a = Math.max(0, (a0 > 0 ? a0 : a1 < 0 ? -a1 : 0) - ROUNDING);
  let e = 0;
  const sLon0 = blocks[at + BLK.SLON0], cLon0 = blocks[at + BLK.CLON0];
  const sLon1 = blocks[at + BLK.SLON1], cLon1 = blocks[at + BLK.CLON1];
  // Both corners within half a turn of the output's longitude (cosine of the half gap ≥ 0): the term is monotone.
  if (cLon0 * cLon + sLon0 * sLon >= 0 && cLon1 * cLon + sLon1 * sLon >= 0) {
    const e0 = sLon0 * cLon - cLon0 * sLon;
    const e1 = sLon1 * cLon - cLon1 * sLon;
    e = Math.max(0, (e0 > 0 ? e0 : e1 < 0 ? -e1 : 0) - ROUNDING);
  }
  const h = (a * a + probe[PROBE.COS] * blocks[at + BLK.MIN_COS] * e * e) * REACH_MARGIN;
  if (h > probe[PROBE.REACH_TERM]) return true;
  const limit = floor[0];
  if (limit === -Infinity) return false;
  const qtyX = probe[PROBE.QTY];
  const unknownQuantity = probe[PROBE.UNKNOWN_QUANTITY];
  let quantity = blocks[at + BLK.UNKNOWN_QTY] === 1 || qtyX !== qtyX ? unknownQuantity : 0;
  const qtyMin = blocks[at + BLK.QTY_MIN], qtyMax = blocks[at + BLK.QTY_MAX];
  if (qtyX === qtyX && qtyMin <= qtyMax) {
    // A quantity of 0 or infinite makes the score's coverage NaN, which the record-by-record test never prunes.
    if (!(qtyX > 0 && qtyX < Infinity && qtyMin > 0 && qtyMax < Infinity)) return false;
    // The coverage peaks (at 1) where the quantities are equal and falls away on both sides.
    const needWeight = probe[PROBE.NEED_WEIGHT];
    let q = 1;
    if (qtyX < qtyMin) q = (needWeight * qtyX) / qtyMin + (1 - needWeight);
    else if (qtyX > qtyMax) q = needWeight + ((1 - needWeight) * qtyMax) / qtyX;
    if (q > quantity) quantity = q;
  }
  const sidesCompat = (probe[PROBE.COMPAT] + blocks[at + BLK.MAX_COMPAT]) / 2;
  const lowRatio = probe[PROBE.DISTANCE_SCALE] * Math.sqrt(Math.min(1, h));
  const bound =
    probe[PROBE.FIXED] +
    probe[PROBE.W_COMPAT] * sidesCompat +
    probe[PROBE.W_QUANTITY] * quantity +
    (probe[PROBE.W_DISTANCE] * sidesCompat) / ((1 + lowRatio) * (1 + lowRatio));
  if (bound >= limit) return false;
  if (bound < blocks[at + BLK.MIN_WORST]) return true;
  let lowest = Infinity;
  for (let k = from; k < to; k++) {
    const w = worst[data[cell[k] + REC.SLOT] | 0];
    if (w < lowest) lowest = w;
  }
  blocks[at + BLK.MIN_WORST] = lowest;
  return bound < lowest;
}
