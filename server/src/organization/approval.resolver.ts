import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { expectId } from '../graphql/global-id.js';
import type { OrganizationResolverContext } from './organization.context.js';
import { MembershipRequestNode } from './approval.types.js';
import type { MembershipRequest } from './approval.service.js';
import { OrganizationNode } from './organization.types.js';

const requestNode = (r: MembershipRequest) => MembershipRequestNode.from(r.membership, r.organization, r.user);

/** Joining is approved: organisations by their territory's facilitators, members by their organisation's admins too. */
@Resolver()
export class ApprovalResolver {
  @Query(() => [OrganizationNode], { description: 'Organisations waiting for your approval, in the territories you facilitate, oldest first.' })
  async pendingOrganizations(
    @Arg('territoryId', () => ID, { nullable: true, description: 'Only this territory and those nested in it.' }) territoryId: string | undefined,
    @Ctx() ctx: OrganizationResolverContext,
  ): Promise<OrganizationNode[]> {
    const territoryIds = territoryId ? await ctx.services.territories.withDescendants(expectId(territoryId, 'Territory', 'territoryId')) : undefined;
    return (await ctx.services.approvals.pendingOrganizations(ctx.viewer, territoryIds)).map(OrganizationNode.from);
  }

  @Mutation(() => OrganizationNode, { description: 'Approves an organisation waiting in a territory you facilitate: its members take part from now on.' })
  async approveOrganization(@Arg('id', () => ID) id: string, @Ctx() ctx: OrganizationResolverContext): Promise<OrganizationNode> {
    return OrganizationNode.from(await ctx.services.approvals.reviewOrganization(ctx.viewer, expectId(id, 'Organization'), true));
  }

  @Mutation(() => OrganizationNode, { description: 'Refuses an organisation in a territory you facilitate: its members keep seeing what a visitor sees.' })
  async rejectOrganization(@Arg('id', () => ID) id: string, @Ctx() ctx: OrganizationResolverContext): Promise<OrganizationNode> {
    return OrganizationNode.from(await ctx.services.approvals.reviewOrganization(ctx.viewer, expectId(id, 'Organization'), false));
  }

  @Mutation(() => MembershipRequestNode, { description: 'Asks to join an organisation as a MEMBER; its admin or a facilitator approves.' })
  async requestMembership(@Arg('organizationId', () => ID) organizationId: string, @Ctx() ctx: OrganizationResolverContext): Promise<MembershipRequestNode> {
    return requestNode(await ctx.services.approvals.requestMembership(ctx.viewer, expectId(organizationId, 'Organization', 'organizationId')));
  }

  @Query(() => [MembershipRequestNode], { description: 'Requests to join the organisations you administer or whose territory you facilitate, oldest first.' })
  async pendingMemberships(
    @Arg('organizationId', () => ID, { nullable: true, description: 'Only this organisation.' }) organizationId: string | undefined,
    @Ctx() ctx: OrganizationResolverContext,
  ): Promise<MembershipRequestNode[]> {
    const orgId = organizationId ? expectId(organizationId, 'Organization', 'organizationId') : undefined;
    return (await ctx.services.approvals.pendingMemberships(ctx.viewer, orgId)).map(requestNode);
  }

  @Mutation(() => MembershipRequestNode, { description: 'Approves a request to join an organisation you administer or whose territory you facilitate.' })
  async approveMembership(@Arg('id', () => ID) id: string, @Ctx() ctx: OrganizationResolverContext): Promise<MembershipRequestNode> {
    return requestNode(await ctx.services.approvals.reviewMembership(ctx.viewer, expectId(id, 'MembershipRequest'), true));
  }

  @Mutation(() => Boolean, {
    description: "Removes a user from an organisation you administer or whose territory you facilitate: their member's view ends at once, open sockets included (closed with 4403, reconnect).",
  })
  async removeMembership(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: OrganizationResolverContext,
  ): Promise<boolean> {
    await ctx.services.approvals.removeMembership(ctx.viewer, expectId(organizationId, 'Organization', 'organizationId'), expectId(userId, 'User', 'userId'));
    return true;
  }

  @Mutation(() => MembershipRequestNode, { description: 'Refuses a request to join an organisation you administer or whose territory you facilitate.' })
  async rejectMembership(@Arg('id', () => ID) id: string, @Ctx() ctx: OrganizationResolverContext): Promise<MembershipRequestNode> {
    return requestNode(await ctx.services.approvals.reviewMembership(ctx.viewer, expectId(id, 'MembershipRequest'), false));
  }
}
