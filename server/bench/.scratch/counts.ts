import { loadKnowledgeBase } from '../../src/synergy/knowledge/knowledge-base.js';
import { SynergyDetector } from '../../src/synergy/engine/detector.js';
import { Prng } from '../prng.js';
import { TerritoryGenerator } from '../synergy/territory-generator.js';
const kb = loadKnowledgeBase();
const size = Number(process.argv[2] ?? 10000);
const flows = new TerritoryGenerator(kb, new Prng(20261128 + size)).territory(size);
for (const k of [3, 5]) {
  const times = []; let s: any[] = [];
  for (let r = 0; r < 3; r++) { const t0 = performance.now(); s = new SynergyDetector(kb, { maxCounterpartsPerFlow: k }).load(flows); times.push(performance.now() - t0); }
  const covered = new Set(s.flatMap((x) => x.flowIds)).size;
  console.log('K', k, s.length, 'subst', s.filter((x) => x.kind === 'SUBSTITUTION').length, 'covered', covered, times.map((t) => t.toFixed(0)).join(' '));
}
