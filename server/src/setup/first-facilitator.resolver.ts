import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { HttpSession, ViewerContext } from '../auth/auth.context.js';
import { AuthPayload } from '../auth/auth.types.js';
import { signedIn } from '../auth/signed-in.js';
import type { FirstFacilitatorService } from './first-facilitator.service.js';
import { CreateFirstFacilitatorInput, FirstFacilitatorSetupNode } from './first-facilitator.types.js';

export type FirstFacilitatorContext = ViewerContext & { services: { firstFacilitator: FirstFacilitatorService }; http?: HttpSession };

@Resolver()
export class FirstFacilitatorResolver {
  @Query(() => FirstFacilitatorSetupNode, {
    description: 'Whether a setup link (printed in the log of a fresh instance) still works. NOT_FOUND when unknown, used, expired, or once any facilitator exists.',
  })
  async firstFacilitatorSetup(@Arg('token', () => String) token: string, @Ctx() ctx: FirstFacilitatorContext): Promise<FirstFacilitatorSetupNode> {
    return ctx.services.firstFacilitator.preview(token);
  }

  @Mutation(() => AuthPayload, {
    description:
      "Uses a fresh instance's setup link, once: creates the first facilitator's account, their territory and facilitating organisation, and signs in. NOT_FOUND for an unknown, used or expired link, or once any facilitator exists. Rate-limited like signUp.",
  })
  async createFirstFacilitator(
    @Arg('input', () => CreateFirstFacilitatorInput) input: CreateFirstFacilitatorInput,
    @Ctx() ctx: FirstFacilitatorContext,
  ): Promise<AuthPayload> {
    return signedIn(await ctx.services.firstFacilitator.create(input, ctx.http?.clientAddress ?? 'websocket'), ctx);
  }
}
