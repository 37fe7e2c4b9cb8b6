import { detectSynergies } from './src/synergy/engine/detector.js';
import { loadKnowledgeBase } from './src/synergy/knowledge/knowledge-base.js';
import { loadDemoTerritory } from './src/synergy/report/demo-territory-flows.js';
const kb = loadKnowledgeBase();
const s = detectSynergies(loadDemoTerritory(kb).flows, kb);
const subs = s.filter((x) => x.kind === 'SUBSTITUTION').slice(0, 30);
const mut = s.filter((x) => x.kind === 'MUTUALISATION').slice(0, 15);
for (const x of [...subs, ...mut]) console.log(x.kind[0], x.pathwayId, x.flowIds.join(' '), x.score);
