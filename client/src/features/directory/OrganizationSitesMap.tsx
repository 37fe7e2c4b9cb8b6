import type { LatLngBoundsExpression } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { CircleMarker, MapContainer, ScaleControl, Tooltip } from 'react-leaflet';
import { Basemap } from '../map/Basemap';

// The organisation's sites on a map, loaded with the page's first site (Leaflet stays out of the first screen).
// As on the dashboard: the offline basemap, tiles only when the instance configures them.

export interface MappedSite {
  id: string;
  name: string;
  city: string;
  latitude: number;
  longitude: number;
}

function boundsOf(sites: readonly MappedSite[]): LatLngBoundsExpression {
  const lats = sites.map((site) => site.latitude);
  const lons = sites.map((site) => site.longitude);
  const pad = 0.01;
  return [
    [Math.min(...lats) - pad, Math.min(...lons) - pad],
    [Math.max(...lats) + pad, Math.max(...lons) + pad],
  ];
}

/** A group (its zoom buttons stay reachable) named by `label`; the sites are also listed in text on the page. */
export default function OrganizationSitesMap({ sites, label }: { sites: readonly MappedSite[]; label: string }) {
  return (
    <div className="sites-map" role="group" aria-label={label}>
      <MapContainer bounds={boundsOf(sites)} scrollWheelZoom={false}>
        <Basemap />
        {sites.map((site) => (
          <CircleMarker
            key={`${site.id}-${site.latitude}-${site.longitude}`}
            center={[site.latitude, site.longitude]}
            radius={7}
            className="organization-site-marker"
            pathOptions={{ color: '#1f3a5f', fillColor: '#3b82f6', fillOpacity: 0.9, weight: 1.5 }}
          >
            <Tooltip>
              {site.name} ({site.city})
            </Tooltip>
          </CircleMarker>
        ))}
        <ScaleControl imperial={false} />
      </MapContainer>
    </div>
  );
}
