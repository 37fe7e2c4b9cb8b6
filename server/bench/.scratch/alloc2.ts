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
new SynergyDetector(kb).load(flows);
const { profile } = await session.post('HeapProfiler.stopSampling');
const self = new Map<string, number>();
function walk(n: any, parent: string) { const me = `${n.callFrame.functionName}@${n.callFrame.url.split('/').pop()}`; if (n.selfSize) { const k = `${me} <- ${parent}`; self.set(k, (self.get(k) ?? 0) + n.selfSize); } for (const c of n.children) walk(c, me); }
walk(profile.head, '');
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log((v / 1e6).toFixed(1).padStart(8), k);
