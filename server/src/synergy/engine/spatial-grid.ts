import { boundingLatitudeDegrees, boundingLongitudeDegrees } from './geo.js';

/**
 * Cell keys are small integers (V8 hashes them fast and without allocating): 15 bits of row and of column,
 * wrapping around. Cells a whole wrap apart (≥ 32 768 cells, a third of the globe at the smallest cell) share a
 * bucket; the exact distance test that follows every query tells them apart.
 */
const cellKey = (y: number, x: number): number => ((y & 0x7fff) << 15) | (x & 0x7fff);
/** Below this a cell would hold almost nothing and keys would overflow the encoding. */
const MIN_CELL_DEGREES = 0.001;

/**
 * A uniform grid of square cells (in degrees) over longitude and latitude, holding integers: flow slots for the
 * pooling index, offsets of member records for the substitution search (member-grid.ts). A query returns the
 * cells that may hold a point within a distance: a superset the caller filters exactly. With cells about as large
 * as the distance searched, a query visits a handful of cells, never the whole set.
 */
export class SpatialGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly cellDegrees: number;

  constructor(cellKm: number, kmPerDegree: number) {
    this.cellDegrees = Math.max(MIN_CELL_DEGREES, cellKm / kmPerDegree);
  }

  /** The key of the cell holding a point: an integer below 2^30. */
  keyOf(latitude: number, longitude: number): number {
    return cellKey(Math.floor(latitude / this.cellDegrees), Math.floor(longitude / this.cellDegrees));
  }

  insert(value: number, latitude: number, longitude: number): void {
    this.insertAt(this.keyOf(latitude, longitude), value);
  }

  /** Inserts `value` in the cell of key `key` (see `keyOf`): for callers that sorted their values by cell. */
  insertAt(key: number, value: number): void {
    const cell = this.cells.get(key);
    if (cell) cell.push(value);
    else this.cells.set(key, [value]);
  }

  /** The values in the cell holding a point, if any (read-only). */
  cellAt(latitude: number, longitude: number): readonly number[] | undefined {
    return this.cells.get(this.keyOf(latitude, longitude));
  }

  remove(value: number, latitude: number, longitude: number): void {
    const key = this.keyOf(latitude, longitude);
    const cell = this.cells.get(key);
    if (!cell) return;
    const at = cell.indexOf(value);
    if (at < 0) return;
    cell[at] = cell[cell.length - 1];
    cell.pop();
    if (cell.length === 0) this.cells.delete(key);
  }

  /**
   * Puts in `out` the cells (lists of values) that may hold points within `distanceKm` of the given point, and
   * returns how many. `out` is reused from call to call: emptying an array would release its storage.
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
      // A box wider than the occupied cells (near a pole, or a reach larger than the territory): all of them.
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
}
