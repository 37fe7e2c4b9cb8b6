import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppPubSub } from '../../pubsub/pubsub.js';
import type { Synergy } from '../model/synergy.entity.js';
import { loadSynergyRecords } from '../model/synergy.record.js';

/** Tells the parties' subscribers; the event carries ids only, each subscriber's view is built for them. */
export async function announceSuggestions(em: EntityManager, pubSub: AppPubSub['pubSub'], synergies: Synergy[]): Promise<void> {
  if (synergies.length === 0) return;
  for (const record of await loadSynergyRecords(em, synergies.map((s) => s.id))) {
    pubSub.publish('SYNERGY_SUGGESTED', {
      synergyId: record.synergy.id,
      organizationIds: [...new Set(record.participants.map((p) => p.organization.id))],
    });
  }
}
