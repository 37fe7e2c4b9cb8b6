import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../errors/domain-errors.js';
import { loadTerritoryTree } from './territory-tree.js';
import { Territory } from './territory.entity.js';

/** Territories are few (tens) and public within the network: they are read whole. */
export class TerritoryService {
  constructor(private readonly em: EntityManager) {}

  all(): Promise<Territory[]> {
    return this.em.find(Territory, {}, { orderBy: { name: 'asc' } });
  }

  async get(id: string): Promise<Territory> {
    const territory = await this.em.findOne(Territory, { id });
    if (!territory) throw notFound('Territory');
    return territory;
  }

  /** The territory and every territory nested in it. */
  async withDescendants(id: string): Promise<string[]> {
    return (await loadTerritoryTree(this.em)).descendantsOf(id);
  }
}
