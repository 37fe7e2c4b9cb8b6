/**
 * How precisely an anonymous counterpart is described (docs/THREAT_MODEL.md #18a). A party reads of the other side
 * its kind, its sector (NACE section) and a distance band from its own site; crossed with the public directory
 * (every organisation's kind, sector and sites) that can single one organisation out. So the description is
 * widened — the band first, then the sector, then the kind — until at least k organisations of the directory are
 * consistent with it (k is the territory aggregates' k, AGGREGATE_MIN_ORGANIZATIONS).
 */

/**
 * Distance ladders, finest first. Each ladder's limits are a subset of the previous one's, so a wider band always
 * contains the narrower one: two descriptions of one counterpart never cross into a smaller interval.
 */
const LADDERS: number[][] = [[2, 5, 10, 25, 50, 100], [5, 25, 100], [25, 100], [100]];
/** One past the last ladder: no distance shown at all. */
export const NO_BAND = LADDERS.length;

export interface DistanceBand {
  /** Inclusive lower bound, km. */
  min: number;
  /** Exclusive upper bound, km; Infinity for "> 100 km". */
  max: number;
  label: string;
}

/** The band of `km` on ladder `level` (0: finest), or null at NO_BAND. */
export function distanceBandAt(km: number, level: number): DistanceBand | null {
  const limits = LADDERS[level];
  if (!limits) return null;
  const i = limits.findIndex((max) => km < max);
  if (i === 0) return { min: 0, max: limits[0]!, label: `< ${limits[0]} km` };
  if (i === -1) return { min: limits.at(-1)!, max: Infinity, label: `> ${limits.at(-1)} km` };
  return { min: limits[i - 1]!, max: limits[i]!, label: `${limits[i - 1]}–${limits[i]} km` };
}

/** An organisation of the public directory, as a reader of it could place it relative to the viewer's site. */
export interface DirectoryEntry {
  organizationId: string;
  kind: string;
  /** NACE section, null when it declared none. */
  sectionCode: string | null;
  /** From the viewer's site to each of the organisation's sites. */
  distancesKm: number[];
}

export interface CounterpartFacts {
  kind: string;
  sectionCode: string | null;
  /** From the viewer's site to the counterpart's; null when either is unknown (then no band is shown anyway). */
  distanceKm: number | null;
}

/** What is shown of a counterpart: its kind or not, its sector or not, and on which ladder its distance. */
export interface CounterpartDisclosure {
  kind: boolean;
  sector: boolean;
  bandLevel: number;
}

/** What a reader of the description learns, as constraints on a directory entry. */
export interface ShownCounterpart {
  kind: string | null;
  sectionCode: string | null;
  band: DistanceBand | null;
}

export function shownOf(c: CounterpartFacts, d: CounterpartDisclosure): ShownCounterpart {
  return {
    kind: d.kind ? c.kind : null,
    sectionCode: d.sector ? c.sectionCode : null,
    band: c.distanceKm === null ? null : distanceBandAt(c.distanceKm, d.bandLevel),
  };
}

/** Directory organisations a reader cannot tell from the counterpart, given what is shown. */
export function consistentCount(shown: ShownCounterpart, directory: readonly DirectoryEntry[]): number {
  return directory.filter(
    (o) =>
      (shown.kind === null || o.kind === shown.kind) &&
      (shown.sectionCode === null || o.sectionCode === shown.sectionCode) &&
      (shown.band === null || o.distancesKm.some((km) => km >= shown.band!.min && km < shown.band!.max)),
  ).length;
}

/**
 * The most precise description under which at least `k` organisations of `directory` (the viewer's own left out by
 * the caller) are consistent; the least precise one (nothing but "an organisation") when none reaches k.
 */
export function counterpartDisclosure(c: CounterpartFacts, directory: readonly DirectoryEntry[], k: number): CounterpartDisclosure {
  const ladder: CounterpartDisclosure[] = [];
  for (const [kind, sector] of [[true, true], [true, false], [false, false]] as const) {
    for (let bandLevel = 0; bandLevel <= NO_BAND; bandLevel++) ladder.push({ kind, sector, bandLevel });
  }
  return ladder.find((d) => consistentCount(shownOf(c, d), directory) >= k) ?? ladder.at(-1)!;
}
