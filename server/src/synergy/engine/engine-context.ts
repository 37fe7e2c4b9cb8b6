import type { CompiledKnowledgeBase } from './compiled-knowledge-base.js';
import type { EngineOptions } from './engine.options.js';
import type { PreparedFlow } from './prepared-flow.js';

/** What every part of one detector shares: the compiled knowledge base, the options and the flows by slot. */
export interface EngineContext {
  kb: CompiledKnowledgeBase;
  options: EngineOptions;
  /** Indexed by slot; a hole where a flow was removed. */
  flows: (PreparedFlow | undefined)[];
}
