import type { ViewerContext } from '../auth/auth.context.js';
import type { OrganizationLoaders } from '../organization/organization.loaders.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import type { TerritoryResolverContext } from '../territory/territory.context.js';
import type { FlowLoaders } from './flow.loaders.js';
import type { FlowService } from './flow.service.js';

/** What flow resolvers read from the request context (the composition root provides a superset). */
export type FlowResolverContext = ViewerContext &
  TerritoryResolverContext & {
    services: { flows: FlowService };
    loaders: OrganizationLoaders & FlowLoaders;
    pubSub: AppPubSub['pubSub'];
  };
