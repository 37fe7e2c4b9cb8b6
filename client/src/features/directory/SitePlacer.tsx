import type { LatLngBoundsExpression } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { CircleMarker, MapContainer, ScaleControl, useMapEvents } from 'react-leaflet';
import { Basemap } from '../map/Basemap';
import type { MappedSite } from './OrganizationSitesMap';

// The map of the site form: a click places the site (fills latitude and longitude, which stay typed by hand for
// keyboard users). The offline basemap, tiles only when the instance configures them, as on the dashboard.
/** Metropolitan France until the basemap is loaded, when the organisation has no site yet to start from. */
const FRANCE: LatLngBoundsExpression = [
  [42.3, -4.8],
  [51.1, 8.2],
];

function ClickToPlace({ onPlace }: { onPlace(latitude: number, longitude: number): void }) {
  useMapEvents({ click: (event) => onPlace(event.latlng.lat, event.latlng.lng) });
  return null;
}

/** `place` is where the form's coordinates put the site (null while they are not numbers); `around`, the other sites. */
export default function SitePlacer({ place, around, label, onPlace }: { place: [number, number] | null; around: readonly MappedSite[]; label: string; onPlace(latitude: number, longitude: number): void }) {
  const known = [...around.map((site) => [site.latitude, site.longitude] as [number, number]), ...(place ? [place] : [])];
  const bounds: LatLngBoundsExpression = known.length
    ? [
        [Math.min(...known.map((p) => p[0])) - 0.02, Math.min(...known.map((p) => p[1])) - 0.02],
        [Math.max(...known.map((p) => p[0])) + 0.02, Math.max(...known.map((p) => p[1])) + 0.02],
      ]
    : FRANCE;
  return (
    <div className="sites-map site-placer" role="group" aria-label={label}>
      <MapContainer bounds={bounds} scrollWheelZoom={false}>
        {/* With nothing to start from, the map opens on Val de Fensch's départements once the basemap is there. */}
        <Basemap focus={known.length === 0} />
        <ClickToPlace onPlace={onPlace} />
        {around.map((site) => (
          <CircleMarker key={site.id} center={[site.latitude, site.longitude]} radius={5} interactive={false} pathOptions={{ color: '#5b6b82', fillColor: '#cbd5e1', fillOpacity: 0.9, weight: 1 }} />
        ))}
        {place && <CircleMarker center={place} radius={8} interactive={false} className="placed-site-marker" pathOptions={{ color: '#1f3a5f', fillColor: '#3b82f6', fillOpacity: 0.9, weight: 2 }} />}
        <ScaleControl imperial={false} />
      </MapContainer>
    </div>
  );
}
