import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { pageRequest, toConnection } from '../graphql/connection.js';
import { OrganizationNode } from '../organization/organization.types.js';
import type { FlowResolverContext } from './flow.context.js';
import { FlowConnection, OrganizationFlowsArgs } from './flow.inputs.js';
import { FlowNode } from './flow.types.js';

/** An organisation's flows are resolved by the flow domain, which owns them; organisations know nothing of flows. */
@Resolver(() => OrganizationNode)
export class OrganizationFlowsResolver {
  @FieldResolver(() => FlowConnection, {
    description: "The organisation's active flows that you may attribute to it: PUBLIC ones, and all of them if it is yours or you facilitate its territory.",
  })
  async flows(@Root() org: OrganizationNode, @Args(() => OrganizationFlowsArgs) args: OrganizationFlowsArgs, @Ctx() ctx: FlowResolverContext) {
    const page = pageRequest(args.first, args.after);
    const { records, totalCount } = await ctx.loaders.flowsByOrganization.load({
      organizationId: org.dbId,
      filter: { direction: args.direction ?? undefined, category: args.category ?? undefined },
      page,
    });
    return toConnection({ nodes: records.map((r) => FlowNode.forViewer(r, ctx.viewer)), totalCount, offset: page.offset });
  }
}
