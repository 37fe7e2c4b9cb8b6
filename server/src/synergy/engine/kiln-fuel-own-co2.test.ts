import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { compileKnowledgeBase } from './compiled-knowledge-base.js';
import { flow } from './engine.fixture.js';
import type { EngineFlow, ImpactFigure } from './engine.types.js';
import { auditImpactSources } from './impact-audit.js';
import { substitutionImpacts } from './impacts.js';

/**
 * Issue 14, "terms left out": a kiln-fuel credit is the coal or petcoke avoided, gross (`ef-kiln-fuel-substitution`,
 * 2,341 kg a tonne of alternative fuel). The waste burnt instead emits its own fossil CO2: emitted anyway when the
 * waste would have been incinerated, new when it would have been landfilled. The term follows the declared
 * destination, as the avoided-disposal factor does: LANDFILL deducts, INCINERATION and ENERGY_RECOVERY do not, an
 * undeclared destination deducts in the low only (the range widens, the central stays).
 */
const kb = compileKnowledgeBase(loadKnowledgeBase());
const pathway = (id: string) => kb.kb.pathways.find((p) => p.id === id)!;

function co2(id: string, output: Partial<EngineFlow>, q: number): ImpactFigure {
  const o = flow({ id: 'o', organizationId: 'seller', direction: 'OUTPUT', unit: 'TONNE', yearlyQuantity: q, ...output });
  const i = flow({ id: 'i', organizationId: 'buyer', direction: 'INPUT', unit: 'TONNE', yearlyQuantity: q });
  const figures = substitutionImpacts({ pathway: pathway(id), output: o, input: i, matchedQuantity: q, coverage: { output: 1, input: 1 }, transport: null }, kb);
  return figures.find((f) => f.indicator === 'CO2E_AVOIDED_T')!;
}

describe("the alternative fuel's own fossil CO2 follows the declared destination", () => {
  it('deducts it from sorting residues declared landfilled: 85 t × (2,341 − 1,650) kg (IPCC 2006 « industrial waste », 50 % C, 90 % fossil)', () => {
    const f = co2('sorting-residues-srf', { currentDestination: 'LANDFILL' }, 100);
    expect(f.formula).toContain("85 t × 1650 kg/t the solid recovered fuel's own fossil CO2");
    expect(f.central).toBeCloseTo((85 * (2_341 - 1_650)) / 1000, 3);
    // Low: the least coal avoided (70 t × 1,248) against the most fossil CO2 (100 t × 2,769, a plastic-only fuel);
    // high: the most coal avoided (100 t × 3,195) against the least (70 t × 880, IPCC « clinical waste », 40 % fossil).
    expect(f.low).toBeCloseTo((70 * 1_248 - 100 * 2_769) / 1000, 3);
    expect(f.high).toBeCloseTo((100 * 3_195 - 70 * 880) / 1000, 3);
    expect(f.factors.find((x) => x.id === 'ef-srf-fossil-co2')).toMatchObject({ kind: 'EMISSION', value: 1_650, sourceId: 'ipcc-2006-v5-ch5-incineration' });
    expect(auditImpactSources([f], kb.kb)).toEqual([]);
  });

  it('deducts nothing when the waste is incinerated or burnt for energy today: that CO2 is emitted anyway', () => {
    const incinerated = co2('sorting-residues-srf', { currentDestination: 'INCINERATION' }, 100);
    expect(incinerated.factors.map((x) => x.id)).not.toContain('ef-srf-fossil-co2');
    expect(incinerated.central).toBeCloseTo((85 * 2_341) / 1000, 3);
    const solvents = co2('solvent-paint-kiln-fuel', { currentDestination: 'INCINERATION' }, 100);
    expect(solvents.factors.map((x) => x.id)).not.toContain('ef-incineration-hazardous-organic');
    expect(solvents.central).toBeCloseTo((85 * 2_341) / 1000, 3);
  });

  it('widens the range when the destination is not declared: the low deducts it, the central and high do not', () => {
    const undeclared = co2('sorting-residues-srf', { currentDestination: null }, 100);
    expect(undeclared.formula).toContain('destination not declared: deducted in the low only');
    expect(undeclared.central).toBeCloseTo((85 * 2_341) / 1000, 3);
    expect(undeclared.high).toBeCloseTo((100 * 3_195) / 1000, 3);
    // Undeclared: half to all of the stream is diverted (DIVERTED_SHARE.UNDECLARED), 70 % taken up at the low:
    // 35 t × 1,248 kg of coal avoided less 35 t × 2,769 kg of the fuel's own CO2.
    expect(undeclared.low).toBeCloseTo((35 * 1_248 - 35 * 2_769) / 1000, 3);
    const other = co2('hazardous-waste-kiln-fuel', { currentDestination: 'OTHER' }, 100);
    expect(other.low).toBeLessThan(0);
    expect(other.central).toBeCloseTo((85 * 2_341) / 1000, 3);
  });

  it('deducts the fossil liquid waste row (2,933 kg/t) from solvents and hazardous wastes declared landfilled', () => {
    for (const id of ['solvent-paint-kiln-fuel', 'hazardous-waste-kiln-fuel']) {
      const f = co2(id, { currentDestination: 'LANDFILL' }, 100);
      expect(f.formula).toContain("85 t × 2933 kg/t the alternative fuel's own fossil CO2");
      // Negative: the kiln factor's mid calorific value (21.98 GJ/t, an SRF's) is below a solvent's, so the coal
      // avoided is understated against the solvent's own carbon (docs/impact-method.md, kiln fuel's own CO2).
      expect(f.central).toBeCloseTo((85 * (2_341 - 2_933)) / 1000, 3);
    }
  });
});
