import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionOf, pageRequest, toConnection } from '../graphql/connection.js';
import type { OrganizationResolverContext } from './organization.context.js';
import { expectId } from '../graphql/global-id.js';
import { findActivitySector } from '../nomenclature/activity-sectors.js';
import { ActivitySector } from '../nomenclature/nomenclature.types.js';
import { canEditOrganization } from '../policy/policy.js';
import { TerritoryNode } from '../territory/territory.types.js';
import { AddSiteInput, CreateOrganizationInput, OrganizationFilterInput, UpdateOrganizationInput, UpdateSiteInput } from './organization.inputs.js';
import { OrganizationNode, SiteNode } from './organization.types.js';
import { checkOrganizationFilter } from './organization-filter.js';

export const OrganizationConnection = connectionOf(OrganizationNode, 'Organization', 'organisation');

@ArgsType()
class OrganizationsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'Page size, 0 to 100.' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor after which the page starts.' })
  after?: string;

  @Field(() => OrganizationFilterInput, { nullable: true, description: 'Filters.' })
  filter?: OrganizationFilterInput;
}

@Resolver(() => OrganizationNode)
export class OrganizationResolver {
  @Query(() => OrganizationConnection, { description: 'The directory of organisations, by name. Requires signing in.' })
  async organizations(@Args(() => OrganizationsArgs) args: OrganizationsArgs, @Ctx() ctx: OrganizationResolverContext) {
    const page = pageRequest(args.first, args.after);
    const territoryIds = args.filter?.territoryId
      ? await ctx.services.territories.withDescendants(expectId(args.filter.territoryId, 'Territory', 'filter.territoryId'))
      : undefined;
    const { organizations, totalCount } = await ctx.services.organizations.page(ctx.viewer, { territoryIds, ...checkOrganizationFilter(args.filter) }, page);
    return toConnection({ nodes: organizations.map(OrganizationNode.fromRecord), totalCount, offset: page.offset });
  }

  @Mutation(() => OrganizationNode, { description: 'Registers an organisation; you become its ADMIN.' })
  async createOrganization(
    @Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput,
    @Ctx() ctx: OrganizationResolverContext,
  ): Promise<OrganizationNode> {
    const { territoryId, ...fields } = input;
    const org = await ctx.services.organizations.create(ctx.viewer, expectId(territoryId, 'Territory', 'territoryId'), fields);
    // The creator is now its ADMIN: the rest of this response must see them so (e.g. viewerCanEdit).
    ctx.principal = await ctx.services.auth.refresh(ctx.principal!);
    ctx.viewer = ctx.principal.viewer;
    return OrganizationNode.from(org);
  }

  @Mutation(() => OrganizationNode, { description: "Changes an organisation's profile (its members and facilitators)." })
  async updateOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Ctx() ctx: OrganizationResolverContext,
  ): Promise<OrganizationNode> {
    const org = await ctx.services.organizations.update(ctx.viewer, expectId(id, 'Organization'), input);
    return OrganizationNode.from(org);
  }

  @Mutation(() => SiteNode, { description: 'Adds a located site to an organisation.' })
  async addSite(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('input', () => AddSiteInput) input: AddSiteInput,
    @Ctx() ctx: OrganizationResolverContext,
  ): Promise<SiteNode> {
    const site = await ctx.services.organizations.addSite(ctx.viewer, expectId(organizationId, 'Organization', 'organizationId'), input);
    return SiteNode.from(site);
  }

  @Mutation(() => SiteNode, { description: "Changes a site: its name, address, SIRET and place on the map (its organisation's members and facilitators)." })
  async updateSite(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSiteInput) input: UpdateSiteInput,
    @Ctx() ctx: OrganizationResolverContext,
  ): Promise<SiteNode> {
    const site = await ctx.services.organizations.updateSite(ctx.viewer, expectId(id, 'Site'), input);
    return SiteNode.from(site);
  }

  @FieldResolver(() => TerritoryNode, { description: 'Territory the organisation belongs to.' })
  async territory(@Root() org: OrganizationNode, @Ctx() ctx: OrganizationResolverContext): Promise<TerritoryNode> {
    return TerritoryNode.from((await ctx.loaders.territories.load(org.territoryDbId))!);
  }

  @FieldResolver(() => [SiteNode], { description: 'Sites of the organisation, by name.' })
  async sites(@Root() org: OrganizationNode, @Ctx() ctx: OrganizationResolverContext): Promise<SiteNode[]> {
    return (await ctx.loaders.sitesByOrganization.load(org.dbId)).map(SiteNode.fromRecord);
  }

  @FieldResolver(() => ActivitySector, { nullable: true, description: 'The NACE/NAF sector named by naceCode.' })
  activitySector(@Root() org: OrganizationNode): ActivitySector | null {
    return org.naceCode ? ((findActivitySector(org.naceCode) as ActivitySector | undefined) ?? null) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may edit this organisation, its sites and flows.' })
  viewerCanEdit(@Root() org: OrganizationNode, @Ctx() ctx: OrganizationResolverContext): boolean {
    return canEditOrganization(ctx.viewer, { organizationId: org.dbId, territoryId: org.territoryDbId });
  }
}

@Resolver(() => SiteNode)
export class SiteResolver {
  @FieldResolver(() => OrganizationNode, { description: 'The organisation this site belongs to.' })
  async organization(@Root() site: SiteNode, @Ctx() ctx: OrganizationResolverContext): Promise<OrganizationNode> {
    return OrganizationNode.from((await ctx.loaders.organizations.load(site.organizationDbId))!);
  }
}
