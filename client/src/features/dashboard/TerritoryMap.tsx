import { divIcon, type LatLngBoundsExpression } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { CircleMarker, MapContainer, Marker, Polygon, Polyline, ScaleControl, TileLayer, Tooltip } from 'react-leaflet';
import { useI18n } from '../../i18n/useI18n';
import type { TerritoryMapModel } from './map-model';
import { StageLegend } from './StageLegend';
import { STAGE_COLOURS } from './stages';

// Tiles only when an instance configures them (VITE_MAP_TILE_URL at build time): by default the map loads nothing
// from outside the machine, and the basemap is drawn from the sites themselves.
const TILE_URL: string | undefined = import.meta.env.VITE_MAP_TILE_URL || undefined;
const TILE_ATTRIBUTION: string = import.meta.env.VITE_MAP_TILE_ATTRIBUTION ?? '';

function boundsOf(model: TerritoryMapModel): LatLngBoundsExpression {
  const lats = model.sites.map((site) => site.latitude);
  const lons = model.sites.map((site) => site.longitude);
  // A lone site still gets a few kilometres around it.
  const pad = 0.01;
  return [
    [Math.min(...lats) - pad, Math.min(...lons) - pad],
    [Math.max(...lats) + pad, Math.max(...lons) + pad],
  ];
}

/** Sites and synergy lines on a basemap of their own outline, commune names and a scale; tiles only if configured. */
export function TerritoryMap({ model }: { model: TerritoryMapModel }) {
  const { t } = useI18n();
  if (model.sites.length === 0) return <p className="muted">{t('dashboard.map.empty')}</p>;
  return (
    <>
      <div
        className="territory-map"
        // A group, not an image: the zoom buttons inside must stay reachable.
        role="group"
        aria-label={t('dashboard.map.label', { sites: model.sites.length, lines: model.lines.length })}
      >
        <MapContainer bounds={boundsOf(model)} scrollWheelZoom={false} attributionControl={Boolean(TILE_URL)}>
          {TILE_URL && <TileLayer url={TILE_URL} attribution={TILE_ATTRIBUTION} />}
          {model.outline.length > 0 && (
            <Polygon positions={model.outline} className="map-outline" pathOptions={{ color: '#5b6b82', weight: 1, dashArray: '4 4', fillOpacity: 0.06 }} />
          )}
          {model.lines.map((line, index) => (
            <Polyline
              key={`${line.synergyId}-${index}`}
              positions={[line.from, line.to]}
              // Leaflet reads the class when the path is created only, so it is an option, not a style.
              className={`map-link stage-${line.stage}`}
              pathOptions={{ color: STAGE_COLOURS[line.stage], weight: 2, opacity: 0.7 }}
            />
          ))}
          {model.communes.map((commune) => (
            <Marker
              key={commune.name}
              position={[commune.latitude, commune.longitude]}
              interactive={false}
              keyboard={false}
              icon={divIcon({ className: 'commune-label', html: `<span>${escapeHtml(commune.name)}</span>` })}
            />
          ))}
          {model.sites.map((site) => (
            <CircleMarker
              key={site.id}
              center={[site.latitude, site.longitude]}
              radius={6}
              className="site-marker"
              pathOptions={{ color: '#1f3a5f', fillColor: '#3b82f6', fillOpacity: 0.9, weight: 1.5 }}
            >
              <Tooltip>
                {site.organizationName} — {site.name} ({site.city})
              </Tooltip>
            </CircleMarker>
          ))}
          <ScaleControl imperial={false} />
        </MapContainer>
      </div>
      <StageLegend />
      <p className="muted small">{TILE_URL ? t('dashboard.map.tilesNote') : t('dashboard.map.note')}</p>
      <p className="muted small">{t('dashboard.map.anonymous')}</p>
      <details className="map-sites">
        <summary>{t('dashboard.map.sites', { count: model.sites.length })}</summary>
        <ul>
          {model.sites.map((site) => (
            <li key={site.id}>
              {site.organizationName} — {site.name} ({site.city})
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}

// Commune names come from data the organisations typed: a divIcon takes HTML, so they are escaped.
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
