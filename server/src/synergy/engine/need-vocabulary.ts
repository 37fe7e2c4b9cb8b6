import type { NeedDefinition } from '../knowledge/knowledge-base.types.js';
import { KeywordIndex } from './keyword-index.js';
import { searchableKeyword } from './text-fold.js';

/**
 * The needs of the knowledge base as a receiver would word them: a need declared in free words, without choosing a
 * need code ("Boiler fuel (milled peat, wood fuels)"), is read as the needs whose label or keywords it uses (wood
 * fuel), so that the routes serving that need find it however each of them spells it.
 */
export class NeedVocabulary {
  private readonly index = new KeywordIndex<NeedDefinition>();

  constructor(needs: Iterable<NeedDefinition>) {
    for (const need of needs) {
      for (const keyword of new Set([...need.keywords].map(searchableKeyword))) this.index.add(keyword, need);
    }
  }

  /** The codes of the needs a prepared label names, of the flow's category, in the knowledge base's order. */
  needsIn(searchable: string, category: string): string[] {
    const codes: string[] = [];
    for (const need of this.index.find(searchable)) if (need.category === category) codes.push(need.code);
    return codes;
  }
}
