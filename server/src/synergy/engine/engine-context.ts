import type { CompiledKnowledgeBase } from './compiled-knowledge-base.js';
import type { PreparedFlow } from './compiled.types.js';
import type { EngineOptions } from './engine.options.js';
import type { PlainFlows } from './declared-baseline.js';
import { Geometry } from './geo.js';
import { weightArray } from './pair-score.js';

/** What every part of one detector shares: the compiled knowledge base, the options and the flows by slot. */
export interface EngineContext {
  kb: CompiledKnowledgeBase;
  options: EngineOptions;
  /** Indexed by slot; a hole where a flow was removed. */
  flows: (PreparedFlow | undefined)[];
  organizations: OrganizationNumbers;
  /** Positions by slot (see Geometry). */
  geometry: Geometry;
  /** `options.substitutionWeights` as numbers (see pair-score.ts). */
  substitutionWeights: Float64Array;
  /** Flows as if no counterfactual were declared, made once each (declared-baseline.ts). */
  plainFlows: PlainFlows;
}

export function newContext(kb: CompiledKnowledgeBase, options: EngineOptions): EngineContext {
  return {
    kb,
    options,
    flows: [],
    organizations: new OrganizationNumbers(),
    geometry: new Geometry(),
    substitutionWeights: weightArray(options.substitutionWeights),
    plainFlows: new WeakMap(),
  };
}

/** Small integers for organisation ids, shared by a detector's flows. */
export class OrganizationNumbers {
  private readonly numbers = new Map<string, number>();

  of(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.numbers.size;
      this.numbers.set(id, n);
    }
    return n;
  }
}
