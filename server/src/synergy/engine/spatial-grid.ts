import { boundingDegrees } from './geo.js';

const OFFSET = 2 ** 20;
const ROW = 2 ** 21;
/** Below this a cell would hold almost nothing and keys would overflow the encoding. */
const MIN_CELL_DEGREES = 0.001;

/**
 * A uniform grid of square cells (in degrees) over longitude and latitude, holding integer slots. A query returns
 * the slots of every cell that may hold a point within a distance: a superset the caller filters exactly. With
 * cells about as large as the distance searched, a query visits a handful of cells, never the whole set.
 */
export class SpatialGrid {
  private readonly cells = new Map<number, number[]>();
  private readonly cellDegrees: number;

  constructor(cellKm: number, kmPerDegree: number) {
    this.cellDegrees = Math.max(MIN_CELL_DEGREES, cellKm / kmPerDegree);
  }

  get size(): number {
    let n = 0;
    for (const cell of this.cells.values()) n += cell.length;
    return n;
  }

  insert(slot: number, latitude: number, longitude: number): void {
    const key = this.keyOf(latitude, longitude);
    const cell = this.cells.get(key);
    if (cell) cell.push(slot);
    else this.cells.set(key, [slot]);
  }

  remove(slot: number, latitude: number, longitude: number): void {
    const key = this.keyOf(latitude, longitude);
    const cell = this.cells.get(key);
    if (!cell) return;
    const at = cell.indexOf(slot);
    if (at < 0) return;
    cell[at] = cell[cell.length - 1];
    cell.pop();
    if (cell.length === 0) this.cells.delete(key);
  }

  /** Appends to `out` the slots of the cells that may hold points within `distanceKm` of the given point. */
  query(latitude: number, longitude: number, distanceKm: number, out: number[]): void {
    const { dLat, dLon } = boundingDegrees(latitude, distanceKm);
    const size = this.cellDegrees;
    const y0 = Math.floor((latitude - dLat) / size);
    const y1 = Math.floor((latitude + dLat) / size);
    const x0 = Math.floor((longitude - dLon) / size);
    const x1 = Math.floor((longitude + dLon) / size);
    if ((y1 - y0 + 1) * (x1 - x0 + 1) > this.cells.size) {
      // A box wider than the occupied cells (near a pole, or a reach larger than the territory): scan them all.
      for (const cell of this.cells.values()) for (const slot of cell) out.push(slot);
      return;
    }
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const cell = this.cells.get((y + OFFSET) * ROW + (x + OFFSET));
        if (cell) for (let k = 0; k < cell.length; k++) out.push(cell[k]);
      }
    }
  }

  private keyOf(latitude: number, longitude: number): number {
    const y = Math.floor(latitude / this.cellDegrees);
    const x = Math.floor(longitude / this.cellDegrees);
    return (y + OFFSET) * ROW + (x + OFFSET);
  }
}
