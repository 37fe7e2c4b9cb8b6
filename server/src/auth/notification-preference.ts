import type { EntityManager } from '@mikro-orm/postgresql';
import { unauthenticated } from '../errors/domain-errors.js';
import type { MaybeViewer } from '../policy/viewer.js';
import { User } from './user.entity.js';

/** A person's own choice to mute the notifications of new synergies: read and set by that person only. */
export class NotificationPreferenceService {
  constructor(private readonly em: EntityManager) {}

  async muted(viewer: MaybeViewer): Promise<boolean> {
    if (!viewer) throw unauthenticated();
    return (await this.em.findOneOrFail(User, { id: viewer.userId }, { fields: ['notificationsMuted'] })).notificationsMuted;
  }

  async setMuted(viewer: MaybeViewer, muted: boolean): Promise<boolean> {
    if (!viewer) throw unauthenticated();
    await this.em.nativeUpdate(User, { id: viewer.userId }, { notificationsMuted: muted });
    return muted;
  }
}
