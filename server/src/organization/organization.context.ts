import type { AuthService } from '../auth/auth.service.js';
import type { ViewerContext } from '../auth/auth.context.js';
import type { TerritoryResolverContext } from '../territory/territory.context.js';
import type { ApprovalService } from './approval.service.js';
import type { OrganizationLoaders } from './organization.loaders.js';
import type { OrganizationService } from './organization.service.js';

/** What organisation resolvers read from the request context (the composition root provides a superset). */
export type OrganizationResolverContext = ViewerContext &
  TerritoryResolverContext & {
    services: { organizations: OrganizationService; approvals: ApprovalService; auth: AuthService };
    loaders: OrganizationLoaders;
  };
