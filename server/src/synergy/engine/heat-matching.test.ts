import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { validateKnowledgeBase } from '../knowledge/knowledge-base-validator.js';
import { redactItem } from '../view/explanation-redaction.js';
import { compileKnowledgeBase } from './compiled-knowledge-base.js';
import { detectSynergies } from './detector.js';
import { at, flow } from './engine.fixture.js';
import type { DetectedSynergy, EngineFlow, ImpactFigure } from './engine.types.js';
import { renderExplanation } from './explanation.js';
import { substitutionImpacts } from './impacts.js';

/**
 * Heat between neighbours: bought at a discount on the current supply rather than in whole, through a heat pump only
 * where a direct exchanger would not do, counted over the months both run and said so in words (not shown to a party
 * before consent: explanation-redaction.ts). From the project developers' review (docs/reviews/) of knowledge base 1.3.0
 * (docs/demo-synergies-review.md), written first as expected results on hand-made flows.
 */

const KB = loadKnowledgeBase();
const kb = compileKnowledgeBase(KB);
const pathway = (id: string) => kb.kb.pathways.find((p) => p.id === id)!;
const get = (figures: ImpactFigure[], indicator: string, org?: string) =>
  figures.find((f) => f.indicator === indicator && (org === undefined || f.organizationId === org));
const all = (flows: EngineFlow[], base: KnowledgeBase = KB): DetectedSynergy[] =>
  detectSynergies(flows, base, { counterpartRule: 'EITHER', maxCounterpartsPerFlow: 100 });
const find = (list: DetectedSynergy[], pathwayId: string, o: string, i: string) =>
  list.find((s) => s.pathwayId === pathwayId && s.flowIds[0] === o && s.flowIds[1] === i);
// Numbers are grouped with narrow no-break spaces: read as plain spaces.
const text = (s: DetectedSynergy, lang: 'fr' | 'en' = 'fr'): string => renderExplanation(s.explanation, KB, lang).join('\n').replace(/[\u00a0\u202f]/g, ' ');

function pair(id: string, output: Partial<EngineFlow>, input: Partial<EngineFlow>, q: number): ImpactFigure[] {
  const o = flow({ id: 'o', organizationId: 'seller', direction: 'OUTPUT', ...output });
  const i = flow({ id: 'i', organizationId: 'buyer', direction: 'INPUT', ...input });
  const cover = (f: EngineFlow) => (f.yearlyQuantity ? Math.min(1, q / f.yearlyQuantity) : null);
  return substitutionImpacts(
    { pathway: pathway(id), output: o, input: i, matchedQuantity: q, coverage: { output: cover(o), input: cover(i) }, transport: null },
    kb,
  );
}

describe('heat bought from a neighbour', () => {
  it('saves a discount on the current supply, not the whole purchase (S116: 720 k€)', () => {
    const f = pair(
      'heat-flue-gas-district-heating',
      { category: 'ENERGY', unit: 'MEGAWATT_HOUR', yearlyQuantity: 18_000, temperatureC: 180, physicalForm: 'GAS' },
      { category: 'ENERGY', unit: 'MEGAWATT_HOUR', yearlyQuantity: 12_000, temperatureC: 80, yearlyCostEur: 720_000 },
      12_000,
    );
    const euros = get(f, 'EUROS_SAVED', 'buyer')!;
    // On the expected take-up (85 %, 70 % to 100 %), as every quantity (issue 14).
    expect(euros.central).toBeCloseTo(720_000 * 0.85 * 0.25, 0);
    expect(euros.low).toBeCloseTo(720_000 * 0.7 * 0.1, 0);
    expect(euros.high).toBeCloseTo(720_000 * 0.4, 0);
    expect(euros.formula).toContain('discount');
    expect(euros.factors.map((x) => x.id)).toContain('recovered-heat-discount');
  });

  it('takes the heat pump electricity out of the space before the discount', () => {
    const f = pair(
      'heat-low-temperature-heat-pump',
      { category: 'ENERGY', unit: 'MEGAWATT_HOUR', yearlyQuantity: 3_000, temperatureC: 60, physicalForm: 'LIQUID' },
      { category: 'ENERGY', unit: 'MEGAWATT_HOUR', yearlyQuantity: 1_800, temperatureC: 80, yearlyCostEur: 130_000 },
      1_800,
    );
    const euros = get(f, 'EUROS_SAVED', 'buyer')!;
    const electricity = Number(/− ([\d.]+) MWh heat-pump electricity/.exec(euros.formula)![1]);
    // The electricity in the formula is already on the expected take-up (85 %).
    expect(euros.central).toBeCloseTo((130_000 * 0.85 - electricity * 150) * 0.25, -1);
  });
});

describe('heat pump only where a direct exchanger would not do', () => {
  const heat = (id: string, org: string, direction: 'OUTPUT' | 'INPUT', temperatureC: number, extra: Partial<EngineFlow> = {}) =>
    flow({ id, organizationId: org, direction, category: 'ENERGY', unit: 'MEGAWATT_HOUR', physicalForm: 'LIQUID', temperatureC, ...extra });
  const foundry = heat('foundry', 'foundry', 'OUTPUT', 60, { label: 'Chaleur des eaux de refroidissement des fours', yearlyQuantity: 3_000 });
  const dairy = heat('dairy', 'dairy', 'OUTPUT', 45, { label: 'Chaleur des condenseurs de froid', yearlyQuantity: 400, ...at(1, 0) });
  const greenhouse = heat('greenhouse', 'greenhouse', 'INPUT', 60, {
    label: 'Chauffage des serres',
    needCode: 'greenhouse-heating',
    yearlyQuantity: 3_500,
    availableMonths: [1, 2, 3, 4, 10, 11, 12],
    ...at(0, 1),
  });
  const list = all([foundry, dairy, greenhouse]);

  it('sends a 60 °C source to a 60 °C greenhouse through an exchanger, not a heat pump with no lift (S123)', () => {
    expect(find(list, 'heat-low-temperature-heat-pump', 'foundry', 'greenhouse')).toBeUndefined();
    expect(find(list, 'heat-greenhouse', 'foundry', 'greenhouse')).toBeDefined();
  });

  it('keeps the heat pump for a source too cold for direct exchange (45 → 60 °C)', () => {
    expect(find(list, 'heat-low-temperature-heat-pump', 'dairy', 'greenhouse')).toBeDefined();
  });

  it('says in the heat-pump check that the COP depends on the lift and is estimated in the impacts', () => {
    const p = KB.pathways.find((x) => x.id === 'heat-low-temperature-heat-pump')!;
    expect(p.conditions.checksFr.join(' ')).not.toContain('3 à 4');
    expect(p.conditions.checksFr.join(' ')).toMatch(/COP.*relève.*impacts/);
    expect(p.conditions.checksEn.join(' ')).toMatch(/COP.*lift.*impacts/);
  });

  it('validates the condition: a heat-pump margin must be a number ≥ 0', () => {
    const broken = structuredClone(KB);
    broken.pathways.find((x) => x.id === 'heat-low-temperature-heat-pump')!.conditions.heatPumpBelowMarginC = -5;
    expect(validateKnowledgeBase(broken).join('\n')).toMatch(/heatPumpBelowMarginC must be a number ≥ 0/);
    expect(validateKnowledgeBase(KB)).toEqual([]);
  });

  it('says in words that the heat is counted over the shared months (S123: 1,750 of 3,000 MWh)', () => {
    const s = find(list, 'heat-greenhouse', 'foundry', 'greenhouse')!;
    const seasonal = s.explanation.conditionsToCheck.find((x) => x.code === 'SEASONAL_QUANTITY')!;
    expect(seasonal.params).toMatchObject({ monthsShared: 7, quantity: 1750, unit: 'MEGAWATT_HOUR' });
    expect(text(s)).toContain('Sur les 7 mois communs, environ 1 750 MWh');
    expect(text(s, 'en')).toContain('Over the 7 shared months, about 1,750 MWh');
    expect(get(s.impacts, 'MWH_RECOVERED')!.central).toBeCloseTo(1750 * 0.85, 3);
  });

  it('does not show a party the seasonal figure built from the other side before consent', () => {
    const s = find(list, 'heat-greenhouse', 'foundry', 'greenhouse')!;
    const seasonal = s.explanation.conditionsToCheck.find((x) => x.code === 'SEASONAL_QUANTITY')!;
    const redacted = redactItem(seasonal, new Set(['output']), () => () => 'whole')!;
    expect(redacted.params).not.toHaveProperty('quantity');
    expect(redacted.params).not.toHaveProperty('monthsShared');
    const sentence = redacted.sentence!({ lang: 'fr', kb: KB, num: String, unit: String });
    expect(sentence).not.toMatch(/\d/);
  });
});
