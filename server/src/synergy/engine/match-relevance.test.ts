import { describe, expect, it } from 'vitest';
import { FlowUnit, ResourceCategory } from '../../vocabulary/flow.enums.js';
import type { KnowledgeBase, Pathway } from '../knowledge/knowledge-base.types.js';
import { validateKnowledgeBase } from '../knowledge/knowledge-base-validator.js';
import { detectSynergies } from './detector.js';
import { FIXTURE_KB, at, flow } from './engine.fixture.js';
import type { DetectedSynergy, EngineFlow } from './engine.types.js';
import { renderExplanation } from './explanation.js';

/**
 * What a facilitator expects at the top of the lists, written first: equipment matched by what it is, collectors
 * and outlets kept out of pools, heat recognised by its temperature, pairs just beyond a reach explained rather
 * than dropped, a large source meeting a whole need not sinking, each member's own code in a pool's explanation.
 */

const base = (id: string): Pick<Pathway, 'id' | 'labelFr' | 'labelEn' | 'descriptionFr' | 'descriptionEn' | 'sourceIds'> => ({
  id,
  labelFr: id,
  labelEn: id,
  descriptionFr: id,
  descriptionEn: id,
  sourceIds: ['src-test'],
});
const noChecks = { checksFr: [], checksEn: [] };

const idleEquipment: Pathway = {
  ...base('idle-equipment-reuse'),
  kind: 'SUBSTITUTION',
  family: 'EQUIPMENT',
  output: { categories: [ResourceCategory.EQUIPMENT], keywords: ['inutilise', 'occasion', 'machine'] },
  input: { categories: [ResourceCategory.EQUIPMENT], needCodes: ['second-hand-equipment'] },
  conditions: { hazardous: 'FORBIDDEN', ...noChecks },
  reachKm: 150,
  route: 'REUSE',
  unit: FlowUnit.UNIT,
  kinds: [
    { id: 'machine-tool', labelFr: 'Machine-outil', labelEn: 'Machine tool', keywords: ['tour', 'fraiseuse'] },
    { id: 'greenhouse', labelFr: 'Serre', labelEn: 'Greenhouse', keywords: ['serre'] },
  ],
  impact: { indicator: 'UNITS', sourceIds: ['src-test'] },
};

const cardboardPool: Pathway = {
  ...base('pool-cardboard-neighbours'),
  kind: 'MUTUALISATION',
  family: 'PAPER',
  stream: { direction: 'OUTPUT', ewcCodes: ['15 01 01', '20 01 01'], keywords: ['carton'] },
  conditions: { hazardous: 'FORBIDDEN', ...noChecks },
  reachKm: 15,
  unit: FlowUnit.TONNE,
  viabilityThreshold: 20,
  members: { excludeNaceCodes: ['38'], excludeKeywords: ['decheterie'] },
  impact: { indicator: 'MASS', sourceIds: ['src-test'] },
};

const siteSorting: Pathway = {
  ...base('pool-site-waste-sorting'),
  kind: 'MUTUALISATION',
  family: 'CONSTRUCTION',
  stream: { direction: 'OUTPUT', ewcCodes: ['17 02 01'], keywords: ['chantier'] },
  conditions: { hazardous: 'FORBIDDEN', ...noChecks },
  reachKm: 20,
  unit: FlowUnit.TONNE,
  viabilityThreshold: 10,
  members: { excludeNaceCodes: ['38'], core: { naceCodes: ['41', '42', '43'], minOrganizations: 2 } },
  impact: { indicator: 'MASS', sourceIds: ['src-test'] },
};

const KB: KnowledgeBase = {
  ...FIXTURE_KB,
  needs: [
    ...FIXTURE_KB.needs,
    { code: 'second-hand-equipment', labelFr: 'Équipement d’occasion', labelEn: 'Second-hand equipment', category: ResourceCategory.EQUIPMENT, unit: FlowUnit.UNIT, keywords: ['occasion'] },
  ],
  pathways: [...FIXTURE_KB.pathways.filter((p) => p.id !== 'pool-cardboard-collection'), idleEquipment, cardboardPool, siteSorting],
};

const substitutions = (flows: EngineFlow[], kb = KB, options?: Parameters<typeof detectSynergies>[2]): DetectedSynergy[] =>
  detectSynergies(flows, kb, options).filter((s) => s.kind === 'SUBSTITUTION');
const pools = (flows: EngineFlow[]): DetectedSynergy[] => detectSynergies(flows, KB).filter((s) => s.kind === 'MUTUALISATION');
const codes = (items: { code: string }[]): string[] => items.map((i) => i.code);

describe('the test knowledge base', () => {
  it('is valid, kinds and member filters included', () => {
    expect(validateKnowledgeBase({ ...KB, version: '1.0.0' }).filter((p) => !p.includes('used by no pathway'))).toEqual([]);
  });
});

describe('equipment matched by what it is', () => {
  const lathe = flow({ id: 'lathe', organizationId: 'machining', direction: 'OUTPUT', category: 'EQUIPMENT', label: 'Tour conventionnel inutilisé', unit: 'UNIT', yearlyQuantity: 1 });
  const greenhouseNeed = flow({ id: 'greenhouse', organizationId: 'garden', direction: 'INPUT', category: 'EQUIPMENT', label: 'Serre tunnel d’occasion', needCode: 'second-hand-equipment', unit: 'UNIT', yearlyQuantity: 1, ...at(5, 0) });
  const latheNeed = flow({ id: 'lathe-need', organizationId: 'workshop', direction: 'INPUT', category: 'EQUIPMENT', label: 'Tour d’occasion pour l’atelier', needCode: 'second-hand-equipment', unit: 'UNIT', yearlyQuantity: 1, ...at(0, 5) });
  const anyNeed = flow({ id: 'any-need', organizationId: 'school', direction: 'INPUT', category: 'EQUIPMENT', label: 'Équipement d’occasion pour la formation', needCode: 'second-hand-equipment', unit: 'UNIT', yearlyQuantity: 1, ...at(-5, 0) });

  it('does not offer a lathe for a greenhouse need', () => {
    expect(substitutions([lathe, greenhouseNeed])).toEqual([]);
  });

  it('offers a lathe for a lathe need, saying both are machine tools', () => {
    const [s] = substitutions([lathe, latheNeed]);
    expect(s.explanation.reasons).toContainEqual({ code: 'SAME_KIND', params: { pathwayId: 'idle-equipment-reuse', kind: 'machine-tool' } });
    expect(s.explanation.score.quality).toBe(1);
  });

  it('keeps a need that names no kind, the kind left to check and the quality lowered', () => {
    const [s] = substitutions([lathe, anyNeed]);
    expect(codes(s.explanation.conditionsToCheck)).toContain('KIND_TO_CHECK');
    expect(s.explanation.score.quality).toBe(0.9);
  });
});

describe('pools without their collectors and outlets', () => {
  const cardboard = (id: string, organizationId: string, naceCode: string, label: string, east: number): EngineFlow =>
    flow({ id, organizationId, naceCode, direction: 'OUTPUT', label, ewcCode: '15 01 01', yearlyQuantity: 15, ...at(east, 0) });
  const shopA = cardboard('shop-a', 'shop-a', '47.11F', 'Cartons d’emballage', 0);
  const shopB = cardboard('shop-b', 'shop-b', '47.11F', 'Cartons', 1);
  const collector = cardboard('collector', 'waste-operator', '38.11Z', 'Cartons triés', 2);
  const dropOff = cardboard('drop-off', 'agglomeration', '84.11Z', 'Cartons de déchèterie', 3);

  it('leaves a waste operator and a drop-off centre out of the pooled collection', () => {
    const [pool] = pools([shopA, shopB, collector, dropOff]);
    expect(pool.flowIds).toEqual(['shop-a', 'shop-b']);
  });

  it('lists the codes members really carry', () => {
    const paper = flow({ id: 'shop-c', organizationId: 'shop-c', naceCode: '47.11F', direction: 'OUTPUT', label: 'Cartons et papiers', ewcCode: '20 01 01', yearlyQuantity: 5, ...at(0, 1) });
    const [pool] = pools([shopA, shopB, paper]);
    expect(pool.explanation.reasons).toContainEqual({ code: 'EXACT_EWC', params: { side: 'members', count: 3, detail: '15 01 01, 20 01 01' } });
    expect(renderExplanation(pool.explanation, KB, 'fr').join('\n')).toContain(
      'Les flux des membres portent exactement les codes déchet 15 01 01, 20 01 01 attendus par la filière (3 flux).',
    );
  });

  it('pools construction waste only between at least two construction firms', () => {
    const builder = flow({ id: 'builder', organizationId: 'builder', naceCode: '41.20B', direction: 'OUTPUT', label: 'Bois de chantier', ewcCode: '17 02 01', yearlyQuantity: 40 });
    const concrete = flow({ id: 'concrete', organizationId: 'concrete-plant', naceCode: '23.63Z', direction: 'OUTPUT', label: 'Bois de coffrage', ewcCode: '17 02 01', yearlyQuantity: 10, ...at(1, 0) });
    const operator = flow({ id: 'operator', organizationId: 'waste-operator', naceCode: '38.11Z', direction: 'OUTPUT', label: 'Bois trié', ewcCode: '17 02 01', yearlyQuantity: 500, ...at(0, 1) });
    expect(pools([builder, concrete, operator])).toEqual([]);
    const roofer = flow({ id: 'roofer', organizationId: 'roofer', naceCode: '43.91B', direction: 'OUTPUT', label: 'Bois de chantier', ewcCode: '17 02 01', yearlyQuantity: 8, ...at(2, 0) });
    const [pool] = pools([builder, concrete, operator, roofer]);
    expect(pool.flowIds).toEqual(['builder', 'concrete', 'roofer']);
    expect(pool.explanation.conditionsMet).toContainEqual({ code: 'CORE_MEMBERS', params: { organizations: 2, naceCodes: '41, 42, 43' } });
  });
});

describe('heat', () => {
  const heat = flow({ id: 'heat', organizationId: 'datacentre', direction: 'OUTPUT', category: 'ENERGY', label: 'Chaleur fatale', unit: 'MEGAWATT_HOUR', yearlyQuantity: 1_000, temperatureC: 75 });
  const greenhouse = (eastKm: number): EngineFlow =>
    flow({ id: 'greenhouse', organizationId: 'greenhouse', direction: 'INPUT', category: 'ENERGY', label: 'Chauffage des serres', needCode: 'greenhouse-heat', unit: 'MEGAWATT_HOUR', yearlyQuantity: 1_000, ...at(eastKm, 0) });

  it('recognises a heat output by its temperature as surely as a declared need', () => {
    const [s] = substitutions([heat, greenhouse(1)]);
    expect(s.explanation.reasons[0]).toEqual({ code: 'TEMPERATURE_RANGE', params: { side: 'output', detail: '75' } });
    expect(s.explanation.score.compatibility).toBe(0.9);
  });

  it('keeps a pair slightly beyond the reach, explained, its distance lowered smoothly, and drops one well beyond', () => {
    const [s] = substitutions([heat, greenhouse(5.5)]);
    const [near] = substitutions([heat, greenhouse(2)]);
    expect(s).toBeDefined();
    // A quarter at the reach, a little less beyond, credited as far as the match is sure (pair-score.ts): no cliff.
    expect(s.explanation.score.distance).toBeCloseTo(s.explanation.score.compatibility / (1 + 5.5 / 5) ** 2, 3);
    expect(near.explanation.score.distance).toBeCloseTo(near.explanation.score.compatibility / (1 + 2 / 5) ** 2, 3);
    expect(s.explanation.score.distance).toBeGreaterThan(0);
    expect(s.explanation.conditionsToCheck).toContainEqual({ code: 'BEYOND_REACH', params: { distanceKm: 5.5, reachKm: 5 } });
    expect(codes(s.explanation.reasons)).not.toContain('WITHIN_REACH');
    expect(renderExplanation(s.explanation, KB, 'en').join('\n')).toContain('Distance: 5.5 km, slightly beyond the usual reach of 5 km: check the cost of transport or connection.');
    expect(substitutions([heat, greenhouse(6.5)])).toEqual([]);
    expect(substitutions([heat, greenhouse(5.5)], KB, { reachTolerance: 0 })).toEqual([]);
  });
});

describe('quantities', () => {
  it('ranks a large source meeting a whole need above a small source covering a sliver of one', () => {
    const bigSource = flow({ id: 'big', organizationId: 'steelworks', direction: 'OUTPUT', label: 'Laitier', ewcCode: '10 02 02', yearlyQuantity: 2_500 });
    const smallNeed = flow({ id: 'small-need', organizationId: 'builder', direction: 'INPUT', category: 'MATERIAL', label: 'Granulats', needCode: 'slag-aggregate', yearlyQuantity: 200, ...at(10, 0) });
    const smallSource = flow({ id: 'small', organizationId: 'foundry', direction: 'OUTPUT', label: 'Laitier', ewcCode: '10 02 02', yearlyQuantity: 40, ...at(0, 40) });
    const bigNeed = flow({ id: 'big-need', organizationId: 'concrete-plant', direction: 'INPUT', category: 'MATERIAL', label: 'Granulats', needCode: 'slag-aggregate', yearlyQuantity: 180, ...at(10, 40) });
    const all = substitutions([bigSource, smallNeed, smallSource, bigNeed], KB, { counterpartRule: 'EITHER', maxCounterpartsPerFlow: 10 });
    const pair = (o: string, i: string) => all.find((s) => s.flowIds[0] === o && s.flowIds[1] === i)!;
    expect(pair('big', 'small-need').explanation.score.quantity).toBeCloseTo(2 / 3 + 200 / 2_500 / 3, 3);
    expect(pair('small', 'big-need').explanation.score.quantity).toBeCloseTo((2 / 3) * (40 / 180) + 1 / 3, 3);
    expect(pair('big', 'small-need').score).toBeGreaterThan(pair('small', 'big-need').score);
  });
});

describe('impacts that depend on what the output is', () => {
  const withSteelSlag: KnowledgeBase = {
    ...KB,
    pathways: KB.pathways.map((p) =>
      p.id === 'slag-to-concrete'
        ? { ...p, impact: { ...p.impact, avoidedProductionFactorId: 'virgin-kraft', productionFactorsByOutput: [{ keywords: ['acierie'], avoidedProductionFactorId: 'virgin-aggregate' }] } }
        : p,
    ),
  };
  const need = flow({ id: 'need', organizationId: 'concrete-plant', direction: 'INPUT', category: 'MATERIAL', label: 'Granulats', needCode: 'slag-aggregate', yearlyQuantity: 1_000, ...at(10, 0) });
  const co2 = (label: string): number => {
    const slag = flow({ id: 'slag', organizationId: 'steelworks', direction: 'OUTPUT', label, ewcCode: '10 02 02', yearlyQuantity: 1_000, currentDestination: 'LANDFILL' });
    const [s] = substitutions([slag, need], withSteelSlag);
    return s.impacts.find((i) => i.indicator === 'CO2E_AVOIDED_T')!.central;
  };

  it('counts the avoided production a steelmaking slag really replaces, chosen by its label', () => {
    // 1,000 t × take-up × 700 kg/t (the pathway's factor) against 4 kg/t (the factor for steelmaking slag).
    // Both pay the same disposal and transport terms: the difference is 1,000 t × 85 % take-up × (700 − 4) kg/t.
    expect(co2('Laitier de haut fourneau granulé') - co2('Laitier d’aciérie électrique')).toBeCloseTo(696 * 0.85, 0);
    expect(validateKnowledgeBase({ ...withSteelSlag, version: '1.0.0' }).filter((p) => !p.includes('used by no pathway'))).toEqual([]);
  });
});
