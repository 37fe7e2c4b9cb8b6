import { divIcon, type PathOptions } from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
import { GeoJSON, Marker, Pane, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import { chooseLabels, focusBounds, foldName, loadBasemap, type Area, type Basemap as BasemapData, type LabelCandidate } from './basemap';
import { TILE_ATTRIBUTION, TILE_URL } from './tiles';
import './basemap.css';

/** A name the map should write although the basemap does not (a site's commune under 1,000 inhabitants). */
export interface ExtraPlace {
  name: string;
  latitude: number;
  longitude: number;
}

const AREA_STYLE: Record<Area['kind'], PathOptions> = {
  department: { color: '#64748b', weight: 1.2, fillColor: '#f7f5ee', fillOpacity: 1 },
  neighbour: { color: '#94a3b8', weight: 1, dashArray: '4 3', fillColor: '#eceff1', fillOpacity: 1 },
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function Labels({ candidates }: { candidates: readonly LabelCandidate[] }) {
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  const chosen = useMemo(
    () =>
      chooseLabels(candidates, zoom, (latitude, longitude) => {
        const point = map.project([latitude, longitude], zoom);
        return [point.x, point.y];
      }),
    [candidates, zoom, map],
  );
  return (
    <>
      {chosen.map((label) => (
        <Marker
          key={`${label.kind}-${label.name}-${label.latitude}`}
          position={[label.latitude, label.longitude]}
          interactive={false}
          keyboard={false}
          pane="basemap-labels"
          icon={divIcon({ className: `basemap-label basemap-label-${label.kind}`, html: `<span>${escapeHtml(label.name)}</span>`, iconSize: [0, 0] })}
        />
      ))}
    </>
  );
}

/**
 * The offline basemap under a map's markers: départements and neighbouring areas, and place names chosen for the
 * zoom so that none overlaps another. With a tile server configured, the tiles lie under it and the basemap keeps
 * only its outlines (the tiles write their own names). `focus`: fit the map to Val de Fensch's départements once
 * loaded (a map with nothing of its own to show yet).
 */
export function Basemap({ extraPlaces = [], focus = false }: { extraPlaces?: readonly ExtraPlace[]; focus?: boolean }) {
  const map = useMap();
  const [basemap, setBasemap] = useState<BasemapData | null>(null);
  useEffect(() => {
    let current = true;
    loadBasemap().then(
      (loaded) => current && setBasemap(loaded),
      // Without it the map still shows its sites, a scale and the page's list: nothing to tell beyond the console.
      (error: unknown) => console.warn('basemap not loaded', error),
    );
    return () => {
      current = false;
    };
  }, []);
  useEffect(() => {
    const bounds = basemap && focus ? focusBounds(basemap) : null;
    if (bounds) map.fitBounds(bounds);
  }, [basemap, focus, map]);
  const candidates = useMemo((): LabelCandidate[] => {
    if (!basemap || TILE_URL) return [];
    const named = new Set(basemap.places.map((place) => foldName(place.name)));
    return [
      ...basemap.areas.map((area) => ({ name: area.name, kind: area.kind, longitude: area.label[0], latitude: area.label[1] })),
      ...basemap.places.map((place) => ({ kind: 'place' as const, ...place })),
      // Below every place of the basemap: named when there is room.
      ...extraPlaces.filter((place) => !named.has(foldName(place.name))).map((place) => ({ kind: 'place' as const, population: 1, ...place })),
    ];
  }, [basemap, extraPlaces]);
  const areas = useMemo(() => (basemap ? { type: 'FeatureCollection' as const, features: basemap.areas.map((area) => ({ type: 'Feature' as const, properties: area, geometry: area.geometry })) } : null), [basemap]);
  return (
    <>
      {TILE_URL && <TileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION} />}
      <Pane name="basemap-areas" style={{ zIndex: 250 }}>
        {basemap && areas && (
          <GeoJSON
            data={areas}
            attribution={basemap.attribution}
            interactive={false}
            style={(feature) => {
              const kind = (feature?.properties as Area | undefined)?.kind ?? 'neighbour';
              return { ...AREA_STYLE[kind], className: `basemap-area basemap-${kind}`, ...(TILE_URL ? { fillOpacity: 0 } : {}) };
            }}
          />
        )}
      </Pane>
      {/* Names over the sites' markers and lines (a halo keeps both readable), under tooltips; clicks go through. */}
      <Pane name="basemap-labels" style={{ zIndex: 450, pointerEvents: 'none' }}>
        <Labels candidates={candidates} />
      </Pane>
    </>
  );
}
