import type { ViewerContext } from '../auth/auth.context.js';
import type { OrganizationLoaders } from '../organization/organization.loaders.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import type { TerritoryResolverContext } from '../territory/territory.context.js';
import type { KnowledgeBase } from './knowledge/knowledge-base.types.js';
import type { SynergyService } from './synergy.service.js';

/** What synergy resolvers read from the request context (the composition root provides a superset). */
export type SynergyResolverContext = ViewerContext &
  TerritoryResolverContext & {
    services: { synergies: SynergyService };
    loaders: Pick<OrganizationLoaders, 'organizations'>;
    pubSub: AppPubSub['pubSub'];
    knowledgeBase: KnowledgeBase;
  };
