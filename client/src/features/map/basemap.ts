// The offline basemap: outlines of the départements around Grand Est and the names of places, fetched once from a
// hashed, precompressed, immutable asset of the build when a map first opens (never in the first screen).
import basemapUrl from './basemap/grand-est.json?url';

type Ring = [number, number][];
export type AreaGeometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

export interface Area {
  kind: 'department' | 'neighbour';
  name: string;
  /** INSEE code of a département of Grand Est. */
  code?: string;
  /** Where the name is written, [lon, lat]. */
  label: [number, number];
  geometry: AreaGeometry;
}

export interface Place {
  name: string;
  population: number;
  /** A prefecture: named from further out. */
  seat: boolean;
  longitude: number;
  latitude: number;
}

export interface Basemap {
  attribution: string;
  areas: Area[];
  /** Largest first. */
  places: Place[];
}

interface RawFeature {
  type: 'Feature';
  properties: { kind: string; name: string; code?: string; label?: [number, number]; population?: number; seat?: boolean };
  geometry: { type: string; coordinates: unknown };
}

/** The file's GeoJSON as areas and places; anything else in it is refused (a wrong file must not draw half a map). */
export function parseBasemap(json: unknown): Basemap {
  const collection = json as { type?: string; attribution?: unknown; features?: RawFeature[] };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features) || typeof collection.attribution !== 'string') {
    throw new Error('the basemap is not a FeatureCollection with an attribution');
  }
  const areas: Area[] = [];
  const places: Place[] = [];
  for (const { properties, geometry } of collection.features) {
    if (properties.kind === 'place' && geometry.type === 'Point') {
      const [longitude, latitude] = geometry.coordinates as [number, number];
      places.push({ name: properties.name, population: properties.population ?? 0, seat: properties.seat === true, longitude, latitude });
    } else if ((properties.kind === 'department' || properties.kind === 'neighbour') && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') && properties.label) {
      areas.push({ kind: properties.kind, name: properties.name, code: properties.code, label: properties.label, geometry: geometry as AreaGeometry });
    } else {
      throw new Error(`the basemap has a feature of kind ${properties.kind} with a ${geometry.type}`);
    }
  }
  places.sort((a, b) => b.population - a.population);
  return { attribution: collection.attribution, areas, places };
}

let loading: Promise<Basemap> | undefined;

/** Fetched once per page; a failed fetch is tried again by the next map that asks. */
export function loadBasemap(): Promise<Basemap> {
  loading ??= fetch(basemapUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`the basemap answered ${response.status}`);
      return response.json();
    })
    .then(parseBasemap)
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

/** The smallest population named at a zoom level: prefectures always, every place of the file from zoom 12. */
export function minimumPopulation(zoom: number): number {
  if (zoom >= 12) return 0;
  if (zoom >= 11) return 2_000;
  if (zoom >= 10) return 5_000;
  if (zoom >= 9) return 15_000;
  return 40_000;
}

export interface LabelCandidate {
  name: string;
  kind: 'department' | 'neighbour' | 'place';
  longitude: number;
  latitude: number;
  seat?: boolean;
  population?: number;
}

/** Pixel box of a label written centred on its point, from its length (the font is the page's, about 7 px a letter). */
function boxOf(name: string, [x, y]: [number, number]) {
  const halfWidth = (name.length * 7 + 8) / 2;
  return { left: x - halfWidth, right: x + halfWidth, top: y - 9, bottom: y + 9 };
}

/**
 * The labels to write at a zoom, in order of importance (areas, then places largest first), leaving out a place
 * too small for the zoom and any label that would overlap one already written: names stay readable.
 * `project` gives a point's pixel position at that zoom.
 */
export function chooseLabels(candidates: readonly LabelCandidate[], zoom: number, project: (latitude: number, longitude: number) => [number, number]): LabelCandidate[] {
  const minimum = minimumPopulation(zoom);
  const rank = (label: LabelCandidate) => (label.kind === 'place' ? 1 : 0);
  const ordered = candidates
    .filter((label) => label.kind !== 'place' || label.seat || (label.population ?? 0) >= minimum)
    .map((label, index) => ({ label, index }))
    .sort((a, b) => rank(a.label) - rank(b.label) || (b.label.population ?? 0) - (a.label.population ?? 0) || a.index - b.index);
  const written: ReturnType<typeof boxOf>[] = [];
  const chosen: LabelCandidate[] = [];
  for (const { label } of ordered) {
    const box = boxOf(label.name, project(label.latitude, label.longitude));
    if (written.some((other) => box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom)) continue;
    written.push(box);
    chosen.push(label);
  }
  return chosen;
}

/** Folded for comparison: case and accents aside ("Serémange" is "seremange"). */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’']/g, "'").trim();
}

/** The bounds of the départements whose places are named (Moselle, Meurthe-et-Moselle), [[south, west], [north, east]]. */
export function focusBounds(basemap: Basemap, codes: readonly string[] = ['54', '57']): [[number, number], [number, number]] | null {
  const rings = basemap.areas
    .filter((area) => area.code && codes.includes(area.code))
    .flatMap((area) => (area.geometry.type === 'Polygon' ? [area.geometry.coordinates[0]] : area.geometry.coordinates.map((polygon) => polygon[0])));
  const points = rings.flat();
  if (points.length === 0) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [
    [Math.min(...lats), Math.min(...lons)],
    [Math.max(...lats), Math.max(...lons)],
  ];
}
