import { boundingLatitudeDegrees, boundingLongitudeDegrees, Geometry, KM_PER_DEGREE } from './geo.js';
import { quantityIn, type PreparedFlow, type SideMatch } from './prepared-flow.js';

/**
 * The flows of one side of one pathway as records of numbers (position terms, organisation, temperature, months,
 * form, compatibility, quantity) laid end to end in one Float64Array, so that the search reads memory instead of
 * chasing one object per flow; a uniform grid (cells about as large as the reach) lists each cell's records.
 */

export const STRIDE = 16;
export const REC = {
  SLOT: 0, ORG: 1, SLAT: 2, CLAT: 3, SLON: 4, CLON: 5, COS: 6, TEMP: 7,
  MASK: 8, FORM: 9, HAZARDOUS: 10, COMPAT: 11, QTY: 12, LAT: 13, LON: 14, INV_QTY: 15,
} as const;

/** Writes the record of flow `f` as the side `m` of a pathway at `out[at…]`. Unknown values are NaN. */
export function writeRecord(f: PreparedFlow, m: SideMatch, geometry: Geometry, out: Float64Array, at: number): void {
  out[at + REC.SLOT] = f.slot;
  out[at + REC.ORG] = f.org;
  const g = geometry.data;
  const from = f.slot * Geometry.STRIDE;
  out[at + REC.SLAT] = g[from];
  out[at + REC.CLAT] = g[from + 1];
  out[at + REC.SLON] = g[from + 2];
  out[at + REC.CLON] = g[from + 3];
  out[at + REC.COS] = g[from + 4];
  out[at + REC.TEMP] = f.temperatureC === null ? NaN : f.temperatureC;
  out[at + REC.MASK] = f.monthMask;
  out[at + REC.FORM] = f.form;
  out[at + REC.HAZARDOUS] = f.hazardous ? 1 : 0;
  out[at + REC.COMPAT] = m.compatibility;
  const quantity = quantityIn(f, m);
  out[at + REC.QTY] = quantity === null ? NaN : quantity;
  // 1 / quantity, for the search's score bound (a multiplication where the score divides).
  out[at + REC.INV_QTY] = quantity === null ? NaN : 1 / quantity;
  out[at + REC.LAT] = f.flow.latitude;
  out[at + REC.LON] = f.flow.longitude;
}

/**
 * Cell keys are small integers (V8 hashes them fast and without allocating): 15 bits of row and of column,
 * wrapping around. Cells a whole wrap apart (≥ 32 768 cells, a third of the globe at the smallest cell) share a
 * bucket; the exact distance test that follows every query tells them apart.
 */
const cellKey = (y: number, x: number): number => ((y & 0x7fff) << 15) | (x & 0x7fff);
const MIN_CELL_DEGREES = 0.001;

export class MemberGrid {
  /** All records, end to end; a removed record's place is reused. */
  data = new Float64Array(STRIDE * 16);
  private used = 0;
  private readonly free: number[] = [];
  /** By cell: the offsets of its members' records in `data`. */
  private readonly cells = new Map<number, number[]>();
  private readonly cellDegrees: number;

  constructor(cellKm: number) {
    this.cellDegrees = Math.max(MIN_CELL_DEGREES, cellKm / KM_PER_DEGREE);
  }

  /** Inserts many members at once (flows[k] as sides[k]), each cell's records side by side, read in order later. */
  insertAll(flows: PreparedFlow[], sides: SideMatch[], geometry: Geometry): void {
    if (flows.length >= 1_048_576) {
      for (let k = 0; k < flows.length; k++) this.insert(flows[k], sides[k], geometry);
      return;
    }
    const needed = this.used + flows.length * STRIDE;
    if (needed > this.data.length) {
      const bigger = new Float64Array(needed);
      bigger.set(this.data);
      this.data = bigger;
    }
    // Sorted by cell, then input order: key × 2^20 + position in one number, sorted natively (no comparator).
    const order = new Float64Array(flows.length);
    for (let k = 0; k < flows.length; k++) {
      order[k] = this.keyOf(flows[k].flow.latitude, flows[k].flow.longitude) * 1_048_576 + k;
    }
    order.sort();
    let cell: number[] | undefined;
    let cellKeyOf = NaN;
    for (let k = 0; k < order.length; k++) {
      const n = order[k] % 1_048_576;
      const key = (order[k] - n) / 1_048_576;
      if (key !== cellKeyOf) {
        cellKeyOf = key;
        cell = this.cells.get(cellKeyOf);
        if (!cell) this.cells.set(cellKeyOf, (cell = []));
      }
      const at = this.used;
      this.used += STRIDE;
      writeRecord(flows[n], sides[n], geometry, this.data, at);
      cell!.push(at);
    }
  }

  insert(f: PreparedFlow, m: SideMatch, geometry: Geometry): void {
    let at = this.free.pop();
    if (at === undefined) {
      at = this.used;
      this.used += STRIDE;
      if (this.used > this.data.length) {
        const bigger = new Float64Array(this.data.length * 2);
        bigger.set(this.data);
        this.data = bigger;
      }
    }
    writeRecord(f, m, geometry, this.data, at);
    const key = this.keyOf(f.flow.latitude, f.flow.longitude);
    const cell = this.cells.get(key);
    if (cell) cell.push(at);
    else this.cells.set(key, [at]);
  }

  remove(f: PreparedFlow): void {
    const key = this.keyOf(f.flow.latitude, f.flow.longitude);
    const cell = this.cells.get(key);
    if (!cell) return;
    for (let k = 0; k < cell.length; k++) {
      const at = cell[k];
      if (this.data[at + REC.SLOT] !== f.slot) continue;
      cell[k] = cell[cell.length - 1];
      cell.pop();
      if (cell.length === 0) this.cells.delete(key);
      this.data[at + REC.SLOT] = -1;
      this.free.push(at);
      return;
    }
  }

  /**
   * Puts in `out` the cells (offsets of records in `data`) that may hold members within `distanceKm` of the point;
   * returns how many. `out` is reused from call to call (emptying an array would release its storage).
   */
  cellsNear(latitude: number, longitude: number, distanceKm: number, out: number[][]): number {
    const dLat = boundingLatitudeDegrees(distanceKm);
    const dLon = boundingLongitudeDegrees(latitude, distanceKm);
    const size = this.cellDegrees;
    const y0 = Math.floor((latitude - dLat) / size);
    const y1 = Math.floor((latitude + dLat) / size);
    const x0 = Math.floor((longitude - dLon) / size);
    const x1 = Math.floor((longitude + dLon) / size);
    let n = 0;
    if ((y1 - y0 + 1) * (x1 - x0 + 1) > this.cells.size) {
      for (const cell of this.cells.values()) out[n++] = cell;
      return n;
    }
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const cell = this.cells.get(cellKey(y, x));
        if (cell) out[n++] = cell;
      }
    }
    return n;
  }

  private keyOf(latitude: number, longitude: number): number {
    return cellKey(Math.floor(latitude / this.cellDegrees), Math.floor(longitude / this.cellDegrees));
  }
}
