import type { NeedDefinition } from '../knowledge/knowledge-base.types.js';
import { KeywordIndex } from './keyword-index.js';
import { searchableKeyword } from './text-fold.js';

/**
 * The needs of the knowledge base as a receiver would word them: a need declared in free words, without choosing a
 * need code ("Boiler fuel (milled peat, wood fuels)"), is read as the needs whose label or keywords it uses (wood
 * fuel), so that the routes serving that need find it however each of them spells it.
 */
export class NeedVocabulary {
  private readonly index = new KeywordIndex<{ need: NeedDefinition; phrase: boolean }>();

  constructor(needs: Iterable<NeedDefinition>) {
    for (const need of needs) {
      for (const keyword of new Set([...need.keywords].map(searchableKeyword))) {
        this.index.add(keyword, { need, phrase: keyword.trim().includes(' ') });
      }
    }
  }

  /**
   * The codes of the needs a prepared label names, each once. `phrasesOnly`: those named by a phrase of several words
   * ("wood fuel", "cooling water"), surer than one word ("fuel", "bois"). Whatever the need's own category: the
   * routes serving it say which categories they take (a fuel is bought in tonnes or as MWh of energy).
   */
  needsIn(searchable: string, phrasesOnly = false): string[] {
    const named = this.namedIn(searchable);
    return phrasesOnly ? named.phrases : named.all;
  }

  /** Both lists of `needsIn` from one reading of the label: a need in free words is asked for both. */
  namedIn(searchable: string): NamedNeeds {
    const all = new Set<string>();
    const phrases = new Set<string>();
    for (const { need, phrase } of this.index.find(searchable)) {
      all.add(need.code);
      if (phrase) phrases.add(need.code);
    }
    return { all: [...all], phrases: [...phrases] };
  }
}

/** The codes of the needs a label names (see NeedVocabulary.needsIn), by any word and by phrases only. */
export interface NamedNeeds {
  all: string[];
  phrases: string[];
}
