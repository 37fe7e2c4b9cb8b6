import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURE_KB, at, flow } from './engine.fixture.js';
import type { EngineFlow } from './engine.types.js';
import { SynergyDetector, detectSynergies } from './detector.js';

/**
 * A full detection's search skips blocks of crowded cells (member-blocks.ts); updates never do (the blocks end with
 * the load). Over a crowded territory — 150 flows or more within a few km, cells of dozens of records — the two
 * must find the same synergies: a block skipped that held a pair able to rank would show here.
 */
type Template = Partial<EngineFlow> & Pick<EngineFlow, 'direction'>;
const MATERIALS: Template[] = [
  { direction: 'OUTPUT', label: 'Cartons', ewcCode: '15 01 01' },
  { direction: 'INPUT', category: 'MATERIAL', label: 'Cartons à recycler', needCode: 'recovered-cardboard' },
  { direction: 'OUTPUT', label: 'Palettes', ewcCode: '15 01 03' },
  { direction: 'INPUT', category: 'MATERIAL', label: 'Palettes', needCode: 'wood-pallets', unit: 'UNIT' },
  { direction: 'OUTPUT', label: 'Laitier', ewcCode: '10 02 02', physicalForm: 'SOLID' },
  { direction: 'INPUT', category: 'MATERIAL', label: 'Granulats', needCode: 'slag-aggregate' },
];
/** Heat, of 5 km reach: over 10 km, blocks on both sides of an output's reach. */
const HEAT: Template[] = [
  { direction: 'OUTPUT', category: 'ENERGY', label: 'Chaleur fatale', unit: 'MEGAWATT_HOUR' },
  { direction: 'INPUT', category: 'ENERGY', label: 'Chauffage serre', needCode: 'greenhouse-heat', unit: 'MEGAWATT_HOUR' },
];

const territoryArb = (templates: Template[], spanKm: number): fc.Arbitrary<EngineFlow[]> =>
  fc
    .array(
      fc.record({
        org: fc.integer({ min: 0, max: 30 }),
        template: fc.integer({ min: 0, max: templates.length - 1 }),
        east: fc.integer({ min: -400, max: 400 }),
        north: fc.integer({ min: -400, max: 400 }),
        quantity: fc.option(fc.integer({ min: 1, max: 5_000 }), { nil: null }),
        months: fc.option(fc.subarray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { minLength: 1 }), { nil: null }),
      }),
      { minLength: 150, maxLength: 260 },
    )
    .map((rows) =>
      rows.map((r, k) =>
        flow({
          id: `f${String(k).padStart(3, '0')}`,
          organizationId: `o${r.org}`,
          yearlyQuantity: r.quantity,
          availableMonths: r.months,
          ...at((r.east * spanKm) / 400, (r.north * spanKm) / 400),
          ...templates[r.template],
        }),
      ),
    );

describe('crowded cells in blocks', () => {
  it.each([
    ['materials within 10 km', MATERIALS, 10],
    ['heat within 5 km', HEAT, 5],
  ] as const)('a full detection finds what flow-by-flow updates find (%s)', (_, templates, spanKm) => {
    fc.assert(
      fc.property(territoryArb([...templates], spanKm), (flows) => {
        const updated = new SynergyDetector(FIXTURE_KB);
        updated.load([]);
        for (const f of flows) updated.upsertFlow(f);
        const fresh = detectSynergies(flows, FIXTURE_KB);
        expect(fresh.length).toBeGreaterThan(0);
        expect(updated.all()).toEqual(fresh);
      }),
      // A failure on a territory this large takes minutes to shrink: reported as found.
      { numRuns: 25, endOnFailure: true },
    );
  });
});
