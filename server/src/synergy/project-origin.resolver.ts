import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DomainError } from '../errors/domain-errors.js';
import { SynergyProjectNode } from '../project/project.types.js';
import type { SynergyResolverContext } from './synergy.context.js';
import { viewSynergies } from './view/synergy-view.js';
import { SynergyNode } from './view/synergy.types.js';

/** `SynergyProject.originSynergy` is resolved here, by the domain that owns synergies and knows how each viewer sees one. */
@Resolver(() => SynergyProjectNode)
export class ProjectOriginSynergyResolver {
  @FieldResolver(() => SynergyNode, {
    nullable: true,
    description: 'The synergy it came from, as you may see it; null for a project from scratch or a synergy you may not see.',
  })
  async originSynergy(@Root() project: SynergyProjectNode, @Ctx() ctx: SynergyResolverContext): Promise<SynergyNode | null> {
    if (!project.synergyDbId) return null;
    try {
      const record = await ctx.services.synergies.get(ctx.viewer, project.synergyDbId);
      return viewSynergies(await ctx.services.synergies.readForView(ctx.viewer, [record]), ctx.viewer)[0];
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}
