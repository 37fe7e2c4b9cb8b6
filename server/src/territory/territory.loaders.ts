import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Territory } from './territory.entity.js';

/** Per-request batching of territory lookups. */
export function createTerritoryLoaders(em: EntityManager) {
  const territories = new DataLoader<string, Territory | undefined>(async (ids) => {
    // Territories are few: load them all at once and serve every later lookup from memory.
    const all = await em.find(Territory, {});
    const byId = new Map(all.map((t) => [t.id, t]));
    return ids.map((id) => byId.get(id));
  });
  return { territories };
}

export type TerritoryLoaders = ReturnType<typeof createTerritoryLoaders>;
