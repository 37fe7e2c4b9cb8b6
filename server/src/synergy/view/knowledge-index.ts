import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';

type Pathway = KnowledgeBase['pathways'][number];
type Source = KnowledgeBase['sources'][number];
type EmissionFactor = KnowledgeBase['emissionFactors'][number];

/** The knowledge base's entries by id: what every view of every request looks up, indexed once per knowledge base. */
export interface KnowledgeIndex {
  pathways: Map<string, Pathway>;
  sources: Map<string, Source>;
  emissionFactors: Map<string, EmissionFactor>;
}

const indexes = new WeakMap<KnowledgeBase, KnowledgeIndex>();

/** The index of `kb`, built on first use (the server builds it at start-up) and kept as long as the knowledge base. */
export function knowledgeIndex(kb: KnowledgeBase): KnowledgeIndex {
  let index = indexes.get(kb);
  if (!index) {
    // The first entry of an id wins, as Array.find did.
    const byId = <T extends { id: string }>(items: readonly T[]) => {
      const map = new Map<string, T>();
      for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
      return map;
    };
    index = { pathways: byId(kb.pathways), sources: byId(kb.sources), emissionFactors: byId(kb.emissionFactors) };
    indexes.set(kb, index);
  }
  return index;
}
