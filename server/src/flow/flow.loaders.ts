import DataLoader from 'dataloader';
import type { PageRequest } from '../paging/page.js';
import type { MaybeViewer } from '../policy/viewer.js';
import type { FlowFilter } from './flow.queries.js';
import type { FlowRecord } from './flow.record.js';
import type { FlowService } from './flow.service.js';

type OrgFlowsKey = { organizationId: string; filter: Omit<FlowFilter, 'organizationId' | 'territoryIds'>; page: PageRequest };

/**
 * Per-request batching of the flows of many organisations (a directory page): one statement per filter and page.
 * `viewer` is read when a batch runs, so a log-in earlier in the same request is seen.
 */
export function createFlowLoaders(flows: FlowService, viewer: () => MaybeViewer) {
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
        const pages = await flows.pagesOfOrganizations(
          viewer(),
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
  return { flowsByOrganization };
}

export type FlowLoaders = ReturnType<typeof createFlowLoaders>;
