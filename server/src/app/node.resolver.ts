import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { UserNode } from '../auth/auth.types.js';
import { DomainError, badInput } from '../errors/domain-errors.js';
import { FlowNode } from '../flow/flow.types.js';
import { OrganizationNode, SiteNode } from '../organization/organization.types.js';
import { canSeeDirectory } from '../policy/policy.js';
import { viewSynergies } from '../synergy/view/synergy-view.js';
import { viewProject } from '../project/project-view.js';
import { TerritoryNode } from '../territory/territory.types.js';
import { fromGlobalId } from '../graphql/global-id.js';
import { Node } from '../graphql/node.js';
import type { GraphQLContext } from './context.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global ID; null when it does not exist or you may not see it (the two look alike).',
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Node | null> {
    const decoded = fromGlobalId(id);
    if (!decoded) throw badInput('id is not a valid global ID.', [{ field: 'id', message: 'is not a global ID' }]);
    try {
      return await this.load(decoded.type, decoded.id, ctx);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  private async load(type: string, id: string, ctx: GraphQLContext): Promise<Node | null> {
    switch (type) {
      case 'Territory': {
        const t = await ctx.loaders.territories.load(id);
        return t ? TerritoryNode.from(t) : null;
      }
      case 'Organization':
        return OrganizationNode.from(await ctx.services.organizations.get(ctx.viewer, id));
      case 'Site': {
        const site = canSeeDirectory(ctx.viewer) ? await ctx.loaders.sites.load(id) : undefined;
        return site ? SiteNode.from(site) : null;
      }
      case 'ResourceFlow':
        return FlowNode.forViewer(await ctx.services.flows.get(ctx.viewer, id), ctx.viewer);
      case 'Synergy': {
        const record = await ctx.services.synergies.get(ctx.viewer, id);
        return viewSynergies(await ctx.services.synergies.readForView(ctx.viewer, [record]), ctx.viewer)[0];
      }
      case 'SynergyProject':
        return viewProject(await ctx.services.projects.get(ctx.viewer, id), ctx.viewer);
      case 'User':
        return ctx.principal && ctx.principal.user.id === id ? UserNode.from(ctx.principal.user) : null;
      default:
        return null;
    }
  }
}
