import type { EntityManager } from '@mikro-orm/postgresql';
import type { MaybeViewer } from '../policy/viewer.js';
import type { KnowledgeBase } from './knowledge/knowledge-base.types.js';
import { Language } from './knowledge.types.js';
import type { SynergyService } from './synergy.service.js';
import { viewSynergies } from './synergy-view.js';
import type { SynergyNode } from './synergy.types.js';

/** Synergies as one viewer may see them, for adapters that must not reach the database themselves. */
export class SynergyViews {
  constructor(
    private readonly em: EntityManager,
    private readonly knowledgeBase: KnowledgeBase,
    private readonly synergies: SynergyService,
  ) {}

  /** One synergy for the viewer; NOT_FOUND when it does not exist or does not concern them. */
  async one(viewer: MaybeViewer, id: string, language: Language = Language.FR): Promise<SynergyNode> {
    const record = await this.synergies.get(viewer, id);
    return (await viewSynergies(this.em, this.knowledgeBase, [record], viewer, language))[0];
  }
}
