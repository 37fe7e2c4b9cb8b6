import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { compileKnowledgeBase } from './compiled-knowledge-base.js';
import { flow } from './engine.fixture.js';
import type { EngineFlow, ImpactFigure } from './engine.types.js';
import { TAKE_UP, resolveFactor, transportFactor } from './impact-factors.js';
import { substitutionImpacts } from './impacts.js';
import { BASELINE_COLLECTION_DISTANCE_KM, POOLED_TRUCK_KM_SAVING, mutualisationImpacts } from './mutualisation-impacts.js';

/**
 * A pool and the pairs of the same stream and treatment count a tonne alike (docs/impact-method.md § 5; the 1.16.5
 * review found the pallets pool at +45 t where its own pallets as pairs showed −2.4 to −5.4 t). On the real knowledge
 * base: the pool's CO2e, less the transport its round saves (a pool's own term), is the sum of what each member's
 * stream sent alone to the pool's treatment would show as a pair without transport — the same avoided terms, the
 * same process terms (heat a burnt stream gave, distillation, crushing), the same recycling yield, hence the same sign.
 */
const kb = compileKnowledgeBase(loadKnowledgeBase());
const pathway = (id: string) => kb.kb.pathways.find((p) => p.id === id)!;
// Figures are rounded (figure(), impact-factors.ts): sums compare to the hundredth of a tonne.
const co2 = (figures: ImpactFigure[]) => figures.find((f) => f.indicator === 'CO2E_AVOIDED_T')!;

interface Member {
  quantity: number;
  destination: string | null;
  /** The substitution pathway the member's stream would take as a pair. */
  pair: string;
}

function pool(id: string, members: Member[]): ImpactFigure {
  const flows = members.map((m, k) => ({ flow: flow({ id: `m${k}`, organizationId: `org${k}`, direction: 'OUTPUT', yearlyQuantity: m.quantity, currentDestination: m.destination as EngineFlow['currentDestination'] }), quantity: m.quantity }));
  const pooled = members.reduce((n, m) => n + m.quantity, 0);
  return co2(mutualisationImpacts({ pathway: pathway(id), direction: 'OUTPUT', members: flows, pooledQuantity: pooled }, kb));
}

/** The pair of one member's stream to a taker of the same quantity, without transport. */
function pairCo2(m: Member): ImpactFigure {
  const o = flow({ id: 'o', organizationId: 'seller', direction: 'OUTPUT', yearlyQuantity: m.quantity, currentDestination: m.destination as EngineFlow['currentDestination'] });
  const i = flow({ id: 'i', organizationId: 'buyer', direction: 'INPUT', yearlyQuantity: m.quantity });
  return co2(substitutionImpacts({ pathway: pathway(m.pair), output: o, input: i, matchedQuantity: m.quantity, coverage: { output: 1, input: 1 }, transport: null }, kb));
}

/** The transport a pool's round saves, t CO2e (low, central, high): none for a pool counted in units. */
function transportSaved(id: string, members: Member[]): { low: number; central: number; high: number } {
  if (pathway(id).unit !== 'TONNE') return { low: 0, central: 0, high: 0 };
  const tkm = members.reduce((n, m) => n + m.quantity, 0) * BASELINE_COLLECTION_DISTANCE_KM * POOLED_TRUCK_KM_SAVING;
  const f = transportFactor(kb).range;
  return { low: (tkm * TAKE_UP.low * f.low) / 1000, central: (tkm * TAKE_UP.central * f.central) / 1000, high: (tkm * TAKE_UP.high * f.high) / 1000 };
}

const cases: { pool: string; members: Member[] }[] = [
  {
    // The demo's pallets: burnt today by their producers (half diverted), plus one landfilled (no heat lost).
    pool: 'pool-pallet-collection',
    members: [
      { quantity: 2_160, destination: 'ENERGY_RECOVERY', pair: 'pallets-repair-reuse' },
      { quantity: 3_000, destination: 'ENERGY_RECOVERY', pair: 'pallets-repair-reuse' },
      { quantity: 500, destination: 'LANDFILL', pair: 'pallets-repair-reuse' },
    ],
  },
  {
    pool: 'pool-solvent-regeneration',
    members: [
      { quantity: 30, destination: 'INCINERATION', pair: 'solvent-distillation' },
      { quantity: 6, destination: null, pair: 'solvent-distillation' },
    ],
  },
  {
    pool: 'pool-plastic-film-collection',
    members: [
      { quantity: 25, destination: 'INCINERATION', pair: 'pe-film-recycling' },
      { quantity: 8, destination: 'ENERGY_RECOVERY', pair: 'pe-film-recycling' },
    ],
  },
  {
    pool: 'pool-inert-crushing-campaign',
    members: [
      { quantity: 2_500, destination: 'LANDFILL', pair: 'concrete-recycled-aggregates' },
      { quantity: 1_800, destination: 'LANDFILL', pair: 'mixed-rubble-subbase' },
      { quantity: 800, destination: null, pair: 'concrete-recycled-aggregates' },
    ],
  },
];

describe('a pool counts its CO2e as the pairs of the same stream and treatment', () => {
  for (const c of cases) {
    it(`${c.pool}: pool less its transport saved = the sum of its members' pairs, same sign, same range`, () => {
      const pooled = pool(c.pool, c.members);
      const pairs = c.members.map(pairCo2);
      const sum = (end: 'low' | 'central' | 'high') => pairs.reduce((n, f) => n + f[end], 0);
      const saved = transportSaved(c.pool, c.members);
      expect(pooled.central - saved.central).toBeCloseTo(sum('central'), 2);
      expect(Math.sign(pooled.central - saved.central)).toBe(Math.sign(sum('central')));
      // The range too: each term spans the same shares, take-up and factor ranges as in the pairs.
      expect(pooled.low - saved.low).toBeCloseTo(sum('low'), 1);
      expect(pooled.high - saved.high).toBeCloseTo(sum('high'), 1);
      // The pool's formula shows every term the pairs show (the process factors and the yield among its factors).
      const ids = new Set(pooled.factors.map((f) => f.id));
      for (const p of pairs) for (const f of p.factors) if (f.id !== 'road-detour-factor') expect(ids).toContain(f.id);
    });
  }

  it('the pallets pool burnt today shows a loss, as its pairs do, and a range that straddles zero', () => {
    const members = cases[0].members.slice(0, 2);
    const pooled = pool('pool-pallet-collection', members);
    for (const m of members) expect(pairCo2(m).central).toBeLessThan(0);
    expect(pooled.central).toBeLessThan(0);
    expect(pooled.low).toBeLessThan(pooled.central);
    expect(pooled.high).toBeGreaterThan(0);
    expect(pooled.formula).toContain('heat the pallets gave when burnt');
    expect(pooled.formula).toContain('pallets-repair-reuse');
  });

  it('the waste-wood pool deducts the heat the burnt wood gave, as the reuse pairs of the same wood do', () => {
    // The pool credits no avoided production (its platform sorts between reuse and particleboard): its CO2e is the
    // pairs' less their avoided sawn timber (production on the diverted half, at take-up).
    const members: Member[] = [
      { quantity: 200, destination: 'ENERGY_RECOVERY', pair: 'deconstruction-timber-reuse' },
      { quantity: 25, destination: 'ENERGY_RECOVERY', pair: 'solid-wood-offcuts-reuse' },
    ];
    const timber = resolveFactor(kb, 'ef-sawn-timber')!.range.central;
    const production = members.reduce((n, m) => n + (m.quantity * TAKE_UP.central * 0.5 * timber) / 1000, 0);
    const pairs = members.map(pairCo2).reduce((n, f) => n + f.central, 0);
    const pooled = pool('pool-wood-waste-collection', members);
    expect(pooled.central - transportSaved('pool-wood-waste-collection', members).central).toBeCloseTo(pairs - production, 2);
    expect(pooled.central).toBeLessThan(0);
    expect(pooled.formula).toContain('heat the wood gave when burnt');
    expect(pooled.formula).toContain('no recycling yield');
  });
});
