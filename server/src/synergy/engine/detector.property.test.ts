import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURE_KB, at, flow } from './engine.fixture.js';
import type { DetectedSynergy, EngineFlow } from './engine.types.js';
import { SynergyDetector, detectSynergies } from './detector.js';
import type { EngineOptions } from './engine.options.js';

/**
 * Incremental detection must never drift: after any sequence of declarations, changes and removals, the detector
 * holds exactly what a fresh detection of the final flows finds, and the deltas it returned add up to it.
 */

type Template = (id: string, org: string) => Partial<EngineFlow> & Pick<EngineFlow, 'direction'>;
const TEMPLATES: Template[] = [
  () => ({ direction: 'OUTPUT', label: 'Laitier', ewcCode: '10 02 02', physicalForm: 'SOLID' }),
  () => ({ direction: 'INPUT', category: 'MATERIAL', label: 'Granulats', needCode: 'slag-aggregate' }),
  () => ({ direction: 'OUTPUT', category: 'ENERGY', label: 'Chaleur fatale', unit: 'MEGAWATT_HOUR' }),
  () => ({ direction: 'INPUT', category: 'ENERGY', label: 'Chauffage serre', needCode: 'greenhouse-heat', unit: 'MEGAWATT_HOUR' }),
  () => ({ direction: 'OUTPUT', label: 'Cartons', ewcCode: '15 01 01' }),
  () => ({ direction: 'OUTPUT', label: 'cartons bruns' }),
  () => ({ direction: 'INPUT', category: 'MATERIAL', label: 'Cartons à recycler', needCode: 'recovered-cardboard' }),
  () => ({ direction: 'OUTPUT', label: 'Solvants', ewcCode: '14 06 03', hazardous: true }),
  () => ({ direction: 'INPUT', category: 'MATERIAL', label: 'Solvant', needCode: 'solvent' }),
  () => ({ direction: 'OUTPUT', label: 'Palettes', ewcCode: '15 01 03' }),
  () => ({ direction: 'INPUT', category: 'MATERIAL', label: 'Palettes', needCode: 'wood-pallets', unit: 'UNIT' }),
  () => ({ direction: 'INPUT', category: 'ENERGY', label: 'Électricité', needCode: 'electricity-supply', unit: 'KILOWATT_HOUR' }),
];

const flowArb = (ids: string[], templates = TEMPLATES.map((_, k) => k)): fc.Arbitrary<EngineFlow> =>
  fc
    .record({
      id: fc.constantFrom(...ids),
      org: fc.constantFrom('o0', 'o1', 'o2', 'o3', 'o4'),
      template: fc.constantFrom(...templates),
      east: fc.integer({ min: -40, max: 40 }),
      north: fc.integer({ min: -40, max: 40 }),
      quantity: fc.option(fc.integer({ min: 1, max: 5_000 }), { nil: null }),
      temperature: fc.option(fc.constantFrom(45, 65, 70, 80, 95), { nil: null }),
      months: fc.option(fc.subarray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { minLength: 1 }), { nil: null }),
      destination: fc.constantFrom(null, 'LANDFILL', 'RECYCLING', 'ENERGY_RECOVERY'),
      cost: fc.option(fc.integer({ min: 100, max: 50_000 }), { nil: null }),
      insertion: fc.boolean(),
    })
    .map((r) =>
      flow({
        id: r.id,
        organizationId: r.org,
        yearlyQuantity: r.quantity,
        temperatureC: r.temperature,
        availableMonths: r.months,
        currentDestination: r.destination as EngineFlow['currentDestination'],
        yearlyCostEur: r.cost,
        insertion: r.insertion,
        // Quarter-km steps: ties in distance (and so in score) happen, and must be broken the same way.
        ...at(r.east / 4, r.north / 4),
        ...TEMPLATES[r.template](r.id, r.org),
      }),
    );

/**
 * Flows that stay where their id puts them (a few hundred metres apart): redeclared, their quantity, months,
 * destination or stream change but never their place — the changes a pool takes in place, without exploring.
 */
const inPlaceArb = (ids: string[], templates?: number[]): fc.Arbitrary<EngineFlow> =>
  flowArb(ids, templates).map((f) => {
    const k = ids.indexOf(f.id);
    return { ...f, ...at(((k * 7) % 9) / 4 - 1, ((k * 5) % 7) / 4 - 0.75) };
  });

/**
 * Flows along a line 64 km long, a few km apart, reach of the cardboard pool 15 km: clusters that span several
 * grouping cells, that a flow leaving or arriving splits or joins.
 */
const chainArb = (ids: string[], templates?: number[]): fc.Arbitrary<EngineFlow> =>
  fc.tuple(flowArb(ids, templates), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 2 })).map(([f, east, north]) => ({ ...f, ...at(east * 4, north * 3) }));

type Op = { upsert: EngineFlow } | { remove: string };

/**
 * `chunk` > 1: the ops go `chunk` at a time through `applyChanges` (a burst), each delta covering its chunk.
 * `prepared`: what the load leaves to the first update is built right after it, as the detection thread does.
 */
function check(initial: EngineFlow[], ops: Op[], options: Partial<EngineOptions>, chunk = 1, prepared = false): void {
  const detector = new SynergyDetector(FIXTURE_KB, options);
  const state = new Map<string, EngineFlow>();
  for (const f of initial) state.set(f.id, f);
  const replica = new Map<string, DetectedSynergy>(detector.load(initial).map((s) => [s.key, s]));
  if (prepared) detector.prepareForUpdates();
  for (let start = 0; start < ops.length; start += chunk) {
    const burst = ops.slice(start, start + chunk);
    const delta =
      chunk === 1
        ? 'upsert' in burst[0] ? detector.upsertFlow(burst[0].upsert) : detector.removeFlow(burst[0].remove)
        : detector.applyChanges(burst.map((op) => ('upsert' in op ? { flowId: op.upsert.id, flow: op.upsert } : { flowId: op.remove, flow: null })));
    for (const op of burst) {
      if ('upsert' in op) state.set(op.upsert.id, op.upsert);
      else state.delete(op.remove);
    }
    for (const key of delta.removed) expect(replica.delete(key)).toBe(true);
    for (const s of delta.changed) {
      expect(replica.has(s.key)).toBe(true);
      replica.set(s.key, s);
    }
    for (const s of delta.added) {
      expect(replica.has(s.key)).toBe(false);
      replica.set(s.key, s);
    }
  }
  const fresh = detectSynergies([...state.values()], FIXTURE_KB, options);
  const all = detector.all();
  expect(all.map((s) => [s.key, s.score])).toEqual(fresh.map((s) => [s.key, s.score]));
  expect(all).toEqual(fresh);
  expect([...replica.values()].sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual([...fresh].sort((a, b) => (a.key < b.key ? -1 : 1)));
}

describe('SynergyDetector, incremental', () => {
  const ids = Array.from({ length: 14 }, (_, k) => `f${String(k).padStart(2, '0')}`);
  const opArb: fc.Arbitrary<Op> = fc.oneof(
    { weight: 3, arbitrary: flowArb(ids).map((f) => ({ upsert: f })) },
    { weight: 1, arbitrary: fc.constantFrom(...ids).map((id) => ({ remove: id })) },
  );

  it('after any sequence of upserts and removals equals a fresh detection (default options)', () => {
    fc.assert(
      fc.property(fc.array(flowArb(ids), { maxLength: 14 }), fc.array(opArb, { maxLength: 25 }), (initial, ops) =>
        check(initial, ops, {}),
      ),
      { numRuns: 300 },
    );
  });

  it('also with the updates prepared right after the load, as the detection thread does', () => {
    fc.assert(
      fc.property(fc.array(flowArb(ids), { maxLength: 14 }), fc.array(opArb, { maxLength: 25 }), fc.integer({ min: 1, max: 4 }), (initial, ops, chunk) =>
        check(initial, ops, {}, chunk, true),
      ),
      { numRuns: 200 },
    );
  });

  it('also when caps bite: two counterparts per flow, groups of three', () => {
    fc.assert(
      fc.property(fc.array(flowArb(ids), { maxLength: 14 }), fc.array(opArb, { maxLength: 25 }), (initial, ops) =>
        check(initial, ops, { maxCounterpartsPerFlow: 2, maxGroupSize: 3 }),
      ),
      { numRuns: 300 },
    );
  });

  it('also in a crowded market: one stream, one counterpart per flow', () => {
    const cardboard = [4, 5, 6];
    const crowdedOp: fc.Arbitrary<Op> = fc.oneof(
      { weight: 3, arbitrary: flowArb(ids, cardboard).map((f) => ({ upsert: f })) },
      { weight: 1, arbitrary: fc.constantFrom(...ids).map((id) => ({ remove: id })) },
    );
    fc.assert(
      fc.property(fc.array(flowArb(ids, cardboard), { maxLength: 14 }), fc.array(crowdedOp, { maxLength: 25 }), (initial, ops) =>
        check(initial, ops, { maxCounterpartsPerFlow: 1, maxGroupSize: 2 }),
      ),
      { numRuns: 300 },
    );
  });

  it('also under MUTUAL (the rule before COVERING), and under COVERING with a floor of one and lists of three', () => {
    const cardboard = [4, 5, 6];
    const crowdedOp: fc.Arbitrary<Op> = fc.oneof(
      { weight: 3, arbitrary: flowArb(ids, cardboard).map((f) => ({ upsert: f })) },
      { weight: 1, arbitrary: fc.constantFrom(...ids).map((id) => ({ remove: id })) },
    );
    fc.assert(
      fc.property(fc.array(flowArb(ids), { maxLength: 14 }), fc.array(opArb, { maxLength: 25 }), (initial, ops) =>
        check(initial, ops, { counterpartRule: 'MUTUAL', maxCounterpartsPerFlow: 2 }),
      ),
      { numRuns: 200 },
    );
    // Lists grow and shrink with the quantities of what they hold.
    fc.assert(
      fc.property(fc.array(flowArb(ids, cardboard), { maxLength: 14 }), fc.array(crowdedOp, { maxLength: 25 }), (initial, ops) =>
        check(initial, ops, { counterpartRule: 'COVERING', maxCounterpartsPerFlow: 1, maxCounterpartsToCover: 3, maxGroupSize: 2 }),
      ),
      { numRuns: 300 },
    );
  });

  it('bursts (applyChanges) add up the same: one delta per burst, each synergy once in its final state', () => {
    fc.assert(
      fc.property(fc.array(flowArb(ids), { maxLength: 14 }), fc.array(opArb, { maxLength: 25 }), fc.integer({ min: 2, max: 8 }), (initial, ops, chunk) =>
        check(initial, ops, { maxGroupSize: 3 }, chunk),
      ),
      { numRuns: 300 },
    );
    // A crowded stream in groups of two: large clusters, grouped by grid cells, regrouped at the end of each burst.
    const cardboard = [4, 5, 6];
    const crowdedOp: fc.Arbitrary<Op> = fc.oneof(
      { weight: 3, arbitrary: flowArb(ids, cardboard).map((f) => ({ upsert: f })) },
      { weight: 1, arbitrary: fc.constantFrom(...ids).map((id) => ({ remove: id })) },
    );
    fc.assert(
      fc.property(fc.array(flowArb(ids, cardboard), { maxLength: 14 }), fc.array(crowdedOp, { maxLength: 25 }), fc.integer({ min: 2, max: 8 }), (initial, ops, chunk) =>
        check(initial, ops, { maxCounterpartsPerFlow: 1, maxGroupSize: 2 }, chunk),
      ),
      { numRuns: 300 },
    );
  });

  it('also when flows change in place (quantities, months, streams) among flows that move: pools regrouped without exploring', () => {
    const cardboard = [4, 5, 6];
    const opsOf = (templates?: number[]): fc.Arbitrary<Op> =>
      fc.oneof(
        { weight: 4, arbitrary: inPlaceArb(ids, templates).map((f) => ({ upsert: f })) },
        { weight: 2, arbitrary: flowArb(ids, templates).map((f) => ({ upsert: f })) },
        { weight: 1, arbitrary: fc.constantFrom(...ids).map((id) => ({ remove: id })) },
      );
    for (const [templates, options] of [
      [undefined, { maxGroupSize: 3 }],
      [cardboard, { maxCounterpartsPerFlow: 1, maxGroupSize: 2 }],
      [cardboard, {}],
    ] as const) {
      const initial = fc.array(fc.oneof(inPlaceArb(ids, templates && [...templates]), flowArb(ids, templates && [...templates])), { maxLength: 14 });
      const ops = fc.array(opsOf(templates && [...templates]), { maxLength: 25 });
      fc.assert(fc.property(initial, ops, (i, o) => check(i, o, options)), { numRuns: 200 });
      fc.assert(fc.property(initial, ops, fc.integer({ min: 2, max: 8 }), (i, o, chunk) => check(i, o, options, chunk)), { numRuns: 100 });
    }
  });

  it('also along a line of crowded places: clusters split and joined across grouping cells', () => {
    const cardboard = [4, 5, 6];
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 4, arbitrary: chainArb(ids, cardboard).map((f) => ({ upsert: f })) },
      { weight: 1, arbitrary: fc.constantFrom(...ids).map((id) => ({ remove: id })) },
    );
    for (const options of [{ maxGroupSize: 2 }, { maxGroupSize: 3 }, { maxGroupSize: 4, maxCounterpartsPerFlow: 1 }]) {
      fc.assert(fc.property(fc.array(chainArb(ids, cardboard), { maxLength: 14 }), fc.array(op, { maxLength: 25 }), (i, o) => check(i, o, options)), { numRuns: 200 });
    }
  });

  it('reports nothing when a flow is upserted unchanged, and ignores unknown ids', () => {
    const flows = [
      flow({ id: 'a', organizationId: 'o1', direction: 'OUTPUT', label: 'Cartons', ewcCode: '15 01 01', yearlyQuantity: 30 }),
      flow({ id: 'b', organizationId: 'o2', direction: 'OUTPUT', label: 'Cartons', ewcCode: '15 01 01', yearlyQuantity: 30, ...at(2, 0) }),
      flow({ id: 'c', organizationId: 'o3', direction: 'INPUT', category: 'MATERIAL', label: 'Cartons', needCode: 'recovered-cardboard', yearlyQuantity: 300, ...at(5, 0) }),
    ];
    const detector = new SynergyDetector(FIXTURE_KB);
    expect(detector.load(flows)).toHaveLength(3);
    expect(detector.upsertFlow(flows[1])).toEqual({ added: [], changed: [], removed: [] });
    expect(detector.removeFlow('nope')).toEqual({ added: [], changed: [], removed: [] });
    const delta = detector.upsertFlow({ ...flows[1], yearlyQuantity: 60 });
    expect(delta.added).toEqual([]);
    expect(delta.changed.map((s) => s.key).sort()).toEqual([
      'MUTUALISATION:pool-cardboard-collection:a,b',
      'SUBSTITUTION:cardboard-to-paper-mill:b,c',
    ]);
    expect(detector.removeFlow('c').removed).toEqual(['SUBSTITUTION:cardboard-to-paper-mill:a,c', 'SUBSTITUTION:cardboard-to-paper-mill:b,c']);
  });
});
