import type { EntityManager } from '@mikro-orm/postgresql';
import type { AppPubSub } from '../../pubsub/pubsub.js';
import type { Synergy } from '../model/synergy.entity.js';
import { loadSynergyRecords } from '../model/synergy.record.js';

/** Records read per query: a first detection suggests thousands, read at once they would hold the event loop. */
const ANNOUNCE_BATCH = 250;

/** Tells the parties' subscribers; the event carries ids only, each subscriber's view is built for them. */
export async function announceSuggestions(em: EntityManager, pubSub: AppPubSub['pubSub'], synergies: Synergy[]): Promise<void> {
  for (let start = 0; start < synergies.length; start += ANNOUNCE_BATCH) {
    const ids = synergies.slice(start, start + ANNOUNCE_BATCH).map((s) => s.id);
    for (const record of await loadSynergyRecords(em.fork(), ids)) {
      pubSub.publish('SYNERGY_SUGGESTED', {
        synergyId: record.synergy.id,
        organizationIds: [...new Set(record.participants.map((p) => p.organization.id))],
      });
    }
  }
}
