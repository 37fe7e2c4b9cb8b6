import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { detectSynergies } from './detector.js';
import type { EngineFlow } from './engine.types.js';
import { at, flow } from './engine.fixture.js';

/**
 * The knowledge base's documented routes as tests read them (documented-routes*.test.ts): a source `km` east of a
 * need at the origin, both in tonnes unless told otherwise, and the pathways the engine proposes between them.
 */
const KB = loadKnowledgeBase();

/** An output of `org`, `km` east of the origin (2 by default). */
export function out(id: string, org: string, category: EngineFlow['category'], label: string, extra: Partial<EngineFlow> = {}, km = 2): EngineFlow {
  return flow({ id, organizationId: org, direction: 'OUTPUT', category, label, unit: 'TONNE', ...at(km, 0), ...extra });
}

/** An input of `org`, at the origin. */
export function need(id: string, org: string, category: EngineFlow['category'], label: string, extra: Partial<EngineFlow> = {}): EngineFlow {
  return flow({ id, organizationId: org, direction: 'INPUT', category, label, unit: 'TONNE', ...at(0, 0), ...extra });
}

/** Every synergy the engine finds among `flows`, with the knowledge base of the repository. */
export function synergiesOf(flows: EngineFlow[]): ReturnType<typeof detectSynergies> {
  return detectSynergies(flows, KB);
}

/** The pathways proposing `output` for `input`. */
export function routes(flows: EngineFlow[], output: string, input: string): string[] {
  return synergiesOf(flows)
    .filter((s) => s.kind === 'SUBSTITUTION' && s.flowIds[0] === output && s.flowIds[1] === input)
    .map((s) => s.pathwayId);
}
