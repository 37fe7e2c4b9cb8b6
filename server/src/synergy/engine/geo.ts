/**
 * Great-circle distances by the haversine formula. Each point carries the sines and cosines of its half latitude
 * and half longitude, so that the haversine term of a pair needs no trigonometry at all:
 * sin((φ2 − φ1) / 2) = sin(φ2/2) cos(φ1/2) − cos(φ2/2) sin(φ1/2), and the same for λ. Threshold tests
 * ("within 5 km?") compare haversine terms; the distance itself (an arc sine) is computed only for pairs that pass.
 */

/** Mean Earth radius, km. (Module-private copy for the computations: see pair-score.ts on exported numbers.) */
const R = 6371.0088;
export const EARTH_RADIUS_KM = R;
/** Length of one degree of latitude (and of longitude at the equator), km. */
export const KM_PER_DEGREE = (Math.PI * R) / 180;
const DEG = Math.PI / 180;

/** A point with what the haversine formula needs precomputed. */
export interface GeoPoint {
  latitude: number;
  longitude: number;
  sinHalfLat: number;
  cosHalfLat: number;
  sinHalfLon: number;
  cosHalfLon: number;
  cosLat: number;
}

export function geoPoint(latitude: number, longitude: number): GeoPoint {
  const halfLat = (latitude * DEG) / 2;
  const halfLon = (longitude * DEG) / 2;
  return {
    latitude,
    longitude,
    sinHalfLat: Math.sin(halfLat),
    cosHalfLat: Math.cos(halfLat),
    sinHalfLon: Math.sin(halfLon),
    cosHalfLon: Math.cos(halfLon),
    cosLat: Math.cos(latitude * DEG),
  };
}

/** The haversine term h from the precomputed values of two points: distance = 2 R asin(√h). */
export function haversineOfParts(
  sLat1: number, cLat1: number, sLon1: number, cLon1: number, cos1: number,
  sLat2: number, cLat2: number, sLon2: number, cLon2: number, cos2: number,
): number {
  const a = sLat2 * cLat1 - cLat2 * sLat1;
  const b = sLon2 * cLon1 - cLon2 * sLon1;
  return a * a + cos1 * cos2 * b * b;
}

/**
 * The precomputed terms of every flow's position, by slot, in one Float64Array (five numbers a flow): a hundred
 * thousand positions without a hundred thousand objects, and read in order by the searches.
 */
export class Geometry {
  static readonly STRIDE = 5;
  data = new Float64Array(0);

  /**
   * Room for `slots` positions at once: grown by half each time, a 100k-flow load allocated three times its final
   * array (17 MB counted as external memory, which brings the collector's pauses forward — see SubstitutionIndex).
   */
  reserve(slots: number): void {
    if (slots * Geometry.STRIDE <= this.data.length) return;
    const bigger = new Float64Array(slots * Geometry.STRIDE);
    bigger.set(this.data);
    this.data = bigger;
  }

  set(slot: number, latitude: number, longitude: number): void {
    const at = slot * Geometry.STRIDE;
    if (at + Geometry.STRIDE > this.data.length) {
      const bigger = new Float64Array(Math.max(at + Geometry.STRIDE, Math.ceil(this.data.length * 1.5), 64 * Geometry.STRIDE));
      bigger.set(this.data);
      this.data = bigger;
    }
    const halfLat = (latitude * DEG) / 2;
    const halfLon = (longitude * DEG) / 2;
    this.data[at] = Math.sin(halfLat);
    this.data[at + 1] = Math.cos(halfLat);
    this.data[at + 2] = Math.sin(halfLon);
    this.data[at + 3] = Math.cos(halfLon);
    this.data[at + 4] = Math.cos(latitude * DEG);
  }

  /** Haversine term between the flows in slots `a` and `b` (pass the output first, when there is one). */
  term(a: number, b: number): number {
    const d = this.data;
    const i = a * Geometry.STRIDE;
    const j = b * Geometry.STRIDE;
    return haversineOfParts(d[i], d[i + 1], d[i + 2], d[i + 3], d[i + 4], d[j], d[j + 1], d[j + 2], d[j + 3], d[j + 4]);
  }

  /** Haversine term between a point and the flow in `slot`. */
  termTo(p: GeoPoint, slot: number): number {
    const d = this.data;
    const j = slot * Geometry.STRIDE;
    return haversineOfParts(p.sinHalfLat, p.cosHalfLat, p.sinHalfLon, p.cosHalfLon, p.cosLat, d[j], d[j + 1], d[j + 2], d[j + 3], d[j + 4]);
  }
}

/** The haversine term of two points. Callers always pass the output first, so a pair gives one exact number. */
export function haversineTerm(p: GeoPoint, q: GeoPoint): number {
  return haversineOfParts(
    p.sinHalfLat, p.cosHalfLat, p.sinHalfLon, p.cosHalfLon, p.cosLat,
    q.sinHalfLat, q.cosHalfLat, q.sinHalfLon, q.cosHalfLon, q.cosLat,
  );
}

/** The haversine term of a distance in km (h ≤ haversineOf(d) ⇔ distance ≤ d). */
export function haversineOf(distanceKm: number): number {
  const s = Math.sin(Math.min(distanceKm / R, Math.PI) / 2);
  return s * s;
}

export function distanceFromTerm(h: number): number {
  return 2 * R * Math.asin(Math.sqrt(Math.min(1, Math.max(0, h))));
}

/** Great-circle distance in km between two points given in degrees. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  return distanceFromTerm(haversineTerm(geoPoint(lat1, lon1), geoPoint(lat2, lon2)));
}

/** Half-height, in degrees, of a box that holds every point within `distanceKm` of a point. */
export function boundingLatitudeDegrees(distanceKm: number): number {
  return distanceKm / R / DEG;
}

/**
 * Half-width, in degrees, of a box that holds every point within `distanceKm` of a point at `latitude` (180 when
 * the circle reaches a pole).
 */
export function boundingLongitudeDegrees(latitude: number, distanceKm: number): number {
  const angular = distanceKm / R;
  const latRad = latitude * DEG;
  if (Math.abs(latRad) + angular >= Math.PI / 2) return 180;
  return Math.asin(Math.min(1, Math.sin(angular) / Math.cos(latRad))) / DEG;
}
