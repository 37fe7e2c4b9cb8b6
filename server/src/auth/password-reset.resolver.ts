import { Arg, Ctx, Field, InputType, Mutation, Resolver } from 'type-graphql';
import type { HttpSession, ViewerContext } from './auth.context.js';
import { AuthPayload } from './auth.types.js';
import type { PasswordResetService } from './password-reset.service.js';
import { signedIn } from './signed-in.js';

@InputType('ResetPasswordInput')
export class ResetPasswordInput {
  @Field(() => String, { description: 'The secret at the end of the link sent by e-mail.' })
  token!: string;

  @Field(() => String, { description: 'The new password (at least 10 characters).' })
  password!: string;
}

type ResetContext = ViewerContext & { services: { passwordResets: PasswordResetService }; http?: HttpSession };

@Resolver()
export class PasswordResetResolver {
  @Mutation(() => Boolean, {
    description:
      'Sends a single-use link (valid an hour) to set a new password, to this address if it has an account. Always true: the answer does not tell which addresses have accounts. Rate-limited like signUp.',
  })
  async requestPasswordReset(@Arg('email', () => String) email: string, @Ctx() ctx: ResetContext): Promise<boolean> {
    await ctx.services.passwordResets.request(email, ctx.http?.clientAddress ?? 'websocket');
    return true;
  }

  @Mutation(() => AuthPayload, {
    description: 'Sets a new password with the link sent by e-mail, once; every other session ends (their open sockets close) and you are signed in. NOT_FOUND for an unknown, used or expired link.',
  })
  async resetPassword(@Arg('input', () => ResetPasswordInput) input: ResetPasswordInput, @Ctx() ctx: ResetContext): Promise<AuthPayload> {
    return signedIn(await ctx.services.passwordResets.reset(input), ctx);
  }
}
