import type { EntityManager } from '@mikro-orm/postgresql';
import type { SynergyFacts } from '../../policy/synergy-policy.js';
import { Synergy, SynergyParticipant } from './synergy.entity.js';

/** A synergy with its participants, as services hand it to adapters. */
export interface SynergyRecord {
  synergy: Synergy;
  participants: SynergyParticipant[];
}

/** What the policy decides a synergy's access from. */
export function factsOf({ synergy, participants }: SynergyRecord): SynergyFacts {
  return {
    territoryId: synergy.territory.id,
    participants: participants.map((p) => ({ organizationId: p.organization.id, consent: p.consent })),
  };
}

/** The synergies `ids` that exist, in that order, each with its participants (two statements). */
export async function loadSynergyRecords(em: EntityManager, ids: string[]): Promise<SynergyRecord[]> {
  if (ids.length === 0) return [];
  const synergies = await em.find(Synergy, { id: { $in: ids } });
  const participants = await em.find(SynergyParticipant, { synergy: { $in: ids } }, { orderBy: { role: 'asc', id: 'asc' } });
  const byId = new Map(synergies.map((s) => [s.id, { synergy: s, participants: [] as SynergyParticipant[] }]));
  for (const p of participants) byId.get(p.synergy.id)?.participants.push(p);
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
