import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { UserNode } from '../auth/auth.types.js';
import { ownViewer } from '../auth/own-viewer.js';
import type { OrganizationResolverContext } from './organization.context.js';
import type { MembershipRole } from '../vocabulary/organization.enums.js';
import { MembershipNode } from './membership.types.js';
import { OrganizationNode } from './organization.types.js';

/** A user's memberships are resolved here, where organisations are: auth knows users, not organisations. */
@Resolver(() => UserNode)
export class UserMembershipsResolver {
  @FieldResolver(() => [MembershipNode], { description: 'Organisations you belong to.' })
  async memberships(@Root() user: UserNode, @Ctx() ctx: OrganizationResolverContext): Promise<MembershipNode[]> {
    const entries = [...ownViewer(user, ctx.viewer).memberships.entries()];
    const orgs = await ctx.loaders.organizations.loadMany(entries.map(([id]) => id));
    return entries.flatMap(([, role], i) => {
      const org = orgs[i];
      return org && !(org instanceof Error) ? [{ organization: OrganizationNode.from(org), role: role as MembershipRole }] : [];
    });
  }
}
