import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthService, type AuthDeps } from '../auth/auth.service.js';
import { FlowService } from '../flow/flow.service.js';
import { ImportService } from '../importer/import.service.js';
import { OrganizationService } from '../organization/organization.service.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import type { KnowledgeBase } from '../synergy/knowledge/knowledge-base.types.js';
import type { SynergyDetection } from '../synergy/detection/synergy-detection.js';
import { SynergyService } from '../synergy/synergy.service.js';
import { TerritoryService } from '../territory/territory.service.js';

/** Long-lived dependencies shared by every request. */
export interface AppDeps extends AuthDeps {
  pubSub: AppPubSub['pubSub'];
  knowledgeBase: KnowledgeBase;
  synergyDetection: SynergyDetection;
}

/** The domain services bound to one unit of work (one request, or one WebSocket operation). */
export function createServices(em: EntityManager, deps: AppDeps) {
  return {
    auth: new AuthService(em, deps),
    territories: new TerritoryService(em),
    organizations: new OrganizationService(em),
    flows: new FlowService(em, deps.pubSub),
    imports: new ImportService(em, deps.pubSub),
    synergies: new SynergyService(em, deps.pubSub, deps.synergyDetection),
  };
}

export type Services = ReturnType<typeof createServices>;
