import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { compileKnowledgeBase } from './compiled-knowledge-base.js';
import { flow } from './engine.fixture.js';
import type { EngineFlow, ImpactFigure } from './engine.types.js';
import { substitutionImpacts } from './impacts.js';
import { figuresFor } from './declared-baseline.js';

/**
 * Issue 14, item 2: a heat or water source already used today earns nothing (or only the part not used, when the
 * share is declared); the heat baseline follows the taker's declared supply, and one nobody declared shows in the
 * range (gas boiler central, a low-carbon heating network low). Figures built on a declaration come in two variants.
 */

const kb = compileKnowledgeBase(loadKnowledgeBase());
const pathway = (id: string) => kb.kb.pathways.find((p) => p.id === id)!;
const get = (figures: ImpactFigure[], indicator: string) => figures.find((f) => f.indicator === indicator);

function heat(id: string, output: Partial<EngineFlow>, unit: EngineFlow['unit'] = 'MEGAWATT_HOUR', q = 1_000, taker: Partial<EngineFlow> = {}): ImpactFigure[] {
  const o = flow({ id: 'o', organizationId: 'plant', direction: 'OUTPUT', category: 'ENERGY', unit, yearlyQuantity: q, temperatureC: 95, ...output });
  const i = flow({ id: 'i', organizationId: 'network', direction: 'INPUT', category: 'ENERGY', unit, yearlyQuantity: q, temperatureC: 60, ...taker });
  return substitutionImpacts({ pathway: pathway(id), output: o, input: i, matchedQuantity: q, coverage: { output: 1, input: 1 }, transport: null }, kb);
}

describe('heat and water baselines', () => {
  it('credits nothing for heat the source already gives to someone else, and says why', () => {
    const f = heat('heat-hot-water-district-heating', { currentDestination: 'ENERGY_RECOVERY' });
    expect(get(f, 'MWH_RECOVERED')).toMatchObject({ low: 0, central: 0, high: 0 });
    expect(get(f, 'CO2E_AVOIDED_T')!.central).toBe(0);
    expect(get(f, 'CO2E_AVOIDED_T')!.formula).toContain('already used today');
  });

  it('credits nothing for water already reused today', () => {
    const f = heat('cooling-water-cascade', { category: 'WATER', currentDestination: 'REUSE' }, 'CUBIC_METRE', 50_000);
    expect(get(f, 'WATER_M3_SAVED')!.central).toBe(0);
  });

  it('keeps the gas boiler as the central heat baseline and a low-carbon heating network as the low, saying so', () => {
    const f = get(heat('heat-hot-water-district-heating', { currentDestination: 'OTHER' }), 'CO2E_AVOIDED_T')!;
    // 1,000 MWh × 85 % expected take-up × 266 kg/MWh (n° 37132, gas 2022, ÷ 0.9); low 700 MWh (take-up) × 17 kg/MWh (a low-carbon
    // network: the 5th percentile of the Base Carbone's 838 network elements, knowledge base 1.14.3; was 30, an order of magnitude).
    // Was 28 t with electric heating (40 kg/MWh) as the low before knowledge base 1.7.0.
    expect(f.central).toBeCloseTo(226.1, 1);
    expect(f.low).toBeCloseTo(11.9, 1);
    expect(f.formula).toContain('heat supply today is not declared');
    expect(f.factors.map((u) => u.id)).toContain('ef-heating-network-fr');
    expect(f.audience).toBeUndefined();
  });

  it("credits a heating network's declared CO2 content, not gas, for its members and facilitators only", () => {
    const network = { heatSupply: 'HEATING_NETWORK', heatNetworkName: 'Réseau de Fensch', heatNetworkCo2GPerKwh: 80 } as const;
    const all = heat('heat-hot-water-district-heating', {}, 'MEGAWATT_HOUR', 1_000, network);
    const mine = get(figuresFor(all, (orgs) => orgs.includes('network')), 'CO2E_AVOIDED_T')!;
    // 850 MWh (85 % take-up) × 80 kg/MWh = 68 t; the declared content has no spread: low 700 MWh × 80, high 1,000 × 80.
    expect([mine.low, mine.central, mine.high]).toEqual([56, 68, 80]);
    expect(mine.formula).toContain('Réseau de Fensch');
    expect(mine.factors.find((u) => u.id === 'declared-heating-network-co2')).toMatchObject({ kind: 'DECLARED', sourceId: null });
    expect(mine.declaredBy).toEqual(['network']);
    // Anyone else reads the figure as if nothing were declared: the declaration is not inferable from it.
    const others = figuresFor(all, () => false);
    expect(get(others, 'CO2E_AVOIDED_T')!.central).toBeCloseTo(226.1, 1);
    expect(others.map((f) => f.formula).join(' ')).not.toContain('Fensch');
    expect(others.length).toBe(figuresFor(all, () => true).length);
    // The plant declaring where its heat goes today too (#62): each party reads the figure on its own declarations
    // alone (PARTLY), the facilitators on both, anyone else on neither.
    const both = heat('heat-hot-water-district-heating', { currentDestination: 'OTHER' }, 'MEGAWATT_HOUR', 1_000, network);
    expect(get(both, 'CO2E_AVOIDED_T')!.declaredBy).toEqual(['network', 'plant']);
    const numbers = (f: ImpactFigure | undefined) => f && [f.low, f.central, f.high];
    const reads = (org: string | null) => get(figuresFor(both, (orgs) => org !== null && orgs.every((o) => o === org)), 'CO2E_AVOIDED_T');
    expect(numbers(reads('network'))).toEqual([56, 68, 80]);
    expect(reads('network')!.formula).toContain('Réseau de Fensch');
    expect(reads('plant')!.formula).not.toContain('Fensch');
    expect(numbers(reads(null))).toEqual(numbers(get(others, 'CO2E_AVOIDED_T')));
    expect(reads(null)!.audience).toBe('UNDECLARED');
    for (const org of ['network', 'plant', null]) expect(figuresFor(both, (orgs) => org !== null && orgs.every((o) => o === org)).length).toBe(figuresFor(both, () => true).length);
  });

  it('divides a declared fuel by its efficiency: fuel oil 325 kg/MWh ÷ 0.85', () => {
    const all = heat('heat-hot-water-district-heating', {}, 'MEGAWATT_HOUR', 1_000, { heatSupply: 'FUEL_OIL', heatSupplyEfficiency: 0.85 });
    const f = get(figuresFor(all, () => true), 'CO2E_AVOIDED_T')!;
    expect(f.central).toBeCloseTo((1_000 * 325) / 0.85 / 1000 * 0.85, 1);
    expect(f.factors.map((u) => u.id)).toEqual(expect.arrayContaining(['ef-fuel-oil-pci', 'heat-supply-efficiency']));
  });

  it('credits only the part of a source not used today, when the share is declared', () => {
    const half = figuresFor(heat('heat-hot-water-district-heating', { usedShareToday: 0.5 }), () => true);
    expect(get(half, 'MWH_RECOVERED')!.central).toBeCloseTo(500 * 0.85);
    expect(get(half, 'CO2E_AVOIDED_T')!.central).toBeCloseTo(133 * 0.85, 1); // 500 MWh × 266 kg/MWh = 133 t, × 85 % take-up
    const whole = figuresFor(heat('cooling-water-cascade', { category: 'WATER', usedShareToday: 1 }, 'CUBIC_METRE', 50_000), () => true);
    expect(get(whole, 'WATER_M3_SAVED')!.central).toBe(0);
    // A declared share of 0 overrides nothing else: the whole source is credited.
    expect(get(figuresFor(heat('heat-hot-water-district-heating', { usedShareToday: 0 }), () => true), 'MWH_RECOVERED')!.central).toBeCloseTo(850);
  });
});

/**
 * Figures share their factor lists by pathway and factor ids (a detection makes tens of thousands of them). A
 * declared factor has the same id for every organisation and a value of its own: it must never come from a list
 * another organisation's synergy made first — that would show one company's declaration in another's synergy.
 */
describe('a declared factor is the synergy’s own', () => {
  const declaredCo2 = (taker: Partial<EngineFlow>) => {
    const all = heat('heat-hot-water-district-heating', { currentDestination: 'OTHER' }, 'MEGAWATT_HOUR', 1_000, taker);
    return get(figuresFor(all, () => true), 'CO2E_AVOIDED_T')!.factors;
  };

  it("a second heating network reads its own declared content, never the first one's", () => {
    const first = declaredCo2({ organizationId: 'network-a', heatSupply: 'HEATING_NETWORK', heatNetworkCo2GPerKwh: 35 });
    const second = declaredCo2({ organizationId: 'network-b', heatSupply: 'HEATING_NETWORK', heatNetworkCo2GPerKwh: 180 });
    expect(first.find((u) => u.id === 'declared-heating-network-co2')!.value).toBe(35);
    expect(second.find((u) => u.id === 'declared-heating-network-co2')!.value).toBe(180);
    expect(second.map((u) => u.value)).not.toContain(35);
  });

  it("a second taker's declared boiler efficiency is its own", () => {
    const first = declaredCo2({ organizationId: 'taker-a', heatSupply: 'FUEL_OIL', heatSupplyEfficiency: 0.71 });
    const second = declaredCo2({ organizationId: 'taker-b', heatSupply: 'FUEL_OIL', heatSupplyEfficiency: 0.93 });
    expect(first.find((u) => u.id === 'heat-supply-efficiency')!.value).toBe(0.71);
    expect(second.find((u) => u.id === 'heat-supply-efficiency')!.value).toBe(0.93);
  });
});

describe('the baseline factor of a material substitution', () => {
  const byRoute = (route: string) => kb.kb.pathways.find((p) => p.route === route && p.unit === 'TONNE' && p.impact.indicator === 'MASS')!;
  const baselineValue = (p: ReturnType<typeof pathway>) => {
    const o = flow({ id: 'o', organizationId: 'plant', direction: 'OUTPUT', yearlyQuantity: 100, currentDestination: 'ENERGY_RECOVERY' });
    const i = flow({ id: 'i', organizationId: 'user', direction: 'INPUT', yearlyQuantity: 100 });
    const figures = figuresFor(substitutionImpacts({ pathway: p, output: o, input: i, matchedQuantity: 100, coverage: { output: 1, input: 1 }, transport: null }, kb), () => true);
    const uses = figures.flatMap((f) => f.factors).filter((u) => u.id === 'baseline:ENERGY_RECOVERY');
    expect(uses.length).toBeGreaterThan(0);
    return [...new Set(uses.map((u) => u.value))];
  };

  it('shows the share diverted by this pathway, whichever pathway was read first', () => {
    // Burnt for energy today: a recycling route diverts half of it (DIVERTED_SHARE), another energy recovery none.
    const recycling = byRoute('RECYCLING');
    const energy = byRoute('ENERGY_RECOVERY');
    expect(baselineValue(recycling)).toEqual([0.5]);
    expect(baselineValue(energy)).toEqual([0]);
    expect(baselineValue(recycling)).toEqual([0.5]);
  });
});
