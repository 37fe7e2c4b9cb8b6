import type { EntityManager } from '@mikro-orm/postgresql';
import { ANY_UUID, sqlList } from '../../db/sql.js';
import type { AppPubSub } from '../../pubsub/pubsub.js';
import type { Synergy } from '../model/synergy.entity.js';

/**
 * Synergies announced per query. A first detection suggests thousands: the event needs only ids, read in plain rows
 * and in slices, where loading whole records at once held the event loop for seconds.
 */
const ANNOUNCE_BATCH = 500;

/** Tells the parties' subscribers; the event carries ids only, each subscriber's view is built for them. */
export async function announceSuggestions(em: EntityManager, pubSub: AppPubSub['pubSub'], synergies: Synergy[]): Promise<void> {
  for (let start = 0; start < synergies.length; start += ANNOUNCE_BATCH) {
    const ids = synergies.slice(start, start + ANNOUNCE_BATCH).map((s) => s.id);
    const rows: { synergy_id: string; organization_ids: string[] }[] = await em.execute(
      `select synergy_id, array_agg(distinct organization_id) as organization_ids from synergy_participant
       where synergy_id = ${ANY_UUID} group by synergy_id order by min(synergy_id::text)`,
      [sqlList(ids)],
    );
    const byId = new Map(rows.map((r) => [r.synergy_id, r.organization_ids]));
    for (const id of ids) {
      const organizationIds = byId.get(id);
      if (organizationIds) pubSub.publish('SYNERGY_SUGGESTED', { synergyId: id, organizationIds });
    }
  }
}
