import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findFlowPagesOfOrganizations, type FlowFilter } from '../flow/flow.queries.js';
import type { FlowRecord } from '../flow/flow.record.js';
import { Organization } from '../organization/organization.entity.js';
import { Site } from '../organization/site.entity.js';
import { flowReadScope } from '../policy/policy.js';
import type { MaybeViewer } from '../policy/viewer.js';
import { Territory } from '../territory/territory.entity.js';
import type { PageRequest } from './connection.js';
import type { Services } from './services.js';

type OrgFlowsKey = { organizationId: string; filter: Omit<FlowFilter, 'organizationId' | 'territoryIds'>; page: PageRequest };

/**
 * Per-request batching: whatever the shape of a query, each relation costs one statement per level, not one per
 * parent (the directory page test counts them).
 */
/** `viewer` is read when a batch runs, so a log-in earlier in the same request is seen. */
export function createLoaders(em: EntityManager, viewer: () => MaybeViewer, services: Services) {
  const territories = new DataLoader<string, Territory | undefined>(async (ids) => {
    // Territories are few: load them all at once and serve every later lookup from memory.
    const all = await em.find(Territory, {});
    const byId = new Map(all.map((t) => [t.id, t]));
    return ids.map((id) => byId.get(id));
  });
  const organizations = new DataLoader<string, Organization | undefined>(async (ids) => {
    const found = await em.find(Organization, { id: { $in: [...ids] } });
    const byId = new Map(found.map((o) => [o.id, o]));
    return ids.map((id) => byId.get(id));
  });
  const sites = new DataLoader<string, Site | undefined>(async (ids) => {
    const found = await em.find(Site, { id: { $in: [...ids] } });
    const byId = new Map(found.map((s) => [s.id, s]));
    return ids.map((id) => byId.get(id));
  });
  const sitesByOrganization = new DataLoader<string, Site[]>(async (orgIds) => {
    const byOrg = await services.organizations.sitesOf(orgIds);
    return orgIds.map((id) => byOrg.get(id) ?? []);
  });
  const flowsByOrganization = new DataLoader<OrgFlowsKey, { records: FlowRecord[]; totalCount: number }, string>(
    async (keys) => {
      // Keys of one batch may differ in filter or page; group them and send one statement per group.
      const groups = new Map<string, OrgFlowsKey[]>();
      for (const key of keys) {
        const g = JSON.stringify([key.filter, key.page]);
        groups.set(g, [...(groups.get(g) ?? []), key]);
      }
      const results = new Map<string, { records: FlowRecord[]; totalCount: number }>();
      for (const [g, group] of groups) {
        const pages = await findFlowPagesOfOrganizations(
          em,
          flowReadScope(viewer()),
          group.map((k) => k.organizationId),
          group[0].filter,
          group[0].page,
        );
        for (const k of group) results.set(`${g}|${k.organizationId}`, pages.get(k.organizationId)!);
      }
      return keys.map((k) => results.get(`${JSON.stringify([k.filter, k.page])}|${k.organizationId}`)!);
    },
    { cacheKeyFn: (k) => JSON.stringify(k) },
  );
  return { territories, organizations, sites, sitesByOrganization, flowsByOrganization };
}

export type Loaders = ReturnType<typeof createLoaders>;
