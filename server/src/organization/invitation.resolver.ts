import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HttpSession, ViewerContext } from '../auth/auth.context.js';
import { AuthPayload } from '../auth/auth.types.js';
import { signedIn } from '../auth/signed-in.js';
import { expectId } from '../graphql/global-id.js';
import { canReviewMembership } from '../policy/approval-policy.js';
import { MembershipRole } from '../vocabulary/organization.enums.js';
import type { InvitationService } from './invitation.service.js';
import { AcceptInvitationInput, InvitationPreviewNode, OrganizationInvitationNode } from './invitation.types.js';
import { OrganizationNode } from './organization.types.js';

type InvitationContext = ViewerContext & { services: { invitations: InvitationService }; http?: HttpSession };

@Resolver()
export class InvitationResolver {
  @Mutation(() => OrganizationInvitationNode, {
    description:
      "Invites a person to an organisation by a link (its admins and its territory's facilitators). The link makes their account, or joins their existing one, as an approved member; it works once, for a week. NOT_FOUND for an organisation whose members you do not manage.",
  })
  async inviteToOrganization(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('email', () => String) email: string,
    @Arg('role', () => MembershipRole, { defaultValue: MembershipRole.MEMBER }) role: MembershipRole,
    @Ctx() ctx: InvitationContext,
  ): Promise<OrganizationInvitationNode> {
    const { token, invitation } = await ctx.services.invitations.invite(ctx.viewer, expectId(organizationId, 'Organization', 'organizationId'), email, role);
    return { path: `/#/join/${token}`, email: invitation.email, expiresAt: invitation.expiresAt };
  }

  @Query(() => InvitationPreviewNode, { description: 'What an invitation link offers (anyone holding the link). NOT_FOUND when unknown, used or expired.' })
  async invitation(@Arg('token', () => String) token: string, @Ctx() ctx: InvitationContext): Promise<InvitationPreviewNode> {
    return ctx.services.invitations.preview(token);
  }

  @Mutation(() => AuthPayload, { description: 'Uses an invitation link: makes or joins the account, adds the membership, signs in. Rate-limited like signUp.' })
  async acceptInvitation(@Arg('input', () => AcceptInvitationInput) input: AcceptInvitationInput, @Ctx() ctx: InvitationContext): Promise<AuthPayload> {
    return signedIn(await ctx.services.invitations.accept(input, ctx.http?.clientAddress ?? 'websocket'), ctx);
  }
}

@Resolver(() => OrganizationNode)
export class OrganizationInvitationResolver {
  @FieldResolver(() => Boolean, { description: 'Whether you may invite people to this organisation (its admins, its territory’s facilitators).' })
  viewerCanInvite(@Root() org: OrganizationNode, @Ctx() ctx: ViewerContext): boolean {
    return canReviewMembership(ctx.viewer, { organizationId: org.dbId, territoryId: org.territoryDbId });
  }
}
