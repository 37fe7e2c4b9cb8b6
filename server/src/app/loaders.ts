import type { EntityManager } from '@mikro-orm/postgresql';
import { createFlowLoaders } from '../flow/flow.loaders.js';
import { createOrganizationLoaders } from '../organization/organization.loaders.js';
import type { MaybeViewer } from '../policy/viewer.js';
import { createTerritoryLoaders } from '../territory/territory.loaders.js';
import { createFacilitationLoaders } from '../synergy/facilitation/facilitation.loaders.js';
import type { Services } from './services.js';

/**
 * Per-request batching, each domain's loaders side by side: whatever the shape of a query, each relation costs
 * one statement per level, not one per parent (the directory page test counts them).
 */
export function createLoaders(em: EntityManager, viewer: () => MaybeViewer, services: Services) {
  return {
    ...createTerritoryLoaders(em),
    ...createOrganizationLoaders(em, services.organizations),
    ...createFlowLoaders(services.flows, viewer),
    ...createFacilitationLoaders(services.facilitation, viewer),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
