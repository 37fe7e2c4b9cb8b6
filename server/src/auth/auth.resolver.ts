import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { unauthenticated } from '../errors/domain-errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { expectId } from '../graphql/global-id.js';
import { OrganizationNode } from '../organization/organization.types.js';
import type { MembershipRole } from '../organization/organization.enums.js';
import { TerritoryNode } from '../territory/territory.types.js';
import type { NewSession } from './auth.service.js';
import { ApiTokenNode, AuthPayload, CreateApiTokenPayload, LogInInput, MembershipNode, SignUpInput, UserNode } from './auth.types.js';

@Resolver(() => UserNode)
export class AuthResolver {
  @Query(() => UserNode, { nullable: true, description: 'Who you are; null when not signed in.' })
  viewer(@Ctx() ctx: GraphQLContext): UserNode | null {
    return ctx.principal ? UserNode.from(ctx.principal.user) : null;
  }

  @Mutation(() => AuthPayload, { description: 'Creates an account and signs in. Rate-limited per address.' })
  async signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return this.signedIn(await ctx.services.auth.signUp(input, ctx.http?.clientAddress ?? 'websocket'), ctx);
  }

  @Mutation(() => AuthPayload, { description: 'Signs in (sets an HttpOnly session cookie). Rate-limited.' })
  async logIn(@Arg('input', () => LogInInput) input: LogInInput, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    return this.signedIn(await ctx.services.auth.logIn(input, ctx.http?.clientAddress ?? 'websocket'), ctx);
  }

  @Mutation(() => Boolean, { description: 'Ends the browser session.' })
  async logOut(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.auth.logOut(ctx.http?.sessionToken);
    ctx.http?.clearSessionCookie();
    return true;
  }

  @Mutation(() => CreateApiTokenPayload, { description: 'Creates an API token acting as you. The secret is returned once.' })
  async createApiToken(@Arg('name', () => String) name: string, @Ctx() ctx: GraphQLContext): Promise<CreateApiTokenPayload> {
    const { token, apiToken } = await ctx.services.auth.createApiToken(ctx.viewer, name);
    return { token, apiToken: ApiTokenNode.from(apiToken) };
  }

  @Mutation(() => ApiTokenNode, { description: 'Revokes one of your API tokens, at once and for good.' })
  async revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ApiTokenNode> {
    return ApiTokenNode.from(await ctx.services.auth.revokeApiToken(ctx.viewer, expectId(id, 'ApiToken')));
  }

  @FieldResolver(() => [MembershipNode], { description: 'Organisations you belong to.' })
  async memberships(@Root() user: UserNode, @Ctx() ctx: GraphQLContext): Promise<MembershipNode[]> {
    const viewer = this.self(user, ctx);
    const entries = [...viewer.memberships.entries()];
    const orgs = await ctx.loaders.organizations.loadMany(entries.map(([id]) => id));
    return entries.flatMap(([, role], i) => {
      const org = orgs[i];
      return org && !(org instanceof Error) ? [{ organization: OrganizationNode.from(org), role: role as MembershipRole }] : [];
    });
  }

  @FieldResolver(() => [TerritoryNode], { description: 'Territories you facilitate, nested ones included.' })
  async facilitatedTerritories(@Root() user: UserNode, @Ctx() ctx: GraphQLContext): Promise<TerritoryNode[]> {
    const viewer = this.self(user, ctx);
    const all = await ctx.loaders.territories.loadMany([...viewer.facilitatedTerritoryIds]);
    return all.flatMap((t) => (t && !(t instanceof Error) ? [TerritoryNode.from(t)] : []));
  }

  @FieldResolver(() => [ApiTokenNode], { description: 'Your API tokens, newest first (secrets are never shown again).' })
  async apiTokens(@Root() user: UserNode, @Ctx() ctx: GraphQLContext): Promise<ApiTokenNode[]> {
    this.self(user, ctx);
    return (await ctx.services.auth.apiTokens(ctx.viewer)).map(ApiTokenNode.from);
  }

  /** A user's memberships and tokens are theirs alone. */
  private self(user: UserNode, ctx: GraphQLContext) {
    if (!ctx.viewer || ctx.viewer.userId !== user.dbId) throw unauthenticated();
    return ctx.viewer;
  }

  private signedIn(session: NewSession, ctx: GraphQLContext): AuthPayload {
    ctx.http?.setSessionCookie(session.sessionToken, session.expiresAt);
    ctx.principal = session.principal;
    ctx.viewer = session.principal.viewer;
    return { viewer: UserNode.from(session.principal.user) };
  }
}
