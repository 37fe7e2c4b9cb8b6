import type { SynergyResolverContext } from '../synergy.context.js';
import type { FacilitationLoaders } from './facilitation.loaders.js';
import type { FacilitationService } from './facilitation.service.js';

/** What the facilitation resolvers read from the request context. */
export type FacilitationResolverContext = SynergyResolverContext & {
  services: SynergyResolverContext['services'] & { facilitation: FacilitationService };
  loaders: SynergyResolverContext['loaders'] & Pick<FacilitationLoaders, 'synergyAssignees'>;
};
