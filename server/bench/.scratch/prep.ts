import { loadKnowledgeBase } from '../../src/synergy/knowledge/knowledge-base.js';
import { compileKnowledgeBase } from '../../src/synergy/engine/compiled-knowledge-base.js';
import { prepareFlow, OrganizationNumbers } from '../../src/synergy/engine/prepared-flow.js';
import { geoPoint } from '../../src/synergy/engine/geo.js';
import { Prng } from '../prng.js';
import { TerritoryGenerator } from '../synergy/territory-generator.js';
const kb = loadKnowledgeBase(); const ckb = compileKnowledgeBase(kb);
const flows = new TerritoryGenerator(kb, new Prng(20261128 + 100000)).territory(100000);
for (let r = 0; r < 4; r++) {
  const orgs = new OrganizationNumbers();
  let t0 = performance.now(); const p = flows.map((f, i) => prepareFlow(f, i, ckb, orgs)); console.log('prepare', (performance.now() - t0).toFixed(0), p.length);
  t0 = performance.now(); let n = 0; for (const f of flows) n += ckb.sides[f.direction].keywordsOfLabel(f.label).size; console.log(' keywords', (performance.now() - t0).toFixed(0));
  t0 = performance.now(); n = 0; for (const f of flows) n += ckb.sides[f.direction].candidates(f.ewcCode, f.needCode, ckb.sides[f.direction].keywordsOfLabel(f.label)).length; console.log(' candidates', (performance.now() - t0).toFixed(0), n / flows.length);
  t0 = performance.now(); n = 0; for (const f of flows) n += geoPoint(f.latitude, f.longitude).cosLat; console.log(' geo', (performance.now() - t0).toFixed(0));
}
