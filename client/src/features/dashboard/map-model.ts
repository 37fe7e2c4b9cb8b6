import type { DashboardOrganization, DashboardSynergy } from './dashboard-data';
import type { SynergyStage } from './stages';
import { synergyLinks } from './synergy-links';

/** A site placed on the map, with the organisation it belongs to. */
export interface PlacedSite {
  id: string;
  name: string;
  city: string;
  latitude: number;
  longitude: number;
  organizationId: string;
  organizationName: string;
}

export interface MapLine {
  synergyId: string;
  stage: SynergyStage;
  from: [number, number];
  to: [number, number];
}

/** A commune named at the mean position of the sites placed in it, for the basemap to write if it does not already. */
export interface CommuneLabel {
  name: string;
  latitude: number;
  longitude: number;
  siteCount: number;
}

export interface TerritoryMapModel {
  sites: PlacedSite[];
  lines: MapLine[];
  communes: CommuneLabel[];
}

/**
 * What the map may show: the sites of organisations the API names to the viewer (those of the territory for its
 * facilitators, the viewer's own, and the parties a synergy names), and lines only between named sides. A side
 * the API leaves anonymous has no place on the map, so nothing there hints at where it is.
 */
export function territoryMapModel(
  organizations: readonly DashboardOrganization[],
  synergies: readonly DashboardSynergy[],
): TerritoryMapModel {
  const named = new Map<string, DashboardOrganization>();
  for (const organization of organizations) named.set(organization.id, organization);
  for (const synergy of synergies) {
    for (const { organization } of synergy.participants) if (organization) named.set(organization.id, organization);
  }
  const sites = new Map<string, PlacedSite>();
  for (const organization of named.values()) {
    for (const site of organization.sites) {
      sites.set(site.id, { ...site, organizationId: organization.id, organizationName: organization.name });
    }
  }
  const placeOf = (participant: DashboardSynergy['participants'][number]): [number, number] | null => {
    if (!participant.organization) return null;
    const site = sites.get(participant.flow?.site?.id ?? '') ?? sites.get(participant.organization.sites[0]?.id ?? '');
    return site ? [site.latitude, site.longitude] : null;
  };
  const lines: MapLine[] = [];
  for (const link of synergyLinks(synergies)) {
    const from = placeOf(link.from);
    const to = placeOf(link.to);
    if (from && to) lines.push({ synergyId: link.synergyId, stage: link.stage, from, to });
  }
  const placed = [...sites.values()];
  return { sites: placed, lines, communes: communeLabels(placed) };
}

export function communeLabels(sites: readonly PlacedSite[]): CommuneLabel[] {
  const byCity = new Map<string, PlacedSite[]>();
  for (const site of sites) byCity.set(site.city, [...(byCity.get(site.city) ?? []), site]);
  return [...byCity.entries()]
    .map(([name, inCity]) => ({
      name,
      latitude: inCity.reduce((sum, site) => sum + site.latitude, 0) / inCity.length,
      longitude: inCity.reduce((sum, site) => sum + site.longitude, 0) / inCity.length,
      siteCount: inCity.length,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
