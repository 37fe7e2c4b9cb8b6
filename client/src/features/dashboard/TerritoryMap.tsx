import type { LatLngBoundsExpression } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { CircleMarker, MapContainer, Polyline, ScaleControl, Tooltip } from 'react-leaflet';
import { useI18n } from '../../i18n/useI18n';
import { Basemap } from '../map/Basemap';
import { TILE_URL } from '../map/tiles';
import type { TerritoryMapModel } from './map-model';
import { StageLegend } from './StageLegend';
import { STAGE_COLOURS } from './stages';

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

/** Sites and synergy lines on the offline basemap (départements, place names) and a scale; tiles only if configured. */
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
        <MapContainer bounds={boundsOf(model)} scrollWheelZoom={false}>
          {/* A site's commune too small for the basemap is still named, where there is room. */}
          <Basemap extraPlaces={model.communes} />
          {model.lines.map((line, index) => (
            <Polyline
              key={`${line.synergyId}-${index}`}
              positions={[line.from, line.to]}
              // Leaflet reads the class when the path is created only, so it is an option, not a style.
              className={`map-link stage-${line.stage}`}
              pathOptions={{ color: STAGE_COLOURS[line.stage], weight: 2, opacity: 0.7 }}
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
