import type { ViewerContext } from '../auth/auth.context.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import type { TerritoryResolverContext } from '../territory/territory.context.js';
import type { PlanService } from './plan.service.js';
import type { ProjectService } from './project.service.js';

/** What project resolvers read from the request context (the composition root provides a superset). */
export type ProjectResolverContext = ViewerContext &
  TerritoryResolverContext & {
    services: { projects: ProjectService; plans: PlanService };
    pubSub: AppPubSub['pubSub'];
  };
