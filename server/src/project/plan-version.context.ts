import type { PlanVersionService } from './plan-version.service.js';
import type { ProjectResolverContext } from './project.context.js';

/** What the plan versions' resolvers read from the request context. */
export type PlanVersionResolverContext = ProjectResolverContext & {
  services: { planVersions: PlanVersionService };
};
