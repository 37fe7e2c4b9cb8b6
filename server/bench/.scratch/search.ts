import { loadKnowledgeBase } from '../../src/synergy/knowledge/knowledge-base.js';
import { compileKnowledgeBase } from '../../src/synergy/engine/compiled-knowledge-base.js';
import { newContext } from '../../src/synergy/engine/engine-context.js';
import { prepareFlow } from '../../src/synergy/engine/prepared-flow.js';
import { resolveOptions } from '../../src/synergy/engine/engine.options.js';
import { MemberGrid } from '../../src/synergy/engine/member-grid.js';
import { CandidateScratch, findCounterparts, type SubstitutionGrids } from '../../src/synergy/engine/substitution-search.js';
import { Prng } from '../prng.js';
import { TerritoryGenerator } from '../synergy/territory-generator.js';
const kb = loadKnowledgeBase();
const flows = new TerritoryGenerator(kb, new Prng(20261128 + 100000)).territory(100000);
const ctx = newContext(compileKnowledgeBase(kb), resolveOptions());
let t0 = performance.now();
const prep = flows.map((f, i) => prepareFlow(f, i, ctx)); ctx.flows = prep;
console.log('prepare', (performance.now() - t0).toFixed(0));
t0 = performance.now();
const grids: SubstitutionGrids = { outputs: [], inputs: [] };
for (const f of prep) for (const m of f.isOutput ? f.outputSides : f.inputSides) ((f.isOutput ? grids.outputs : grids.inputs)[m.side.pathway.index] ??= new MemberGrid(m.side.pathway.reachKm)).insert(f, m, ctx.geometry);
console.log('grids', (performance.now() - t0).toFixed(0));
const s = new CandidateScratch(); const worst = new Float64Array(prep.length).fill(-Infinity);
for (let r = 0; r < 4; r++) { t0 = performance.now(); let n = 0; for (const o of prep) { if (!o.isOutput || !o.outputSides.length) continue; findCounterparts(o, grids, ctx, s, worst); n += s.n; } console.log('search', (performance.now() - t0).toFixed(0), n); }
const cells: number[][] = [];
for (let r = 0; r < 3; r++) {
  const t0 = performance.now(); let n = 0;
  for (const o of prep) { if (!o.isOutput) continue; for (const m of o.outputSides) { const g = grids.inputs[m.side.pathway.index]; if (!g) continue; n += g.cellsNear(o.flow.latitude, o.flow.longitude, m.side.pathway.reachKm, cells); } }
  console.log('cellsNear only', (performance.now() - t0).toFixed(0), n);
}
