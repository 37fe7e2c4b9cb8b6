import type { TerritoryLoaders } from './territory.loaders.js';
import type { TerritoryService } from './territory.service.js';

/** What territory resolvers read from the request context (the composition root provides a superset). */
export interface TerritoryResolverContext {
  services: { territories: TerritoryService };
  loaders: TerritoryLoaders;
}
