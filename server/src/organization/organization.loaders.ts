import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Organization } from './organization.entity.js';
import type { OrganizationService } from './organization.service.js';
import { Site } from './site.entity.js';
import type { SiteRecord } from './organization.record.js';

/** Per-request batching: each relation costs one statement per level of a query, not one per parent. */
export function createOrganizationLoaders(em: EntityManager, organizations: OrganizationService) {
  const organizationsById = new DataLoader<string, Organization | undefined>(async (ids) => {
    const found = await em.find(Organization, { id: { $in: [...ids] } });
    const byId = new Map(found.map((o) => [o.id, o]));
    return ids.map((id) => byId.get(id));
  });
  const sites = new DataLoader<string, Site | undefined>(async (ids) => {
    const found = await em.find(Site, { id: { $in: [...ids] } });
    const byId = new Map(found.map((s) => [s.id, s]));
    return ids.map((id) => byId.get(id));
  });
  const sitesByOrganization = new DataLoader<string, SiteRecord[]>(async (orgIds) => {
    const byOrg = await organizations.sitesOf(orgIds);
    return orgIds.map((id) => byOrg.get(id) ?? []);
  });
  return { organizations: organizationsById, sites, sitesByOrganization };
}

export type OrganizationLoaders = ReturnType<typeof createOrganizationLoaders>;
