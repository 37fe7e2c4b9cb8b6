import { Geometry, KM_PER_DEGREE } from './geo.js';
import type { PreparedFlow, SideMatch } from './compiled.types.js';
import { HIDDEN_QUANTITY, REC, STRIDE } from './member-record.js';
import { visibleQuantityIn } from './prepared-flow.js';
import { SpatialGrid } from './spatial-grid.js';

/** Largest batch `insertAll` sorts in one go: cell key (< 2^30) × MAX_BATCH + position stays an exact number. */
const MAX_BATCH = 1_048_576;
/** Records of room a grid built at once keeps for later insertions, at least. */
const HEADROOM = 16;

/**
 * The flows of one side of one pathway as records of numbers (position terms, organisation, temperature, months,
 * form, compatibility, quantity) laid end to end in one Float64Array, so that the search reads memory instead of
 * chasing one object per flow; a SpatialGrid (cells about as large as the reach) lists each cell's records.
 */

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
  // As the other parties may read it: what they see is decided on these records (unknown when PRIVATE).
  const quantity = visibleQuantityIn(f, m);
  out[at + REC.QTY] = quantity === null ? NaN : quantity;
  // 1 / quantity, for the search's score bound (a multiplication where the score divides); HIDDEN_QUANTITY for every
  // PRIVATE flow, whether it declared a quantity or not: a list cut by quantities (see `share` in top-lists.ts) would
  // otherwise run to the capacity for a PRIVATE flow with a quantity and stop at its k best for one without, and
  // how far a PRIVATE flow's list runs would tell its counterparts whether it declared one.
  out[at + REC.INV_QTY] = quantity !== null ? 1 / quantity : f.flow.visibility === 'PRIVATE' ? HIDDEN_QUANTITY : NaN;
  out[at + REC.KIND] = m.kinds;
  out[at + REC.DIRECT_FROM] = f.directFromC;
}

export class MemberGrid {
  /** All records, end to end; a removed record's place is reused. */
  data = new Float64Array(STRIDE * 16);
  private used = 0;
  private readonly free: number[] = [];
  /** The offsets of the records in `data`, by the cell of their flow's position. */
  private readonly grid: SpatialGrid;

  constructor(cellKm: number) {
    this.grid = new SpatialGrid(cellKm, KM_PER_DEGREE);
  }

  /** Inserts many members at once (flows[k] as sides[k]), each cell's records side by side, read in order later. */
  insertAll(flows: PreparedFlow[], sides: SideMatch[], geometry: Geometry): void {
    if (flows.length >= MAX_BATCH) {
      for (let k = 0; k < flows.length; k++) this.insert(flows[k], sides[k], geometry);
      return;
    }
    const needed = this.used + flows.length * STRIDE;
    if (needed > this.data.length) {
      // Room for later declarations (a sixteenth more, at least HEADROOM records): sized exactly, the first one
      // into this grid after a load copied every record to a doubled array — up to milliseconds on a crowded
      // pathway, paid by whichever update came first into each of the hundreds of grids.
      const bigger = new Float64Array(needed + STRIDE * Math.max(HEADROOM, Math.ceil(flows.length / 16)));
      bigger.set(this.data);
      this.data = bigger;
    }
    // Sorted by cell, then input order: key × MAX_BATCH + position in one number, sorted natively (no comparator).
    const order = new Float64Array(flows.length);
    for (let k = 0; k < flows.length; k++) {
      order[k] = this.grid.keyOf(flows[k].flow.latitude, flows[k].flow.longitude) * MAX_BATCH + k;
    }
    order.sort();
    for (let k = 0; k < order.length; k++) {
      const n = order[k] % MAX_BATCH;
      const at = this.used;
      this.used += STRIDE;
      writeRecord(flows[n], sides[n], geometry, this.data, at);
      this.grid.insertAt((order[k] - n) / MAX_BATCH, at);
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
    this.grid.insert(at, f.flow.latitude, f.flow.longitude);
  }

  remove(f: PreparedFlow): void {
    const { latitude, longitude } = f.flow;
    const cell = this.grid.cellAt(latitude, longitude);
    if (!cell) return;
    for (let k = 0; k < cell.length; k++) {
      const at = cell[k];
      if (this.data[at + REC.SLOT] !== f.slot) continue;
      this.grid.remove(at, latitude, longitude);
      this.data[at + REC.SLOT] = -1;
      this.free.push(at);
      return;
    }
  }

  /** The key of the grid cell holding a point (see SpatialGrid.keyOf). */
  cellKeyOf(latitude: number, longitude: number): number {
    return this.grid.keyOf(latitude, longitude);
  }

  /**
   * Puts in `out` the cells (offsets of records in `data`) that may hold members within `distanceKm` of the point,
   * the point's own cell first; returns how many. `out` is reused from call to call (emptying an array would release
   * its storage). The search streams the cells in this order: the nearest members, the likeliest to rank, raise its
   * running floor before the rest are bounded against it (see findCounterparts).
   */
  cellsNear(latitude: number, longitude: number, distanceKm: number, out: number[][]): number {
    const n = this.grid.cellsNear(latitude, longitude, distanceKm, out);
    const home = this.grid.cellAt(latitude, longitude);
    if (!home) return n;
    for (let c = 1; c < n; c++) {
      const cell = out[c];
      if (cell !== home) continue;
      out[c] = out[0];
      out[0] = cell;
      break;
    }
    return n;
  }
}
