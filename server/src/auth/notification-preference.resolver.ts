import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { ViewerContext } from './auth.context.js';
import { UserNode } from './auth.types.js';
import type { NotificationPreferenceService } from './notification-preference.js';
import { ownViewer } from './own-viewer.js';

export type NotificationPreferenceContext = ViewerContext & { services: { notificationPreference: NotificationPreferenceService } };

@Resolver(() => UserNode)
export class NotificationPreferenceResolver {
  @FieldResolver(() => Boolean, { description: 'You muted the notifications of new synergies (kept on your account, in every browser).' })
  async notificationsMuted(@Root() user: UserNode, @Ctx() ctx: NotificationPreferenceContext): Promise<boolean> {
    return ctx.services.notificationPreference.muted(ownViewer(user, ctx.viewer));
  }

  @Mutation(() => Boolean, { description: 'Mutes (true) or turns back on (false) your notifications of new synergies; answers the new setting.' })
  async setNotificationsMuted(@Arg('muted', () => Boolean) muted: boolean, @Ctx() ctx: NotificationPreferenceContext): Promise<boolean> {
    return ctx.services.notificationPreference.setMuted(ctx.viewer, muted);
  }
}
