import { distanceFromTerm, geoPoint, haversineTerm, type GeoPoint } from './geo.js';
import type { PreparedFlow } from './prepared-flow.js';
import type { SpatialGrid } from './spatial-grid.js';

/**
 * Grouping of the flows that share a stream. Members within reach of one another are linked (single linkage,
 * through the pathway's grid), which gives clusters; a cluster too large or too spread out is split in two along
 * its longer side, at its widest gap, until every group is compact (each member within half the reach of the
 * group's centre, so all within the reach of each other) and small enough. Everything is ordered by coordinates
 * and ids: the same members always give the same groups.
 */

/** The members linked to `start` through chains of members within reach; marks them in `visited`. */
export function linkedCluster(
  start: PreparedFlow,
  grid: SpatialGrid,
  reachKm: number,
  reachTerm: number,
  flows: (PreparedFlow | undefined)[],
  visited: Set<number>,
  buffer: number[],
): PreparedFlow[] {
  const cluster = [start];
  visited.add(start.slot);
  for (let head = 0; head < cluster.length; head++) {
    const u = cluster[head];
    buffer.length = 0;
    grid.query(u.latitude, u.longitude, reachKm, buffer);
    for (const slot of buffer) {
      if (visited.has(slot)) continue;
      const v = flows[slot]!;
      if (haversineTerm(u, v) > reachTerm) continue;
      visited.add(slot);
      cluster.push(v);
    }
  }
  return cluster;
}

/** Compact groups of at most `maxSize` members (single members are dropped). */
export function compactGroups(members: PreparedFlow[], reachKm: number, maxSize: number): PreparedFlow[][] {
  const groups: PreparedFlow[][] = [];
  const pending = [[...members].sort(byId)];
  while (pending.length > 0) {
    const part = pending.pop()!;
    if (part.length < 2) continue;
    if (part.length <= maxSize && maxDistanceToCentre(part) <= reachKm / 2) {
      groups.push(part);
      continue;
    }
    const [a, b] = splitInTwo(part, part.length > maxSize);
    pending.push(b.sort(byId), a.sort(byId));
  }
  return groups;
}

export function centreOf(members: PreparedFlow[]): GeoPoint {
  let lat = 0;
  let lon = 0;
  for (const m of members) {
    lat += m.latitude;
    lon += m.longitude;
  }
  return geoPoint(lat / members.length, lon / members.length);
}

export function maxDistanceToCentre(members: PreparedFlow[]): number {
  const centre = centreOf(members);
  let h = 0;
  for (const m of members) h = Math.max(h, haversineTerm(centre, m));
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
    minLat = Math.min(minLat, m.latitude);
    maxLat = Math.max(maxLat, m.latitude);
    minLon = Math.min(minLon, m.longitude);
    maxLon = Math.max(maxLon, m.longitude);
  }
  const cosLat = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const alongLongitude = (maxLon - minLon) * cosLat > maxLat - minLat;
  const coordinate = (m: PreparedFlow): number => (alongLongitude ? m.longitude : m.latitude);
  const sorted = [...part].sort((a, b) => coordinate(a) - coordinate(b) || byId(a, b));
  const n = sorted.length;
  const from = balanced ? Math.max(1, Math.floor(n / 4)) : 1;
  const to = balanced ? Math.min(n - 1, Math.ceil((3 * n) / 4)) : n - 1;
  let cut = from;
  let widest = -1;
  for (let k = from; k <= to; k++) {
    const gap = coordinate(sorted[k]) - coordinate(sorted[k - 1]);
    if (gap > widest) {
      widest = gap;
      cut = k;
    }
  }
  return [sorted.slice(0, cut), sorted.slice(cut)];
}

export function byId(a: PreparedFlow, b: PreparedFlow): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
