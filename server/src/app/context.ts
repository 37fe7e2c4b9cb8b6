import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthResolverContext, HttpSession } from '../auth/auth.context.js';
import type { FlowResolverContext } from '../flow/flow.context.js';
import type { ImportResolverContext } from '../importer/import.context.js';
import type { OrganizationResolverContext } from '../organization/organization.context.js';
import type { PlanVersionResolverContext } from '../project/plan-version.context.js';
import type { ProjectResolverContext } from '../project/project.context.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import type { KnowledgeBase } from '../synergy/knowledge/knowledge-base.types.js';
import type { SynergyResolverContext } from '../synergy/synergy.context.js';
import type { FacilitationResolverContext } from '../synergy/facilitation/facilitation.context.js';
import type { TerritoryResolverContext } from '../territory/territory.context.js';
import type { FirstFacilitatorContext } from '../setup/first-facilitator.resolver.js';
import type { NotificationPreferenceContext } from '../auth/notification-preference.resolver.js';
import type { Loaders } from './loaders.js';
import type { Services } from './services.js';

/** Every domain's resolvers declare what they read; the composition must give each of them that. */
type DomainContexts = AuthResolverContext &
  TerritoryResolverContext &
  OrganizationResolverContext &
  FlowResolverContext &
  ImportResolverContext &
  SynergyResolverContext &
  FacilitationResolverContext &
  ProjectResolverContext &
  PlanVersionResolverContext &
  FirstFacilitatorContext &
  NotificationPreferenceContext;

/**
 * What every resolver receives, over HTTP and over WebSocket alike. Extending the domains' contexts makes the
 * compiler check that these services and loaders satisfy every one of them.
 */
export interface GraphQLContext extends DomainContexts {
  em: EntityManager;
  services: Services;
  loaders: Loaders;
  pubSub: AppPubSub['pubSub'];
  knowledgeBase: KnowledgeBase;
  http?: HttpSession;
}
