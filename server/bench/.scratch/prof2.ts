import { loadKnowledgeBase } from '../../src/synergy/knowledge/knowledge-base.js';
import { SynergyDetector } from '../../src/synergy/engine/detector.js';
import { Prng } from '../prng.js';
import { TerritoryGenerator } from '../synergy/territory-generator.js';
const kb = loadKnowledgeBase();
const size = Number(process.argv[2] ?? 10000);
const flows = new TerritoryGenerator(kb, new Prng(20261128 + size)).territory(size);
const times: number[] = []; let n = 0; const gc = (globalThis as any).gc ?? (() => {});
for (let r = 0; r < Number(process.argv[3] ?? 3); r++) { gc(); const t0 = performance.now(); n = new SynergyDetector(kb, { maxCounterpartsPerFlow: Number(process.env.K ?? 3) }).load(flows).length; times.push(performance.now() - t0); }
times.sort((a, b) => a - b);
console.log(n, 'synergies; times', times.map((t) => t.toFixed(0)).join(' '), 'median', times[times.length >> 1].toFixed(0));
