import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { pageRequest, toConnection } from '../graphql/connection.js';
import type { FlowResolverContext } from './flow.context.js';
import { expectId } from '../graphql/global-id.js';
import { WasteCode } from '../nomenclature/nomenclature.types.js';
import { findWasteCode, normalizeEwcCode } from '../nomenclature/waste-codes.js';
import { OrganizationNode, SiteNode } from '../organization/organization.types.js';
import { ProblemList } from '../errors/domain-errors.js';
import { TerritoryNode } from '../territory/territory.types.js';
import type { FlowFilter } from './flow.queries.js';
import { DeclareFlowInput, FlowConnection, FlowFilterInput, FlowsArgs, UpdateFlowInput } from './flow.inputs.js';
import { FlowNode } from './flow.types.js';

@Resolver(() => FlowNode)
export class FlowResolver {
  @Query(() => FlowConnection, {
    description:
      'Active flows you may see, newest first: PUBLIC ones, those of your organisations and of territories you ' +
      'facilitate, and anonymously the TERRITORY flows of your territories. Counts cover only these.',
  })
  async flows(@Args(() => FlowsArgs) args: FlowsArgs, @Ctx() ctx: FlowResolverContext) {
    const page = pageRequest(args.first, args.after);
    const filter = await decodeFlowFilter(args.filter, ctx);
    const { records, totalCount } = await ctx.services.flows.page(ctx.viewer, filter, page);
    return toConnection({ nodes: records.map((r) => FlowNode.forViewer(r, ctx.viewer)), totalCount, offset: page.offset });
  }

  @Mutation(() => FlowNode, { description: 'Declares what a site has or needs.' })
  async declareFlow(@Arg('input', () => DeclareFlowInput) input: DeclareFlowInput, @Ctx() ctx: FlowResolverContext): Promise<FlowNode> {
    const { siteId, ...fields } = input;
    const record = await ctx.services.flows.declare(ctx.viewer, expectId(siteId, 'Site', 'siteId'), fields);
    return FlowNode.forViewer(record, ctx.viewer);
  }

  @Mutation(() => FlowNode, { description: 'Changes a flow of your organisation (or of a territory you facilitate).' })
  async updateFlow(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateFlowInput) input: UpdateFlowInput,
    @Ctx() ctx: FlowResolverContext,
  ): Promise<FlowNode> {
    const { siteId, ...fields } = input;
    const record = await ctx.services.flows.update(ctx.viewer, expectId(id, 'ResourceFlow'), {
      ...fields,
      siteId: siteId ? expectId(siteId, 'Site', 'siteId') : undefined,
    });
    return FlowNode.forViewer(record, ctx.viewer);
  }

  @Mutation(() => FlowNode, { description: 'Archives a flow: it leaves lists and synergy detection, its history stays.' })
  async archiveFlow(@Arg('id', () => ID) id: string, @Ctx() ctx: FlowResolverContext): Promise<FlowNode> {
    const record = await ctx.services.flows.archive(ctx.viewer, expectId(id, 'ResourceFlow'));
    return FlowNode.forViewer(record, ctx.viewer);
  }

  @FieldResolver(() => OrganizationNode, { nullable: true, description: 'Who declared the flow; null when anonymous to you.' })
  async organization(@Root() flow: FlowNode, @Ctx() ctx: FlowResolverContext): Promise<OrganizationNode | null> {
    if (!flow.organizationDbId) return null;
    const org = await ctx.loaders.organizations.load(flow.organizationDbId);
    return org ? OrganizationNode.from(org) : null;
  }

  @FieldResolver(() => SiteNode, { nullable: true, description: 'Where the flow is; null when anonymous to you.' })
  async site(@Root() flow: FlowNode, @Ctx() ctx: FlowResolverContext): Promise<SiteNode | null> {
    if (!flow.siteDbId) return null;
    const site = await ctx.loaders.sites.load(flow.siteDbId);
    return site ? SiteNode.from(site) : null;
  }

  @FieldResolver(() => TerritoryNode, { description: 'Territory of the declaring organisation.' })
  async territory(@Root() flow: FlowNode, @Ctx() ctx: FlowResolverContext): Promise<TerritoryNode> {
    return TerritoryNode.from((await ctx.loaders.territories.load(flow.territoryDbId))!);
  }

  @FieldResolver(() => WasteCode, { nullable: true, description: 'The List of Waste entry of ewcCode, with its labels.' })
  wasteCode(@Root() flow: FlowNode): WasteCode | null {
    return flow.ewcCode ? ((findWasteCode(flow.ewcCode) as WasteCode | undefined) ?? null) : null;
  }
}

/** Validates and decodes the public filter into the service's terms. */
async function decodeFlowFilter(input: FlowFilterInput | undefined, ctx: FlowResolverContext): Promise<FlowFilter> {
  if (!input) return {};
  const problems = new ProblemList();
  const filter: FlowFilter = {
    direction: input.direction ?? undefined,
    category: input.category ?? undefined,
    status: input.status ?? undefined,
    text: input.text?.trim() || undefined,
  };
  if (filter.text && filter.text.length > 200) problems.add('filter.text', 'must be at most 200 characters');
  if (input.ewcCode) {
    const prefix = ewcPrefix(input.ewcCode);
    if (!prefix) problems.add('filter.ewcCode', 'must be a List of Waste code or a prefix of one ("10", "10 02", "10 02 01")');
    else filter.ewcCodePrefix = prefix;
  }
  if (input.near) {
    const { latitude, longitude, radiusKm } = input.near;
    if (!(latitude >= -90 && latitude <= 90)) problems.add('filter.near.latitude', 'must be between -90 and 90');
    if (!(longitude >= -180 && longitude <= 180)) problems.add('filter.near.longitude', 'must be between -180 and 180');
    if (!(radiusKm > 0 && radiusKm <= 1000)) problems.add('filter.near.radiusKm', 'must be between 0 and 1000');
    filter.near = { latitude, longitude, radiusKm };
  }
  problems.throwIfAny('Invalid flow filter.');
  if (input.organizationId) filter.organizationId = expectId(input.organizationId, 'Organization', 'filter.organizationId');
  if (input.territoryId) {
    filter.territoryIds = await ctx.services.territories.withDescendants(expectId(input.territoryId, 'Territory', 'filter.territoryId'));
  }
  return filter;
}

function ewcPrefix(input: string): string | null {
  const digits = input.replace(/[\s.\-*]/g, '');
  if (!/^\d{2}(\d{2}){0,2}$/.test(digits)) return null;
  if (digits.length === 6) return normalizeEwcCode(digits);
  return digits.match(/\d{2}/g)!.join(' ');
}
