import type { EntityManager } from '@mikro-orm/postgresql';
import { ANY_UUID, sqlList } from '../../db/sql.js';
import type { AppPubSub } from '../../pubsub/pubsub.js';
import type { Synergy } from '../model/synergy.entity.js';

/**
 * Synergies announced per query. A first detection suggests thousands: the event needs only ids, read in plain rows
 * and in slices, where loading whole records at once held the event loop for seconds.
 */
const ANNOUNCE_BATCH = 500;

export interface AnnounceOptions {
  /**
   * Also tell the territory's facilitators (SYNERGY_CHANGED, SUGGESTED), whose open synergies pages then refresh:
   * for the few suggestions of a flow change or of a recorded synergy. A whole detection run is told to them by its
   * progress (DETECTION_PROGRESS), not by thousands of events.
   */
  tellFacilitators?: boolean;
}

/** Tells the parties' subscribers; the event carries ids only, each subscriber's view is built for them. */
export async function announceSuggestions(
  em: EntityManager,
  pubSub: AppPubSub['pubSub'],
  synergies: Synergy[],
  { tellFacilitators = false }: AnnounceOptions = {},
): Promise<void> {
  for (let start = 0; start < synergies.length; start += ANNOUNCE_BATCH) {
    const ids = synergies.slice(start, start + ANNOUNCE_BATCH).map((s) => s.id);
    const rows: { synergy_id: string; territory_id: string; organization_ids: string[] }[] = await em.execute(
      `select p.synergy_id, min(s.territory_id::text) as territory_id, array_agg(distinct p.organization_id) as organization_ids
       from synergy_participant p join synergy s on s.id = p.synergy_id
       where p.synergy_id = ${ANY_UUID} group by p.synergy_id order by min(p.synergy_id::text)`,
      [sqlList(ids)],
    );
    const byId = new Map(rows.map((r) => [r.synergy_id, r]));
    for (const id of ids) {
      const row = byId.get(id);
      if (!row) continue;
      const organizationIds = row.organization_ids.map(String);
      pubSub.publish('SYNERGY_SUGGESTED', { synergyId: id, organizationIds });
      if (tellFacilitators) {
        pubSub.publish('SYNERGY_CHANGED', { synergyId: id, change: 'SUGGESTED', territoryId: String(row.territory_id), organizationIds, facilitatorsOnly: true });
      }
    }
  }
}
