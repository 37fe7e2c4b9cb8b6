import { Session } from 'node:inspector/promises';
import { loadKnowledgeBase } from '../../src/synergy/knowledge/knowledge-base.js';
import { SynergyDetector } from '../../src/synergy/engine/detector.js';
import { Prng } from '../prng.js';
import { TerritoryGenerator } from '../synergy/territory-generator.js';
const kb = loadKnowledgeBase();
const flows = new TerritoryGenerator(kb, new Prng(20261128 + 100000)).territory(100000);
new SynergyDetector(kb).load(flows);
const session = new Session(); session.connect();
await session.post('HeapProfiler.startSampling', { samplingInterval: 32768, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const t0 = performance.now(); new SynergyDetector(kb).load(flows); console.log('load', performance.now() - t0);
const { profile } = await session.post('HeapProfiler.stopSampling');
const self = new Map<string, number>();
function walk(n: any, path: string) { const k = `${n.callFrame.functionName} ${n.callFrame.url.split('/').pop()}`; self.set(k, (self.get(k) ?? 0) + n.selfSize); for (const c of n.children) walk(c, k); }
walk(profile.head, '');
const tot = [...self.values()].reduce((a, b) => a + b, 0); console.log('total MB', (tot / 1e6).toFixed(0));
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1e6).toFixed(1).padStart(8), k);
