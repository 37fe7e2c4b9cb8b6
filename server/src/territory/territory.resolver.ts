import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { TerritoryResolverContext } from './territory.context.js';
import { TerritoryNode } from './territory.types.js';

@Resolver(() => TerritoryNode)
export class TerritoryResolver {
  @Query(() => [TerritoryNode], { description: 'Every territory of the network, nested ones included.' })
  async territories(@Ctx() ctx: TerritoryResolverContext): Promise<TerritoryNode[]> {
    const all = await ctx.services.territories.all();
    for (const t of all) ctx.loaders.territories.prime(t.id, t);
    return all.map(TerritoryNode.from);
  }

  @FieldResolver(() => TerritoryNode, { nullable: true, description: 'The enclosing territory, if any.' })
  async parent(@Root() territory: TerritoryNode, @Ctx() ctx: TerritoryResolverContext): Promise<TerritoryNode | null> {
    if (!territory.parentDbId) return null;
    const parent = await ctx.loaders.territories.load(territory.parentDbId);
    return parent ? TerritoryNode.from(parent) : null;
  }
}
