/**
 * Great-circle distances. Threshold tests ("within 5 km?") compare haversine terms, which needs neither square root
 * nor arc sine; the distance itself is computed only for the pairs that pass.
 */

export const EARTH_RADIUS_KM = 6371.0088;
/** Length of one degree of latitude (and of longitude at the equator), km. */
export const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;
const DEG = Math.PI / 180;

/** A point with what the haversine formula needs precomputed. */
export interface GeoPoint {
  latitude: number;
  longitude: number;
  latRad: number;
  lonRad: number;
  cosLat: number;
}

export function geoPoint(latitude: number, longitude: number): GeoPoint {
  const latRad = latitude * DEG;
  return { latitude, longitude, latRad, lonRad: longitude * DEG, cosLat: Math.cos(latRad) };
}

/** The haversine term h of two points: distance = 2 R asin(√h). */
export function haversineTerm(a: GeoPoint, b: GeoPoint): number {
  const sinLat = Math.sin((b.latRad - a.latRad) / 2);
  const sinLon = Math.sin((b.lonRad - a.lonRad) / 2);
  return sinLat * sinLat + a.cosLat * b.cosLat * sinLon * sinLon;
}

/** The haversine term of a distance in km (compare with `haversineTerm`: h ≤ haversineOf(d) ⇔ distance ≤ d). */
export function haversineOf(distanceKm: number): number {
  const s = Math.sin(Math.min(distanceKm / EARTH_RADIUS_KM, Math.PI) / 2);
  return s * s;
}

export function distanceFromTerm(h: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, Math.max(0, h))));
}

/** Great-circle distance in km between two points given in degrees. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  return distanceFromTerm(haversineTerm(geoPoint(lat1, lon1), geoPoint(lat2, lon2)));
}

/**
 * Half-widths, in degrees, of a box that holds every point within `distanceKm` of a point at `latitude`
 * (the longitude half-width is 180 when the circle reaches a pole).
 */
export function boundingDegrees(latitude: number, distanceKm: number): { dLat: number; dLon: number } {
  const angular = distanceKm / EARTH_RADIUS_KM;
  const dLat = angular / DEG;
  const latRad = latitude * DEG;
  if (Math.abs(latRad) + angular >= Math.PI / 2) return { dLat, dLon: 180 };
  const dLon = Math.asin(Math.min(1, Math.sin(angular) / Math.cos(latRad))) / DEG;
  return { dLat, dLon };
}
