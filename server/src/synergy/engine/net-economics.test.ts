import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { auditImpactSources } from './impact-audit.js';
import { compileKnowledgeBase } from './compiled-knowledge-base.js';
import { flow } from './engine.fixture.js';
import type { EngineFlow, ImpactFigure } from './engine.types.js';
import { substitutionImpacts } from './impacts.js';

/**
 * Net economics (issue 14, item 3): the taker pays the producer the resource's price (Eurostat's secondary material
 * prices, at most the taker's current supply), pays the processing, and the recycling yield scales what is avoided.
 * Expected figures worked out by hand in the comments; the central is the expected take-up, 85 %.
 */
const raw = loadKnowledgeBase();
const kb = compileKnowledgeBase(raw);
const pathway = (id: string) => kb.kb.pathways.find((p) => p.id === id)!;
const get = (figures: ImpactFigure[], indicator: string, org?: string) =>
  figures.find((f) => f.indicator === indicator && (org === undefined || f.organizationId === org))!;

function pair(id: string, output: Partial<EngineFlow>, input: Partial<EngineFlow>, q: number): ImpactFigure[] {
  const o = flow({ id: 'o', organizationId: 'producer', direction: 'OUTPUT', yearlyQuantity: q, ...output });
  const i = flow({ id: 'i', organizationId: 'taker', direction: 'INPUT', yearlyQuantity: q, ...input });
  return substitutionImpacts({ pathway: pathway(id), output: o, input: i, matchedQuantity: q, coverage: { output: 1, input: 1 }, transport: null }, kb);
}

describe('a negative avoided-production factor (FEDEREC 2017: recycled board emits more than virgin board)', () => {
  it('gives a negative central and a low at the whole match: 100 t of board incinerated today, recycled', () => {
    const co2 = get(pair('cardboard-paper-recycling', { currentDestination: 'INCINERATION' }, {}, 100), 'CO2E_AVOIDED_T');
    const board = raw.emissionFactors.find((x) => x.id === 'ef-cardboard-recycling-gain')!;
    const burnt = raw.emissionFactors.find((x) => x.id === 'ef-incineration-biomass')!;
    expect(board).toMatchObject({ value: -280, low: -492, high: 400 });
    // 85 t × (−280 + 45) kg/t = −20.0 t CO2e: recycling board that was burnt adds emissions, by this database entry.
    expect(co2.central).toBeCloseTo((85 * (board.value + burnt.value)) / 1000, 6);
    // Low: the most board at the lowest factor (100 t × −492: 0.8 × 390 − 1.2 × 670, the export's 20 % on each FEDEREC item), not the least (70 t × −492); high: 100 t × 400.
    expect(co2.low).toBeCloseTo((100 * board.low! + 70 * burnt.low!) / 1000, 6);
    expect(co2.high).toBeCloseTo((100 * board.high! + 100 * burnt.high!) / 1000, 6);
    expect(co2.low).toBeLessThan(co2.central);
  });
});

describe('net economics', () => {
  it('has the taker pay the producer the market price of plastic, a transfer that nets out between them', () => {
    const f = pair('pe-film-recycling', { currentDestination: 'LANDFILL', yearlyCostEur: 15_000 }, { yearlyCostEur: 90_000 }, 100);
    const taker = get(f, 'EUROS_SAVED', 'taker');
    const producer = get(f, 'EUROS_SAVED', 'producer');
    // 85 t taken up × 321 EUR/t (Eurostat 2024) = 27,285 EUR paid by the taker to the producer.
    expect(taker.central).toBe(90_000 * 0.85 - 27_285);
    expect(producer.central).toBe(15_000 * 0.85 + 27_285);
    expect(taker.central + producer.central).toBe((90_000 + 15_000) * 0.85);
    expect(taker.formula).toContain('321 EUR/t resource price');
    expect(producer.formula).toContain('paid by the taker');
    expect(taker.factors.find((u) => u.id === 'secondary-material-price')).toMatchObject({ kind: 'COST', sourceId: 'eurostat-secondary-material-prices-2024' });
    expect(auditImpactSources(f, raw)).toEqual([]);
  });

  it("never reveals the taker's declared cost in the producer's figure: the price follows public data only", () => {
    const producerSees = (takerCost: number | null) =>
      get(pair('pe-film-recycling', { currentDestination: 'LANDFILL', yearlyCostEur: 15_000 }, { yearlyCostEur: takerCost }, 100), 'EUROS_SAVED', 'producer');
    const reference = producerSees(null);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), (cost) => {
        const seen = producerSees(cost);
        expect([seen.low, seen.central, seen.high, seen.formula]).toEqual([reference.low, reference.central, reference.high, reference.formula]);
      }),
      { numRuns: 200 },
    );
  });

  it('caps the price at the typical purchase of the taker\'s supply: a mill buying at 80 EUR/t pays no more than that', () => {
    // No cost declared: the typical purchase of the pathway, 80 EUR/t, is below the 156 EUR/t of paper and cardboard.
    const f = pair('cardboard-paper-recycling', { currentDestination: 'LANDFILL' }, {}, 100);
    expect(pathway('cardboard-paper-recycling').impact.typicalPurchaseEurPerUnit).toBe(80);
    expect(get(f, 'EUROS_SAVED', 'taker').central).toBe(0);
    expect(get(f, 'EUROS_SAVED', 'taker').formula).toContain('80 EUR/t resource price');
  });

  it('takes the processing off the taker: 17 t of spent solvent distilled at 250 EUR/t', () => {
    const f = pair('solvent-distillation', { currentDestination: 'INCINERATION' }, { yearlyCostEur: 30_000 }, 20);
    const taker = get(f, 'EUROS_SAVED', 'taker');
    expect(taker.central).toBe(30_000 * 0.85 - 17 * 250);
    expect(taker.low).toBe(30_000 * 0.7 - 20 * 400);
    expect(taker.factors.find((u) => u.id === 'processing-cost')).toMatchObject({ kind: 'ASSUMPTION', sourceId: null, value: 250 });
  });

  it('credits the avoided disposal on what recycling yields, and the production per t recovered whole: 100 t of film', () => {
    const co2 = get(pair('pe-film-recycling', { currentDestination: 'LANDFILL' }, {}, 100), 'CO2E_AVOIDED_T');
    const production = raw.emissionFactors.find((x) => x.id === 'ef-pe-recycling-gain')!.value;
    const disposal = raw.emissionFactors.find((x) => x.id === pathway('pe-film-recycling').impact.avoidedDisposalFactorId)!.value;
    // BIO IS « Plastiques valorisés » is per t recovered (losses inside); the rejects (25 %) are still disposed of.
    expect(production).toBe(1100);
    expect(co2.central).toBeCloseTo((100 * 0.85 * (production + 0.75 * disposal)) / 1000, 3);
    expect(co2.formula).toContain(`85 t × ${production} kg/t production + 63.75 t × ${disposal} kg/t disposal × 75 % recycling yield`);
    // Steel scrap's factor is already per tonne of scrap collected: no yield on top of it.
    const scrap = get(pair('ferrous-scrap-steelmaking', { currentDestination: 'LANDFILL' }, {}, 100), 'CO2E_AVOIDED_T');
    expect(scrap.factors.map((u) => u.id)).not.toContain('recycling-yield');
  });
});
