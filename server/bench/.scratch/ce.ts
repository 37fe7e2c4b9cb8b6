import { FIXTURE_KB } from '../../src/synergy/engine/engine.fixture.js';
import { SynergyDetector, detectSynergies } from '../../src/synergy/engine/detector.js';
const ce = JSON.parse(process.argv[2]);
const [initial, ops] = ce;
const options = { maxCounterpartsPerFlow: 1, maxGroupSize: 2 };
const d = new SynergyDetector(FIXTURE_KB, options);
const state = new Map(); for (const f of initial) state.set(f.id, f);
console.log('load', d.load(initial).map(s => s.key));
for (const op of ops) {
  const delta = op.upsert ? d.upsertFlow(op.upsert) : d.removeFlow(op.remove);
  if (op.upsert) state.set(op.upsert.id, op.upsert); else state.delete(op.remove);
  console.log(op.upsert ? 'upsert ' + op.upsert.id : 'remove ' + op.remove, JSON.stringify({ a: delta.added.map(s => s.key), c: delta.changed.map(s => s.key), r: delta.removed }));
  console.log('  all  ', d.all().map(s => s.key)); console.log('  fresh', detectSynergies([...state.values()], FIXTURE_KB, options).map(s => s.key));
}
