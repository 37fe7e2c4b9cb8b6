import { distanceBandAt } from '../../policy/counterpart-disclosure.js';

/**
 * Figures a party may read about another one before identities are revealed: distances as bands, quantities as
 * magnitudes. The anonymous counterpart, the redacted explanation and the rounded impacts all use these.
 */

/**
 * Distance bands wide enough not to locate a site by crossing two of them; `level` > 0 widens them, until no band
 * (null) at NO_BAND (policy/counterpart-disclosure.ts decides how far, from the directory).
 */
export function distanceBand(km: number, level = 0): string | null {
  return distanceBandAt(km, level)?.label ?? null;
}

export function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** 237 → 200, 0.0437 → 0.04: a magnitude, not a figure. */
export function roundSignificant(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(x))) - digits + 1);
  return Math.round(x / magnitude) * magnitude;
}
