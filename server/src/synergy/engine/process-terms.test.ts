import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { compileKnowledgeBase } from './compiled-knowledge-base.js';
import { flow } from './engine.fixture.js';
import type { EngineFlow, ImpactFigure } from './engine.types.js';
import { auditImpactSources } from './impact-audit.js';
import { substitutionImpacts } from './impacts.js';

/**
 * Issue 14, item 5: the terms the avoided-production factor left out, each a sourced factor of the knowledge base
 * (1.7.0) subtracted in the CO2e formula — the heat a burnt pallet gave, distillation and crushing energy, the extra
 * fuel of a loaded return.
 */
const kb = compileKnowledgeBase(loadKnowledgeBase());
const pathway = (id: string) => kb.kb.pathways.find((p) => p.id === id)!;

function co2(id: string, output: Partial<EngineFlow>, q: number, unit: EngineFlow['unit'] = 'TONNE'): ImpactFigure {
  const o = flow({ id: 'o', organizationId: 'seller', direction: 'OUTPUT', unit, yearlyQuantity: q, ...output });
  const i = flow({ id: 'i', organizationId: 'buyer', direction: 'INPUT', unit, yearlyQuantity: q });
  const figures = substitutionImpacts({ pathway: pathway(id), output: o, input: i, matchedQuantity: q, coverage: { output: 1, input: 1 }, transport: null }, kb);
  return figures.find((f) => f.indicator === 'CO2E_AVOIDED_T')!;
}

describe('process terms', () => {
  it('takes off the heat pallets gave when burnt: 1,000 pallets burnt today, 50 % moved to reuse, 85 % taken up → 425 × (6.74 − 9.4) kg', () => {
    const burnt = co2('pallets-repair-reuse', { currentDestination: 'ENERGY_RECOVERY' }, 1_000, 'UNIT');
    expect(burnt.formula).toContain('heat the pallets gave when burnt');
    expect(burnt.factors.map((f) => f.id)).toContain('ef-pallet-heat-lost');
    // A new pallet avoided (6.74 kg: 25 kg × DESNZ 2025 « Wood » 269.5 kg/t) against its heat made by another fuel
    // (9.4 kg: 25 kg × 14 GJ/t, n° 14178, ÷ 3.6 × 0.85 × 114 kg/MWh, the mean of the Base Carbone's networks): reusing a
    // pallet that was burnt today costs more than it saves (−1.13 t).
    expect(burnt.central).toBeCloseTo((425 * (6.74 - 9.4)) / 1000, 2);
    // Landfilled pallets gave no heat: nothing to take off.
    expect(co2('pallets-repair-reuse', { currentDestination: 'LANDFILL' }, 1_000, 'UNIT').factors.map((f) => f.id)).not.toContain('ef-pallet-heat-lost');
  });

  it('takes off the distillation energy of regenerated solvent, and credits only what the distillation yields', () => {
    const f = co2('solvent-distillation', { currentDestination: 'INCINERATION' }, 20);
    // 20 t × 85 % take-up = 17 t distilled (133 kg/t of energy: 0.5 MWh of steam × 266 kg/MWh, gas n° 37132 ÷ 0.9);
    // 80 % of it comes out as solvent, replacing virgin solvent (1,401 kg/t, DESNZ 2025 mineral oil as the stated proxy), and the 20 % of residues are still
    // incinerated (2,933 kg/t, IPCC 2006 « fossil liquid waste », avoided on 80 % only).
    expect(f.formula).toContain('17 t × 133 kg/t distillation energy');
    expect(f.formula).toContain('13.6 t × 1401 kg/t production × 80 % recycling yield');
    expect(f.central).toBeCloseTo((13.6 * 1_401 + 13.6 * 2_933 - 17 * 133) / 1000, 3);
    expect(f.factors.find((x) => x.id === 'recycling-yield')).toMatchObject({ kind: 'ASSUMPTION', value: 0.8, sourceId: null });
    // Derived from the Base Carbone gas element: an emission factor of its source, with its range.
    expect(f.factors.find((x) => x.id === 'ef-solvent-distillation-energy')).toMatchObject({
      kind: 'EMISSION',
      value: 133,
      sourceId: 'ademe-base-carbone-v23-6',
    });
    expect(f.factors.find((x) => x.id === 'ef-incineration-hazardous-organic')).toMatchObject({
      kind: 'EMISSION',
      value: 2_933,
      sourceId: 'ipcc-2006-v5-ch5-incineration',
    });
  });

  it('cites the tyre yield: rubber is 70 % of an end-of-life tyre (EcoTyre), at most 75 % (EuRIC)', () => {
    const f = co2('tyres-granulate', { currentDestination: 'INCINERATION' }, 100);
    expect(f.formula).toContain('× 70 % recycling yield');
    const use = f.factors.find((x) => x.id === 'recycling-yield');
    expect(use).toMatchObject({ kind: 'TECHNICAL', value: 0.7, sourceId: 'ecotyre-elt-recovery' });
    expect(use!.unit).toContain('high 0.75');
    expect(auditImpactSources([f], kb.kb)).toEqual([]);
    // The solvent yield has no source: it stays an assumption, and the audit accepts it as one.
    const solvent = co2('solvent-distillation', { currentDestination: 'INCINERATION' }, 20);
    expect(solvent.factors.find((x) => x.id === 'recycling-yield')!.kind).toBe('ASSUMPTION');
  });

  it('credits avoided CEM I cement at the database value it names (Base Carbone V23.6 n° 20723 « Ciment Portland », ATILH: 866 kg CO2e/t)', () => {
    const f = co2('ash-slag-clinker-substitute', { currentDestination: 'LANDFILL' }, 100);
    const use = f.factors.find((x) => x.id === 'ef-clinker-cement');
    expect(use).toMatchObject({ kind: 'EMISSION', value: 866, sourceId: 'ademe-base-carbone-v23-6' });
    expect(f.formula).toContain('866 kg/t');
    expect(auditImpactSources([f], kb.kb)).toEqual([]);
  });

  it('takes off crushing and screening from recycled aggregates', () => {
    const f = co2('concrete-recycled-aggregates', { currentDestination: 'LANDFILL' }, 1_000);
    expect(f.formula).toContain('crushing and screening');
  });

  it('takes off the extra fuel of a loaded return from the trips a backhaul saves: 100 trips × (28 − 12.4) kg', () => {
    const f = co2('empty-return-backhaul', {}, 100, 'UNIT');
    expect(f.formula).toContain('extra fuel of carrying the load');
    // DESNZ 2025, articulated > 33 t, 35 km: empty 0.79912 kg/km → 28 kg a trip; average load − empty 0.35567 → 12.4 kg.
    expect(f.central).toBeCloseTo(((100 * 28 - 100 * 12.4) * 0.85) / 1000, 3);
  });
});
