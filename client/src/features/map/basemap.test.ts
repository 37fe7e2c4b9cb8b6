import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseLabels, focusBounds, foldName, minimumPopulation, parseBasemap, type LabelCandidate } from './basemap';

const shipped = parseBasemap(JSON.parse(readFileSync(path.join(import.meta.dirname, 'basemap/grand-est.json'), 'utf8')));

// A flat projection at zoom z with Web Mercator's pixels per degree of longitude (256 × 2^z for 360°).
const flat = (zoom: number) => (latitude: number, longitude: number): [number, number] => [(longitude * 256 * 2 ** zoom) / 360, (-latitude * 256 * 2 ** zoom) / 360];

describe('the shipped basemap', () => {
  it('has the ten départements of Grand Est by their INSEE code and French name, with the attribution its licences ask', () => {
    const departments = shipped.areas.filter((area) => area.kind === 'department');
    expect(departments.map((area) => area.code).sort()).toEqual(['08', '10', '51', '52', '54', '55', '57', '67', '68', '88']);
    expect(departments.find((area) => area.code === '54')?.name).toBe('Meurthe-et-Moselle');
    expect(departments.find((area) => area.code === '68')?.name).toBe('Haut-Rhin');
    expect(shipped.attribution).toContain('Natural Earth');
    expect(shipped.attribution).toContain('GeoNames (CC BY 4.0)');
  });

  it('names the communes of Val de Fensch, largest first, and opens on Moselle and Meurthe-et-Moselle', () => {
    const names = shipped.places.map((place) => place.name);
    for (const commune of ['Hayange', 'Florange', 'Fameck', 'Serémange-Erzange', 'Uckange', 'Thionville', 'Metz', 'Nancy']) expect(names).toContain(commune);
    expect(shipped.places[0].name).toBe('Strasbourg');
    const hayange = shipped.places.find((place) => place.name === 'Hayange')!;
    const [[south, west], [north, east]] = focusBounds(shipped)!;
    expect(hayange.latitude).toBeGreaterThan(south);
    expect(hayange.latitude).toBeLessThan(north);
    expect(hayange.longitude).toBeGreaterThan(west);
    expect(hayange.longitude).toBeLessThan(east);
    // Strasbourg is in Bas-Rhin, outside.
    expect(shipped.places[0].longitude).toBeGreaterThan(east);
  });

  it('refuses a file that is not the basemap rather than drawing half of it', () => {
    expect(() => parseBasemap({ type: 'FeatureCollection', features: [] })).toThrow(/attribution/);
    expect(() =>
      parseBasemap({ type: 'FeatureCollection', attribution: 'x', features: [{ type: 'Feature', properties: { kind: 'road', name: 'A31' }, geometry: { type: 'LineString', coordinates: [] } }] }),
    ).toThrow(/road/);
  });
});

describe('choosing the labels a zoom can write', () => {
  const place = (name: string, population: number, latitude: number, longitude: number, seat = false): LabelCandidate => ({ kind: 'place', name, population, latitude, longitude, seat });

  it('names fewer places further out, prefectures always', () => {
    expect(minimumPopulation(8)).toBeGreaterThan(minimumPopulation(10));
    expect(minimumPopulation(12)).toBe(0);
    const places = [place('Metz', 120_000, 49.12, 6.18, true), place('Florange', 12_000, 49.32, 6.12), place('Bar-le-Duc', 15_000, 48.77, 5.16, true), place('Knutange', 3_000, 49.34, 6.03)];
    expect(chooseLabels(places, 8, flat(8)).map((label) => label.name)).toEqual(['Metz', 'Bar-le-Duc']);
    expect(chooseLabels(places, 12, flat(12)).map((label) => label.name)).toEqual(['Metz', 'Bar-le-Duc', 'Florange', 'Knutange']);
  });

  it('leaves out a label that would overlap one already written, the larger place kept, an area before any place', () => {
    const labels = [place('Uckange', 7_000, 49.3, 6.15), place('Thionville', 40_000, 49.304, 6.151), { kind: 'department' as const, name: 'Moselle', latitude: 49.3, longitude: 6.152 }];
    expect(chooseLabels(labels, 12, flat(12)).map((label) => label.name)).toEqual(['Moselle']);
    expect(chooseLabels(labels.slice(0, 2), 12, flat(12)).map((label) => label.name)).toEqual(['Thionville']);
    // Far enough apart at a closer zoom, both are written.
    expect(chooseLabels(labels.slice(0, 2), 16, flat(16)).map((label) => label.name)).toEqual(['Thionville', 'Uckange']);
  });

  it('compares names without case or accents', () => {
    expect(foldName('Serémange-Erzange')).toBe(foldName('SEREMANGE-ERZANGE'));
    expect(foldName('L’Hôpital')).toBe(foldName("l'hopital"));
  });
});
