import { describe, expect, it } from 'vitest';
import { FIXTURE_KB, at, flow } from './engine.fixture.js';
import type { DetectedSynergy, EngineFlow } from './engine.types.js';
import { detectSynergies, rankSynergies } from './detector.js';
import { haversineKm } from './geo.js';

/**
 * The hand-made territory of Val de Fensch: what a facilitator expects the engine to find — and not to find —
 * is written down first, then checked.
 */

const slag = flow({ id: 'slag', organizationId: 'steelworks', direction: 'OUTPUT', label: 'Laitier de haut fourneau', ewcCode: '10 02 02', yearlyQuantity: 30_000, physicalForm: 'SOLID', currentDestination: 'LANDFILL', ...at(0, 0) });
const concrete = flow({ id: 'concrete', organizationId: 'concrete-plant', direction: 'INPUT', category: 'MATERIAL', label: 'Granulats', needCode: 'slag-aggregate', yearlyQuantity: 12_000, physicalForm: 'SOLID', ...at(12, 0) });
const heat80 = flow({ id: 'heat-80', organizationId: 'foundry', direction: 'OUTPUT', category: 'ENERGY', label: 'Chaleur fatale des fours', unit: 'MEGAWATT_HOUR', yearlyQuantity: 8_000, temperatureC: 80, physicalForm: 'NOT_APPLICABLE', ...at(0, 1) });
const greenhouseNear = flow({ id: 'greenhouse-near', organizationId: 'greenhouse-a', direction: 'INPUT', category: 'ENERGY', label: 'Chauffage des serres', needCode: 'greenhouse-heat', unit: 'MEGAWATT_HOUR', yearlyQuantity: 2_000, availableMonths: [1, 2, 3, 4, 10, 11, 12], ...at(3, 1) });
const greenhouseFar = flow({ id: 'greenhouse-far', organizationId: 'greenhouse-b', direction: 'INPUT', category: 'ENERGY', label: 'Chauffage des serres', needCode: 'greenhouse-heat', unit: 'MEGAWATT_HOUR', yearlyQuantity: 2_000, ...at(25, 1) });
const heat45 = flow({ id: 'heat-45', organizationId: 'laundry', direction: 'OUTPUT', category: 'ENERGY', label: 'Chaleur des eaux de lavage', unit: 'MEGAWATT_HOUR', yearlyQuantity: 500, temperatureC: 45, ...at(-2, -20) });
const greenhouseByLaundry = flow({ id: 'greenhouse-c', organizationId: 'greenhouse-c', direction: 'INPUT', category: 'ENERGY', label: 'Chauffage serre', needCode: 'greenhouse-heat', unit: 'MEGAWATT_HOUR', yearlyQuantity: 300, ...at(-1, -20) });
const oil = flow({ id: 'oil', organizationId: 'garage', direction: 'OUTPUT', label: 'Huiles moteur usagées', ewcCode: '13 02 05*', hazardous: true, yearlyQuantity: 20, ...at(5, 5) });
const oilBuyer = flow({ id: 'oil-buyer', organizationId: 'refinery', direction: 'INPUT', category: 'MATERIAL', label: 'Huile de base', needCode: 'base-oil', yearlyQuantity: 5_000, ...at(40, 5) });
const ownCardboardIn = flow({ id: 'mill-own-cardboard', organizationId: 'paper-mill', direction: 'OUTPUT', label: 'Cartons', ewcCode: '15 01 01', yearlyQuantity: 100, ...at(30, 30) });
const millNeed = flow({ id: 'mill-need', organizationId: 'paper-mill', direction: 'INPUT', category: 'MATERIAL', label: 'Cartons à recycler', needCode: 'recovered-cardboard', yearlyQuantity: 50_000, ...at(30, 30) });
const cardboardA = flow({ id: 'cardboard-a', organizationId: 'retailer-a', direction: 'OUTPUT', label: 'Cartons d’emballage', ewcCode: '15 01 01', yearlyQuantity: 30, currentDestination: 'LANDFILL', yearlyCostEur: 4_500, ...at(-30, 10) });
const cardboardB = flow({ id: 'cardboard-b', organizationId: 'retailer-b', direction: 'OUTPUT', label: 'Cartons', ewcCode: '15 01 01', yearlyQuantity: 20, currentDestination: 'RECYCLING', ...at(-27, 11) });
const cardboardC = flow({ id: 'cardboard-c', organizationId: 'insertion-c', direction: 'OUTPUT', label: 'cartons bruns', yearlyQuantity: 15, organizationKind: 'SSE', insertion: true, ...at(-29, 13) });
const cardboardFar = flow({ id: 'cardboard-far', organizationId: 'retailer-far', direction: 'OUTPUT', label: 'Cartons', ewcCode: '15 01 01', yearlyQuantity: 40, ...at(50, -40) });

const TERRITORY: EngineFlow[] = [
  slag, concrete, heat80, greenhouseNear, greenhouseFar, heat45, greenhouseByLaundry, oil, oilBuyer,
  ownCardboardIn, millNeed, cardboardA, cardboardB, cardboardC, cardboardFar,
];

const detected = detectSynergies(TERRITORY, FIXTURE_KB);
const between = (output: string, input: string): DetectedSynergy | undefined =>
  detected.find((s) => s.kind === 'SUBSTITUTION' && s.flowIds[0] === output && s.flowIds[1] === input);
const codes = (items: { code: string }[]): string[] => items.map((i) => i.code);

describe('substitution on the hand-made territory', () => {
  it('finds the slag of the steelworks for the concrete plant 12 km away, explained', () => {
    const s = between('slag', 'concrete');
    expect(s).toBeDefined();
    expect(s!.pathwayId).toBe('slag-to-concrete');
    expect(s!.key).toBe('SUBSTITUTION:slag-to-concrete:concrete,slag');
    expect(s!.organizationIds).toEqual(['concrete-plant', 'steelworks']);
    const e = s!.explanation;
    expect(e.reasons[0]).toEqual({ code: 'EXACT_EWC', params: { side: 'output', detail: '10 02 02' } });
    expect(codes(e.reasons)).toContain('NEED_CODE');
    expect(e.coverage).toEqual({ output: 0.4, input: 1 });
    expect(e.matchedQuantity).toBe(12_000);
    expect(e.distanceKm).toBeCloseTo(12, 1);
    const km = haversineKm(slag.latitude, slag.longitude, concrete.latitude, concrete.longitude);
    expect(e.transport!.tonneKm).toBeCloseTo(12_000 * km * 1.3, 0);
    expect(e.transport!.trips).toBe(480);
    expect(codes(e.conditionsToCheck)).toEqual(['PATHWAY_CHECK', 'PATHWAY_CHECK']);
    expect(codes(e.conditionsMet)).toEqual(expect.arrayContaining(['NOT_HAZARDOUS', 'PHYSICAL_FORM_OK', 'AVAILABILITY_FULL']));
    expect(s!.score).toBeGreaterThan(0.8);
  });

  it('finds 80 °C heat for a greenhouse needing 60 °C 3 km away, over the heating season', () => {
    const s = between('heat-80', 'greenhouse-near');
    expect(s).toBeDefined();
    expect(s!.explanation.reasons).toContainEqual({ code: 'TEMPERATURE_OK', params: { outputC: 80, requiredC: 60, marginC: 10 } });
    expect(s!.explanation.transport).toBeNull();
    // A continuous source covers the whole of a seasonal need.
    expect(s!.explanation.score.availability).toBe(1);
  });

  it('does not send heat 25 km away: beyond the reach of heat', () => {
    expect(between('heat-80', 'greenhouse-far')).toBeUndefined();
  });

  it('does not offer 45 °C heat for a need at 60 °C', () => {
    expect(between('heat-45', 'greenhouse-c')).toBeUndefined();
  });

  it('never matches a hazardous oil through a pathway that forbids hazardous flows', () => {
    expect(detected.some((s) => s.flowIds.includes('oil'))).toBe(false);
  });

  it('never pairs an organisation with itself', () => {
    expect(between('mill-own-cardboard', 'mill-need')).toBeUndefined();
    expect(detected.every((s) => s.organizationIds.length >= 2)).toBe(true);
  });

  it('lets one input be fed by several outputs: more than three while its need is uncovered, three under MUTUAL', () => {
    const feeding = (synergies: DetectedSynergy[]) =>
      synergies.filter((s) => s.kind === 'SUBSTITUTION' && s.flowIds[1] === 'mill-need').map((s) => s.flowIds[0]).sort();
    // 50,000 t needed, 30-40 t sources: the mill keeps looking past its best three (COVERING, the default).
    expect(feeding(detected)).toEqual(['cardboard-a', 'cardboard-b', 'cardboard-c', 'cardboard-far']);
    expect(feeding(detectSynergies(TERRITORY, FIXTURE_KB, { counterpartRule: 'MUTUAL' }))).toEqual(['cardboard-a', 'cardboard-b', 'cardboard-far']);
    expect(feeding(detectSynergies(TERRITORY, FIXTURE_KB, { counterpartRule: 'MUTUAL', maxCounterpartsPerFlow: 5 }))).toEqual([
      'cardboard-a', 'cardboard-b', 'cardboard-c', 'cardboard-far',
    ]);
  });
});

describe('mutualisation on the hand-made territory', () => {
  const groups = detected.filter((s) => s.kind === 'MUTUALISATION');

  it('groups the three cardboard producers within 5 km, not the one 80 km away', () => {
    expect(groups).toHaveLength(1);
    const g = groups[0];
    expect(g.pathwayId).toBe('pool-cardboard-collection');
    expect(g.flowIds).toEqual(['cardboard-a', 'cardboard-b', 'cardboard-c']);
    expect(g.organizationIds).toEqual(['insertion-c', 'retailer-a', 'retailer-b']);
    expect(g.explanation.matchedQuantity).toBe(65);
    expect(g.explanation.distanceKm).toBeLessThan(5);
    expect(codes(g.explanation.conditionsMet)).toContain('VIABLE_VOLUME');
  });

  it('credits a pool with avoided production only for what it diverts, not for what is already recycled', () => {
    const co2 = (flows: typeof cardboardA[]) =>
      detectSynergies(flows, FIXTURE_KB).find((s) => s.kind === 'MUTUALISATION')!.impacts.find((i) => i.indicator === 'CO2E_AVOIDED_T')!;
    const recycled = [cardboardA, cardboardB, cardboardC].map((f) => ({ ...f, currentDestination: 'RECYCLING' as const }));
    const landfilled = [cardboardA, cardboardB, cardboardC].map((f) => ({ ...f, currentDestination: 'LANDFILL' as const }));
    expect(co2(recycled).central).toBeLessThan(co2(landfilled).central / 10); // transport saved only
    expect(co2(recycled).formula).not.toMatch(/production/);
  });

  it('counts a pool\'s jobs on its diverted part only: 30 t landfilled + 15 t undeclared, not the 20 t recycled (issue 14)', () => {
    const g = detectSynergies([cardboardA, cardboardB, cardboardC], FIXTURE_KB).find((s) => s.kind === 'MUTUALISATION')!;
    const ratio = FIXTURE_KB.pathways.find((p) => p.id === g.pathwayId)!.impact.jobsPer1000Units!;
    const jobs = g.impacts.find((i) => i.indicator === 'JOBS')!;
    // Before issue 14: 65 t × ratio, the recycled member's tonnes included.
    // On the expected take-up (85 %, issue 14).
    expect(jobs.central).toBeCloseTo(((45 * ratio) / 1000) * 0.85, 2);
    expect(jobs.formula).toContain('diverted part');
    // The insertion member's 15 t out of the 45 t that change route.
    expect(g.impacts.find((i) => i.indicator === 'INSERTION_JOBS')!.central).toBeCloseTo(((15 * ratio) / 1000) * 0.85, 2);
  });

  it('says how much is missing when a group is below the viability threshold', () => {
    const small = detectSynergies([cardboardA, { ...cardboardB, yearlyQuantity: 5 }].map((f) => ({ ...f, yearlyQuantity: 10 })), FIXTURE_KB);
    const g = small.find((s) => s.kind === 'MUTUALISATION')!;
    expect(g.explanation.conditionsToCheck).toContainEqual({
      code: 'BELOW_VIABILITY',
      params: { quantity: 20, threshold: 50, missing: 30, unit: 'TONNE' },
    });
    expect(g.score).toBeLessThan(groups[0].score);
  });

  it('pools a need: a group purchase of electricity', () => {
    const need = (id: string, org: string, east: number): EngineFlow =>
      flow({ id, organizationId: org, direction: 'INPUT', category: 'ENERGY', label: 'Électricité', needCode: 'electricity-supply', unit: 'KILOWATT_HOUR', yearlyQuantity: 900_000, yearlyCostEur: 135_000, ...at(east, 0) });
    const [g] = detectSynergies([need('e1', 'o1', 0), need('e2', 'o2', 4), need('e3', 'o3', 8)], FIXTURE_KB);
    expect(g.kind).toBe('MUTUALISATION');
    expect(g.explanation.reasons[0]).toEqual({ code: 'SHARED_NEED', params: { members: 3, organizations: 3 } });
    expect(g.explanation.matchedQuantity).toBe(2_700);
    const euros = g.impacts.filter((i) => i.indicator === 'EUROS_SAVED');
    // 135,000 EUR × 10 % group saving × 85 % expected take-up (issue 14; 13,500 EUR before).
    expect(euros.map((i) => [i.organizationId, i.central, i.basis])).toEqual([
      ['o1', 11_475, 'DECLARED'],
      ['o2', 11_475, 'DECLARED'],
      ['o3', 11_475, 'DECLARED'],
    ]);
  });
});

describe('impacts on the hand-made territory', () => {
  const figure = (s: DetectedSynergy | undefined, indicator: string, org?: string) =>
    s!.impacts.find((i) => i.indicator === indicator && (org === undefined || i.organizationId === org));

  it('diverts nothing from landfill when the output is already recycled', () => {
    expect(figure(between('cardboard-b', 'mill-need'), 'TONNES_DIVERTED')).toMatchObject({ low: 0, central: 0, high: 0 });
    expect(figure(between('cardboard-a', 'mill-need'), 'TONNES_DIVERTED')).toMatchObject({ central: 25.5, low: 21, high: 30 }); // 85 % expected take-up
  });

  it('counts avoided production and disposal minus transport in CO2e, with the factors cited', () => {
    const co2 = figure(between('slag', 'concrete'), 'CO2E_AVOIDED_T')!;
    const tkm = between('slag', 'concrete')!.explanation.transport!.tonneKm;
    expect(co2.central).toBeCloseTo(((12_000 * 4 + 12_000 * 5 - tkm * 0.11) * 0.85) / 1000, 2);
    expect(co2.low).toBeLessThan(co2.central);
    expect(co2.high).toBeGreaterThan(co2.central);
    // The ×1.3 road detour, a convention of the method, is listed as an assumption too (issue 14).
    expect(co2.factors.map((f) => f.id)).toEqual(['virgin-aggregate', 'landfill-inert', 'road-freight-truck', 'road-detour-factor']);
    expect(co2.factors.filter((f) => f.kind !== 'ASSUMPTION').every((f) => f.sourceId === 'src-test')).toBe(true);
    expect(co2.formula).toContain('(10200 t × 4 kg/t production + 10200 t × 5 kg/t disposal - ');
    expect(co2.formula).toContain(' t·km × 0.11 kg/t·km transport) / 1000 = ');
  });

  it('uses the costs an organisation declared over typical ones, and says which', () => {
    const s = between('cardboard-a', 'mill-need');
    // Net of the haulage the retailer now pays to bring its cardboard to the mill (issue 14): before, 4,500 EUR whole.
    const tkm = s!.explanation.transport!.tonneKm;
    expect(figure(s, 'EUROS_SAVED', 'retailer-a')).toMatchObject({ central: 3_825 - Math.round(tkm * 0.85 * 0.12), low: 3_150 - Math.round(tkm * 0.2), high: 4_500 - Math.round(tkm * 0.7 * 0.08), basis: 'MIXED' });
    expect(figure(s, 'EUROS_SAVED', 'retailer-a')!.formula).toContain('4500 EUR/yr declared disposal');
    expect(figure(s, 'EUROS_SAVED', 'retailer-a')!.factors.map((f) => f.id)).toEqual(['declared-cost', 'declared-cost-share', 'road-haulage-cost']);
    expect(figure(s, 'EUROS_SAVED', 'paper-mill')).toMatchObject({ central: 1_530, basis: 'TYPICAL' });
    expect(figure(s, 'EUROS_SAVED', 'paper-mill')!.formula).toContain('30 t × 60 EUR/t typical purchase × 85 % take-up = 1530 EUR');
  });

  it('counts insertion jobs where an insertion enterprise does the work: the taker, not the producer (issue 14)', () => {
    // Before issue 14: half of the jobs (0.011 FTE) per insertion party, whatever it did. An insertion enterprise
    // that only hands its cardboard over does none of the collection or processing: no insertion jobs.
    const s = detectSynergies([cardboardC, millNeed], FIXTURE_KB).find((x) => x.kind === 'SUBSTITUTION');
    expect(figure(s, 'JOBS')!.central).toBeCloseTo(0.0225 * 0.85, 3);
    expect(figure(s, 'INSERTION_JOBS')).toBeUndefined();
    // An insertion mill takes the cardboard and does the work: all its jobs are insertion jobs, a part of JOBS.
    const taker = detectSynergies([cardboardC, { ...millNeed, insertion: true }], FIXTURE_KB).find((x) => x.kind === 'SUBSTITUTION');
    expect(figure(taker, 'INSERTION_JOBS')!.central).toBeCloseTo(0.0225 * 0.85, 3);
    expect(figure(taker, 'INSERTION_JOBS')!.formula).toContain("dont emplois d'insertion");
    expect(figure(between('cardboard-a', 'mill-need'), 'INSERTION_JOBS')).toBeUndefined();
    const group = detected.find((g) => g.kind === 'MUTUALISATION')!;
    expect(figure(group, 'INSERTION_JOBS')!.central).toBeCloseTo((65 * 2) / 1000 * (15 / 65) * 0.85, 2);
  });

  it('gives MWh recovered for heat and a range around every figure', () => {
    const s = between('heat-80', 'greenhouse-near')!;
    expect(figure(s, 'MWH_RECOVERED')).toMatchObject({ central: 1_700, low: 1_400, high: 2_000 });
    for (const f of detected.flatMap((d) => d.impacts)) {
      expect(f.low).toBeLessThanOrEqual(f.central);
      expect(f.central).toBeLessThanOrEqual(f.high);
      expect(f.formula.length).toBeGreaterThan(10);
    }
  });
});

describe('determinism', () => {
  it('gives the same synergies in the same order whatever the order of the flows', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let round = 0; round < 5; round++) {
      const shuffled = [...TERRITORY].sort(() => random() - 0.5);
      expect(detectSynergies(shuffled, FIXTURE_KB)).toEqual(detected);
    }
  });

  it('ranks by score, then the nearer, then key', () => {
    for (let k = 1; k < detected.length; k++) {
      const [a, b] = [detected[k - 1], detected[k]];
      const [da, db] = [a.explanation.distanceKm, b.explanation.distanceKm];
      expect(a.score > b.score || (a.score === b.score && (da < db || (da === db && a.key < b.key)))).toBe(true);
    }
  });

  it('puts the nearer of two equal scores first, whichever key sorts first', () => {
    const [near, far] = detected.filter((s) => s.kind === 'SUBSTITUTION' && s.explanation.distanceKm > 0).slice(0, 2);
    const tied = (s: DetectedSynergy, key: string, distanceKm: number) => ({ ...s, key, score: 0.5, explanation: { ...s.explanation, distanceKm } });
    for (const [a, b] of [['a', 'z'], ['z', 'a']] as const) {
      const ranked = rankSynergies([[tied(far!, a, 9), tied(near!, b, 2)]]);
      expect(ranked.map((s) => s.explanation.distanceKm)).toEqual([2, 9]);
    }
  });
});

describe('counterparts until the need is covered (COVERING, the default)', () => {
  const need = flow({ id: 'need-120', organizationId: 'mill', direction: 'INPUT', category: 'MATERIAL', label: 'Cartons à recycler', needCode: 'recovered-cardboard', yearlyQuantity: 120, ...at(0, 0) });
  const source = (n: number, tonnes: number) =>
    flow({ id: `src-${n}`, organizationId: `shop-${n}`, direction: 'OUTPUT', label: 'Cartons d’emballage', ewcCode: '15 01 01', yearlyQuantity: tonnes, ...at(n, 1) });
  const sources = [source(1, 30), source(2, 28), source(3, 26), source(4, 24), source(5, 22)];
  const feeding = (list: DetectedSynergy[], id: string) =>
    list.filter((s) => s.kind === 'SUBSTITUTION' && s.flowIds[1] === id).map((s) => s.flowIds[0]).sort();

  it('keeps a 120 t need’s sources of 20-30 t until they cover it, where MUTUAL kept three', () => {
    // Written first: 30 + 28 + 26 + 24 = 108 t < 120 t, so all five are needed.
    expect(feeding(detectSynergies([need, ...sources], FIXTURE_KB, { counterpartRule: 'MUTUAL' }), 'need-120')).toHaveLength(3);
    expect(feeding(detectSynergies([need, ...sources], FIXTURE_KB), 'need-120')).toEqual(['src-1', 'src-2', 'src-3', 'src-4', 'src-5']);
    // A need covered by its first three stops at three (floor, not cap: none beyond).
    const small = { ...need, id: 'need-60', yearlyQuantity: 60 };
    expect(feeding(detectSynergies([small, ...sources], FIXTURE_KB), 'need-60')).toHaveLength(3);
  });

  it('does not offer a source far beyond its quantity: a 10 t source among six 10 t needs keeps three', () => {
    const one = flow({ id: 'src-10', organizationId: 'shop', direction: 'OUTPUT', label: 'Cartons d’emballage', ewcCode: '15 01 01', yearlyQuantity: 10, ...at(0, 0) });
    const needs = [1, 2, 3, 4, 5, 6].map((n) => ({ ...need, id: `need-${n}`, organizationId: `mill-${n}`, yearlyQuantity: 10, ...at(n, 0) }));
    const list = detectSynergies([one, ...needs], FIXTURE_KB).filter((s) => s.kind === 'SUBSTITUTION');
    expect(list).toHaveLength(3);
  });
});
