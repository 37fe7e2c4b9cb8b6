import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FIXTURE_KB } from '../../src/synergy/engine/engine.fixture.js';
import type { KnowledgeBase } from '../../src/synergy/knowledge/knowledge-base.types.js';

/** The real knowledge base when it is there (server/data/synergy), else the engine tests' fixture. */
export async function benchKnowledgeBase(): Promise<{ kb: KnowledgeBase; name: string }> {
  const loader = new URL('../../src/synergy/knowledge/knowledge-base.ts', import.meta.url);
  const data = new URL('../../data/synergy/knowledge-base.json', import.meta.url);
  if (existsSync(fileURLToPath(loader)) && existsSync(fileURLToPath(data))) {
    const module = (await import(loader.href)) as { loadKnowledgeBase: () => KnowledgeBase };
    const kb = module.loadKnowledgeBase();
    return { kb, name: `real knowledge base v${kb.version} (${kb.pathways.length} pathways)` };
  }
  return { kb: FIXTURE_KB, name: `FIXTURE knowledge base (${FIXTURE_KB.pathways.length} pathways): the real one is not there yet` };
}
