import {
  KM_PER_DEGREE,
  boundingLatitudeDegrees,
  boundingLongitudeDegrees,
  distanceFromTerm,
  geoPoint,
  type GeoPoint,
  type Geometry,
} from './geo.js';
import type { PreparedFlow } from './compiled.types.js';
import type { SpatialGrid } from './spatial-grid.js';

/**
 * How the flows sharing a stream are grouped. Members within reach of one another are linked. A cluster of linked
 * members small enough for one group (at most `maxGroupSize`) is grouped as a whole — split in two at its widest
 * gap until compact if it is spread out. Members of larger clusters are grouped by the cells of a fixed grid whose
 * cells are small enough (side = reach ÷ √2) for all their members to be within reach of each other, a crowded
 * cell being split the same way. Both rules only ever look at a neighbourhood: a flow change regroups what is
 * near it, not a whole region. Everything is ordered by coordinates and ids: the same members, the same groups.
 */

/** What exploring from a member found: its whole cluster (small), or proof that the cluster is large. */
export interface Exploration {
  slots: number[];
  large: boolean;
}

/**
 * Marks by slot for explorations: a mark is a number unique to one exploration (or one pass), so nothing needs
 * clearing between them and no Set is built per exploration.
 */
export class SlotMarks {
  private marks = new Int32Array(1024);
  private last = 0;

  next(slots: number): number {
    if (slots > this.marks.length) {
      const bigger = new Int32Array(Math.max(slots, this.marks.length * 2));
      bigger.set(this.marks);
      this.marks = bigger;
    }
    return ++this.last;
  }

  has(slot: number, mark: number): boolean {
    return this.marks[slot] === mark;
  }

  set(slot: number, mark: number): void {
    this.marks[slot] = mark;
  }
}

/**
 * Explores the members linked to `start` (transitively within reach). Stops as soon as more than `cap` members
 * were found, or a member marked `provenLarge` in `proven` was reached: the cluster is then large. Otherwise
 * `slots` is the whole cluster.
 */
export function explore(
  start: number,
  cap: number,
  grid: SpatialGrid,
  reachKm: number,
  reachTerm: number,
  geometry: Geometry,
  flows: (PreparedFlow | undefined)[],
  proven: SlotMarks,
  provenLarge: number,
  seen: SlotMarks,
  cells: number[][],
): Exploration {
  const slots = [start];
  const mark = seen.next(flows.length);
  seen.set(start, mark);
  for (let head = 0; head < slots.length; head++) {
    const u = slots[head];
    const flow = flows[u]!.flow;
    const n = grid.cellsNear(flow.latitude, flow.longitude, reachKm, cells);
    for (let c = 0; c < n; c++) {
      const cell = cells[c];
      for (let k = 0; k < cell.length; k++) {
        const v = cell[k];
        if (seen.has(v, mark) || geometry.term(u, v) > reachTerm) continue;
        if (proven.has(v, provenLarge)) return { slots, large: true };
        seen.set(v, mark);
        slots.push(v);
        if (slots.length > cap) return { slots, large: true };
      }
    }
  }
  return { slots, large: false };
}

/**
 * Full detection: every cluster of `members` (linked within reach, transitively), found without a query per
 * member. Cells of side reach ÷ √2 (a hair less) hold members all within reach of one another, so a cell's members
 * are linked outright; two cells close enough are joined by the first linked pair found (union–find). Gives the
 * clusters `explore` finds one by one.
 */
export function linkedClusters(
  members: number[],
  flows: (PreparedFlow | undefined)[],
  geometry: Geometry,
  reachKm: number,
  reachTerm: number,
): number[][] {
  const size = cellSide(reachKm);
  // Cell keys relative to the members' own box: small integers, fast to hash (rows × columns stays small).
  let minY = Infinity;
  let minX = Infinity;
  let maxX = -Infinity;
  const ys = new Float64Array(members.length);
  const xs = new Float64Array(members.length);
  for (let k = 0; k < members.length; k++) {
    const flow = flows[members[k]]!.flow;
    ys[k] = Math.floor(flow.latitude / size);
    xs[k] = Math.floor(flow.longitude / size);
    minY = Math.min(minY, ys[k]);
    minX = Math.min(minX, xs[k]);
    maxX = Math.max(maxX, xs[k]);
  }
  const reachRows = Math.ceil(boundingLatitudeDegrees(reachKm) / size);
  let maxAbsY = 0;
  for (let k = 0; k < members.length; k++) maxAbsY = Math.max(maxAbsY, Math.abs(ys[k]) + 1);
  const widest = Math.ceil(boundingLongitudeDegrees(Math.min(89.9, (maxAbsY + reachRows) * size), reachKm) / size);
  // Padding of more than the reach on every side: a neighbour's key never wraps onto another row.
  const pad = Math.max(reachRows, widest) + 1;
  const width = maxX - minX + 1 + 2 * pad;
  const cells = new Map<number, number[]>();
  // The occupied cells in the order they were first met (the map's own order), with their keys and rows: walked by
  // index below, where iterating the map's entries made a [key, cell] pair per cell and a look-up of its row.
  const keys: number[] = [];
  const lists: number[][] = [];
  const rows: number[] = [];
  for (let k = 0; k < members.length; k++) {
    const y = ys[k];
    const key = (y - minY + pad) * width + (xs[k] - minX + pad);
    const cell = cells.get(key);
    if (cell) cell.push(k);
    else {
      const list = [k];
      cells.set(key, list);
      keys.push(key);
      lists.push(list);
      rows.push(y);
    }
  }
  const parent = new Int32Array(members.length);
  for (let k = 0; k < parent.length; k++) parent[k] = k;
  const find = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k]];
    return k;
  };
  for (let c = 0; c < lists.length; c++) {
    const cell = lists[c];
    for (let k = 1; k < cell.length; k++) parent[find(cell[k])] = find(cell[0]);
  }
  for (let c = 0; c < keys.length; c++) {
    const key = keys[c];
    const a = lists[c];
    const y = rows[c];
    const poleward = Math.max(Math.abs(y - reachRows), Math.abs(y + reachRows + 1)) * size;
    const reachColumns = Math.ceil(boundingLongitudeDegrees(Math.min(89.9, poleward), reachKm) / size);
    for (let dy = -reachRows; dy <= reachRows; dy++) {
      for (let dx = -reachColumns; dx <= reachColumns; dx++) {
        const other = key + dy * width + dx;
        if (other <= key) continue;
        const b = cells.get(other);
        if (!b || find(a[0]) === find(b[0])) continue;
        link: for (const i of a) {
          for (const j of b) {
            if (geometry.term(members[i], members[j]) <= reachTerm) {
              parent[find(j)] = find(i);
              break link;
            }
          }
        }
      }
    }
  }
  // Clusters in the order their first member comes (as a map by root gave them), found by root in a typed array.
  const clusters: number[][] = [];
  const clusterOf = new Int32Array(members.length);
  for (let k = 0; k < members.length; k++) {
    const root = find(k);
    const at = clusterOf[root];
    if (at === 0) {
      clusters.push([members[k]]);
      clusterOf[root] = clusters.length;
    } else clusters[at - 1].push(members[k]);
  }
  return clusters;
}

/**
 * The grouping cell (row, column) of a member of a large cluster: side reach ÷ √2 (a hair less), so that its
 * diagonal is within reach.
 */
export function groupingCell(latitude: number, longitude: number, reachKm: number): [number, number] {
  const size = cellSide(reachKm);
  return [Math.floor(latitude / size), Math.floor(longitude / size)];
}

function cellSide(reachKm: number): number {
  return Math.max(1e-4, (reachKm / Math.SQRT2 / KM_PER_DEGREE) * (1 - 1e-9));
}

/** Compact groups of at most `maxSize` members, each sorted by id (single members are dropped). */
export function compactGroups(geometry: Geometry, members: PreparedFlow[], reachKm: number, maxSize: number): PreparedFlow[][] {
  const groups: PreparedFlow[][] = [];
  const pending = [members];
  while (pending.length > 0) {
    const part = pending.pop()!;
    if (part.length < 2) continue;
    if (part.length <= maxSize) {
      sortSmall(part, byId);
      if (maxDistanceToCentre(geometry, part) <= reachKm / 2) {
        groups.push(part);
        continue;
      }
    }
    const [a, b] = splitInTwo(part, part.length > maxSize);
    pending.push(b, a);
  }
  return groups;
}

/** The centre of members sorted by id (the order fixes the rounding of the sums). */
export function centreOf(members: PreparedFlow[]): GeoPoint {
  let lat = 0;
  let lon = 0;
  for (const m of members) {
    lat += m.flow.latitude;
    lon += m.flow.longitude;
  }
  return geoPoint(lat / members.length, lon / members.length);
}

export function maxDistanceToCentre(geometry: Geometry, members: PreparedFlow[]): number {
  const centre = centreOf(members);
  let h = 0;
  for (const m of members) h = Math.max(h, geometry.termTo(centre, m.slot));
  return distanceFromTerm(h);
}

/**
 * Cuts along the longer side of the bounding box, at the widest gap between consecutive members; when the part
 * is too large, only in its middle half, so that both sides stay large enough to form groups.
 */
function splitInTwo(part: PreparedFlow[], balanced: boolean): [PreparedFlow[], PreparedFlow[]] {
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (const m of part) {
    minLat = Math.min(minLat, m.flow.latitude);
    maxLat = Math.max(maxLat, m.flow.latitude);
    minLon = Math.min(minLon, m.flow.longitude);
    maxLon = Math.max(maxLon, m.flow.longitude);
  }
  const cosLat = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const alongLongitude = (maxLon - minLon) * cosLat > maxLat - minLat;
  // Module functions, not closures: tsx names each closure made, with a property write (two per split before).
  const sorted = sortSmall(part.slice(), alongLongitude ? byLongitude : byLatitude);
  const n = sorted.length;
  const from = balanced ? Math.max(1, Math.floor(n / 4)) : 1;
  const to = balanced ? Math.min(n - 1, Math.ceil((3 * n) / 4)) : n - 1;
  let cut = from;
  let widest = -1;
  for (let k = from; k <= to; k++) {
    const gap = alongLongitude ? sorted[k].flow.longitude - sorted[k - 1].flow.longitude : sorted[k].flow.latitude - sorted[k - 1].flow.latitude;
    if (gap > widest) {
      widest = gap;
      cut = k;
    }
  }
  return [sorted.slice(0, cut), sorted.slice(cut)];
}

/**
 * Sorts `list` in place by `compare`, a total order: by insertion when short (a group has a dozen members at most),
 * else natively. The native sort allocates a work copy of its array each time: 13 MB per detection at 100k flows,
 * for parts of a few members.
 */
function sortSmall<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > 16) return list.sort(compare);
  for (let k = 1; k < list.length; k++) {
    const x = list[k];
    let at = k;
    while (at > 0 && compare(list[at - 1], x) > 0) {
      list[at] = list[at - 1];
      at--;
    }
    list[at] = x;
  }
  return list;
}

function byLongitude(a: PreparedFlow, b: PreparedFlow): number {
  return a.flow.longitude - b.flow.longitude || byId(a, b);
}

function byLatitude(a: PreparedFlow, b: PreparedFlow): number {
  return a.flow.latitude - b.flow.latitude || byId(a, b);
}

export function byId(a: PreparedFlow, b: PreparedFlow): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
