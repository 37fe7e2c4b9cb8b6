import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AuthResolverContext } from './auth.context.js';
import { expectId } from '../graphql/global-id.js';
import { TerritoryNode } from '../territory/territory.types.js';
import { ownViewer } from './own-viewer.js';
import { ApiTokenNode, AuthPayload, ChangePasswordInput, CreateApiTokenPayload, LogInInput, SignUpInput, UserNode } from './auth.types.js';
import { signedIn } from './signed-in.js';

@Resolver(() => UserNode)
export class AuthResolver {
  @Query(() => UserNode, { nullable: true, description: 'Who you are; null when not signed in.' })
  viewer(@Ctx() ctx: AuthResolverContext): UserNode | null {
    return ctx.principal ? UserNode.from(ctx.principal.user) : null;
  }

  @Mutation(() => AuthPayload, { description: 'Creates an account and signs in. Rate-limited per address.' })
  async signUp(@Arg('input', () => SignUpInput) input: SignUpInput, @Ctx() ctx: AuthResolverContext): Promise<AuthPayload> {
    return signedIn(await ctx.services.auth.signUp(input, ctx.http?.clientAddress ?? 'websocket'), ctx);
  }

  @Mutation(() => AuthPayload, { description: 'Signs in (sets an HttpOnly session cookie). Rate-limited.' })
  async logIn(@Arg('input', () => LogInInput) input: LogInInput, @Ctx() ctx: AuthResolverContext): Promise<AuthPayload> {
    return signedIn(await ctx.services.auth.logIn(input, ctx.http?.clientAddress ?? 'websocket'), ctx);
  }

  @Mutation(() => Boolean, { description: 'Ends the browser session.' })
  async logOut(@Ctx() ctx: AuthResolverContext): Promise<boolean> {
    await ctx.services.auth.logOut(ctx.http?.sessionToken);
    ctx.http?.clearSessionCookie();
    return true;
  }

  @Mutation(() => Boolean, {
    description: 'Changes your password (from a signed-in session; throttled like logIn). Your other sessions end and their open sockets close; this session and your API tokens stay.',
  })
  async changePassword(@Arg('input', () => ChangePasswordInput) input: ChangePasswordInput, @Ctx() ctx: AuthResolverContext): Promise<boolean> {
    await ctx.services.auth.changePassword(ctx.principal, { current: input.current, new: input.new }, ctx.http?.clientAddress ?? 'websocket');
    return true;
  }

  @Mutation(() => CreateApiTokenPayload, { description: 'Creates an API token acting as you. The secret is returned once.' })
  async createApiToken(@Arg('name', () => String) name: string, @Ctx() ctx: AuthResolverContext): Promise<CreateApiTokenPayload> {
    const { token, apiToken } = await ctx.services.auth.createApiToken(ctx.viewer, name);
    return { token, apiToken: ApiTokenNode.from(apiToken) };
  }

  @Mutation(() => ApiTokenNode, { description: 'Revokes one of your API tokens, at once and for good.' })
  async revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: AuthResolverContext): Promise<ApiTokenNode> {
    return ApiTokenNode.from(await ctx.services.auth.revokeApiToken(ctx.viewer, expectId(id, 'ApiToken')));
  }

  @FieldResolver(() => [TerritoryNode], { description: 'Territories you facilitate, nested ones included.' })
  async facilitatedTerritories(@Root() user: UserNode, @Ctx() ctx: AuthResolverContext): Promise<TerritoryNode[]> {
    const viewer = ownViewer(user, ctx.viewer);
    const all = await ctx.loaders.territories.loadMany([...viewer.facilitatedTerritoryIds]);
    return all.flatMap((t) => (t && !(t instanceof Error) ? [TerritoryNode.from(t)] : []));
  }

  @FieldResolver(() => [ApiTokenNode], { description: 'Your API tokens, newest first (secrets are never shown again).' })
  async apiTokens(@Root() user: UserNode, @Ctx() ctx: AuthResolverContext): Promise<ApiTokenNode[]> {
    ownViewer(user, ctx.viewer);
    return (await ctx.services.auth.apiTokens(ctx.viewer)).map(ApiTokenNode.from);
  }
}
