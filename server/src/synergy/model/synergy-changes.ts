import type { AppPubSub, SynergyChangedPayload } from '../../pubsub/pubsub.js';
import type { SynergyRecord } from './synergy.record.js';

/**
 * Tells open pages that a synergy changed (SYNERGY_CHANGED): IDs and the facts the policy filters on, never data.
 * Notes and assignments are the facilitators' business only.
 */
export function publishSynergyChange(pubSub: AppPubSub['pubSub'], { synergy, participants }: SynergyRecord, change: SynergyChangedPayload['change']): void {
  pubSub.publish('SYNERGY_CHANGED', {
    synergyId: synergy.id,
    change,
    territoryId: synergy.territory.id,
    organizationIds: [...new Set(participants.map((p) => p.organization.id))],
    facilitatorsOnly: change === 'NOTE_ADDED' || change === 'ASSIGNED',
  });
}
