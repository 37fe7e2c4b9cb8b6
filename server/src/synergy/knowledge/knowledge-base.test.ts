import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlowUnit, ResourceCategory } from '../../vocabulary/flow.enums.js';
import { findWasteCode } from '../../nomenclature/waste-codes.js';
import { normalizeText } from '../../nomenclature/text-search.js';
import {
  PATHWAY_FAMILIES,
  findNeedByCode,
  findNeeds,
  loadKnowledgeBase,
  validateKnowledgeBase,
} from './knowledge-base.js';
import type { KnowledgeBase, Pathway, StreamMatcher } from './knowledge-base.types.js';

const kb = loadKnowledgeBase();

describe('knowledge base of valorisation pathways', () => {
  it('is valid', () => {
    expect(validateKnowledgeBase(kb)).toEqual([]);
  });

  it('is loaded once', () => {
    expect(loadKnowledgeBase()).toBe(kb);
  });

  it('has a semantic version', () => {
    expect(kb.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('has at least 85 pathways of both kinds and at least 50 needs', () => {
    expect(kb.pathways.length).toBeGreaterThanOrEqual(85);
    expect(kb.needs.length).toBeGreaterThanOrEqual(50);
    expect(kb.pathways.some((pathway) => pathway.kind === 'SUBSTITUTION')).toBe(true);
    expect(kb.pathways.some((pathway) => pathway.kind === 'MUTUALISATION')).toBe(true);
    for (const direction of ['OUTPUT', 'INPUT'] as const) {
      expect(kb.pathways.some((pathway) => pathway.stream?.direction === direction)).toBe(true);
    }
  });

  it('covers every family of the contract', () => {
    const families = new Set(kb.pathways.map((pathway) => pathway.family));
    for (const family of PATHWAY_FAMILIES) expect(families, family).toContain(family);
  });

  it('cites at least one source for every pathway, impact and factor', () => {
    for (const pathway of kb.pathways) {
      expect(pathway.sourceIds.length, pathway.id).toBeGreaterThan(0);
      expect(pathway.impact.sourceIds.length, pathway.id).toBeGreaterThan(0);
    }
    for (const factor of kb.emissionFactors) expect(factor.sourceId, factor.id).toBeTruthy();
  });

  it('covers the pooling patterns: collection, treatment, equipment, services, group purchasing', () => {
    const ids = new Set(kb.pathways.filter((pathway) => pathway.kind === 'MUTUALISATION').map((pathway) => pathway.id));
    for (const id of [
      'pool-cardboard-collection',
      'pool-pallet-collection',
      'pool-used-oil-collection',
      'pool-weee-collection',
      'pool-biowaste-collection',
      'pool-hazardous-waste-collection',
      'pool-emulsion-treatment',
      'pool-wastewater-pretreatment',
      'pool-handling-equipment',
      'pool-security-guarding',
      'pool-forklift-maintenance',
      'pool-safety-training',
      'pool-catering',
      'pool-waste-management-contract',
      'group-purchase-energy',
      'group-purchase-ppe-consumables',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  describe('validation', () => {
    /** The problems found in a copy of the knowledge base after `change`. */
    function problemsAfter(change: (copy: KnowledgeBase) => void): string[] {
      const copy = structuredClone(kb);
      change(copy);
      return validateKnowledgeBase(copy);
    }
    const expectProblem = (change: (copy: KnowledgeBase) => void, text: string) =>
      expect(problemsAfter(change)).toContainEqual(expect.stringContaining(text));
    const pathway = (copy: KnowledgeBase, id: string) => copy.pathways.find((candidate) => candidate.id === id)!;

    it('reports duplicate ids and unknown references', () => {
      expectProblem((copy) => copy.pathways.push(copy.pathways[0]), 'duplicate pathway id');
      expectProblem((copy) => (copy.emissionFactors[0].sourceId = 'nowhere'), 'unknown source nowhere');
      expectProblem(
        (copy) => (copy.pathways[0].impact.avoidedProductionFactorId = 'ef-nothing'),
        'unknown emission factor',
      );
      expectProblem((copy) => (copy.pathways[0].input!.needCodes = ['no-such-need']), 'unknown need no-such-need');
    });

    it('asks every material substitution where it sends the output in the waste hierarchy, and only them', () => {
      expectProblem((copy) => delete pathway(copy, 'pallets-repair-reuse').route, 'needs a route');
      expectProblem((copy) => (pathway(copy, 'ferrous-scrap-steelmaking').route = 'SOMEWHERE' as never), 'needs a route');
      expectProblem((copy) => (pathway(copy, 'laundry-capacity').route = 'REUSE'), 'route is for material substitutions only');
      expect(pathway(kb, 'pallets-repair-reuse').route).toBe('REUSE');
      expect(pathway(kb, 'sawdust-biomass-fuel').route).toBe('ENERGY_RECOVERY');
      expect(pathway(kb, 'whey-animal-feed').route).toBe('REUSE');
    });

    it('reports waste codes that are not in the List of Waste', () => {
      const slag = (copy: KnowledgeBase) => pathway(copy, 'slag-road-aggregates').output!;
      expectProblem((copy) => (slag(copy).ewcCodes = ['10 02 98']), '"10 02 98" is not in the List of Waste');
      expectProblem((copy) => (slag(copy).ewcPrefixes = ['10 77']), '"10 77" is not a chapter');
    });

    it('reports pathways of the wrong shape, bad numbers, units and keywords, and unused needs', () => {
      const substitution = (copy: KnowledgeBase) => pathway(copy, 'slag-road-aggregates');
      const pool = (copy: KnowledgeBase) => pathway(copy, 'pool-cardboard-collection');
      expectProblem((copy) => delete substitution(copy).input, 'needs both an output and an input');
      expectProblem((copy) => delete pool(copy).stream, 'needs a stream');
      expectProblem((copy) => (substitution(copy).reachKm = 0), 'reachKm must be > 0');
      expectProblem((copy) => (copy.emissionFactors[0].low = copy.emissionFactors[0].value + 1), 'low ≤ value ≤ high');
      expectProblem((copy) => ((substitution(copy) as { unit: string }).unit = 'BARREL'), 'is not a FlowUnit');
      expectProblem((copy) => (substitution(copy).unit = FlowUnit.MEGAWATT_HOUR), 'counts in MEGAWATT_HOUR');
      expectProblem((copy) => (substitution(copy).output!.keywords = ['Laitier']), 'must be folded words');
      const orphan = { code: 'orphan-need', labelFr: 'Orphelin', labelEn: 'Orphan', keywords: ['orphelin'] };
      expect(
        problemsAfter((copy) =>
          copy.needs.push({ ...orphan, category: ResourceCategory.MATERIAL, unit: FlowUnit.TONNE }),
        ),
      ).toContainEqual('need orphan-need is used by no pathway');
    });
    it('reports bad kinds of item and member filters', () => {
      const idle = (copy: KnowledgeBase) => pathway(copy, 'idle-equipment-reuse');
      const sorting = (copy: KnowledgeBase) => pathway(copy, 'pool-construction-waste-sorting');
      expectProblem((copy) => (idle(copy).kinds![0].keywords = ['Tour']), 'must be folded words');
      expectProblem((copy) => idle(copy).kinds!.push({ ...idle(copy).kinds![0] }), 'duplicate kind');
      expectProblem((copy) => (idle(copy).kinds![0].needCodes = ['no-such-need']), 'unknown need no-such-need');
      expectProblem((copy) => (sorting(copy).kinds = idle(copy).kinds), 'kinds are for substitutions only');
      expectProblem((copy) => (idle(copy).members = { excludeNaceCodes: ['38'] }), 'for mutualisations only');
      expectProblem((copy) => (sorting(copy).members!.excludeNaceCodes = ['3811']), 'is not a NACE code prefix');
      expectProblem((copy) => (sorting(copy).members!.core!.minOrganizations = 0), 'minOrganizations must be an integer');
      expectProblem((copy) => (sorting(copy).members = {}), 'an empty member filter');
      const cement = (copy: KnowledgeBase) => pathway(copy, 'slag-cement-addition').impact.productionFactorsByOutput![0];
      expectProblem((copy) => (cement(copy).avoidedProductionFactorId = 'ef-nothing'), 'unknown emission factor ef-nothing');
      expectProblem((copy) => (cement(copy).keywords = ['Aciérie']), 'must be folded words');
    });
  });

  describe('findNeeds', () => {
    const codes = (search: string, first = 5) => findNeeds(search, first).map((need) => need.code);

    it('reads a number as a temperature', () => {
      expect(codes('chaleur 80')[0]).toBe('heat-below-90c');
      expect(codes('chaleur 45')[0]).toBe('heat-below-60c');
      expect(codes('Chaleur à 120 °C')[0]).toBe('heat-90-150c');
    });

    it('finds needs from everyday words, whatever the accents and case', () => {
      expect(codes('palettes')[0]).toBe('wood-pallets');
      expect(codes('gypse')[0]).toBe('gypsum');
      expect(codes('GYPSE')[0]).toBe('gypsum');
      expect(codes('plâtre')).toContain('gypsum');
      expect(codes('platre')).toContain('gypsum');
      expect(codes('gardiennage')[0]).toBe('security-guarding');
      expect(codes('vapeur')[0]).toBe('steam');
      expect(codes('eau de refroidissement')[0]).toBe('cooling-water');
      expect(codes('forklift maintenance')[0]).toBe('forklift-maintenance');
    });

    it('respects the limit and returns nothing for unknown words', () => {
      expect(findNeeds('chaleur', 2)).toHaveLength(2);
      expect(findNeeds('zzzz', 5)).toEqual([]);
      expect(findNeedByCode('gypsum')?.labelFr).toBe('Gypse');
    });
  });
});

// ------------------------------------------------------------------------------------------ demo territory coverage

interface DemoFlow {
  ref: string;
  direction: string;
  category: string;
  label: string;
  ewcCode?: string;
  needCode?: string;
  physicalForm?: string;
  temperatureC?: number;
  status?: string;
}

/**
 * The matching rules the types file describes, in their simplest reading: categories, physical forms and temperature
 * bounds must hold when given; a declared waste code decides when the matcher lists codes, a declared need decides
 * when it lists needs (either one is enough), and words of the folded label are the fallback.
 */
function matches(
  matcher: StreamMatcher,
  flow: DemoFlow,
  hazardous: boolean,
  policy: Pathway['conditions']['hazardous'],
): boolean {
  if (hazardous && policy === 'FORBIDDEN') return false;
  if (matcher.categories && !matcher.categories.includes(flow.category as never)) return false;
  if (matcher.physicalForms && flow.physicalForm && !matcher.physicalForms.includes(flow.physicalForm as never)) {
    return false;
  }
  if (flow.temperatureC !== undefined) {
    if (matcher.minTemperatureC !== undefined && flow.temperatureC < matcher.minTemperatureC) return false;
    if (matcher.maxTemperatureC !== undefined && flow.temperatureC > matcher.maxTemperatureC) return false;
  }
  // A declared need is the most precise identity: when the matcher lists needs, it decides.
  const hasCodeCriterion = (matcher.ewcCodes?.length ?? 0) + (matcher.ewcPrefixes?.length ?? 0) > 0;
  const judgedByCode = Boolean(flow.ewcCode && hasCodeCriterion);
  const judgedByNeed = Boolean(flow.needCode && matcher.needCodes?.length);
  if (judgedByCode) {
    const code = flow.ewcCode!.replace('*', '').trim();
    if (matcher.ewcCodes?.includes(code) || matcher.ewcPrefixes?.some((prefix) => code.startsWith(prefix))) return true;
  }
  if (judgedByNeed && matcher.needCodes!.includes(flow.needCode!)) return true;
  if (judgedByCode || judgedByNeed) return false;
  if (matcher.keywords?.length) {
    // A keyword matches at the start of a word of the label: "palette" finds "palettes", "tri" not "industrielle".
    const label = ` ${normalizeText(flow.label).replace(/[^a-z0-9]+/g, ' ').trim()} `;
    return matcher.keywords.some((keyword) => label.includes(` ${keyword}`));
  }
  return !hasCodeCriterion && !matcher.needCodes?.length && Boolean(matcher.categories?.length);
}

describe('coverage of the demo territory', () => {
  const demo = JSON.parse(
    readFileSync(path.join(import.meta.dirname, '../../demo/demo-territory.json'), 'utf8'),
  ) as { flows: DemoFlow[] };
  const active = demo.flows.filter((flow) => (flow.status ?? 'ACTIVE') === 'ACTIVE');
  const isHazardous = (flow: DemoFlow) => (flow.ewcCode ? Boolean(findWasteCode(flow.ewcCode)?.hazardous) : false);

  const outputSides = kb.pathways.flatMap((pathway) => {
    if (pathway.kind === 'SUBSTITUTION' && pathway.output) return [{ pathway, matcher: pathway.output }];
    if (pathway.kind === 'MUTUALISATION' && pathway.stream?.direction === 'OUTPUT') {
      return [{ pathway, matcher: pathway.stream }];
    }
    return [];
  });
  const inputSides = kb.pathways.flatMap((pathway) => {
    if (pathway.kind === 'SUBSTITUTION' && pathway.input) return [{ pathway, matcher: pathway.input }];
    if (pathway.kind === 'MUTUALISATION' && pathway.stream?.direction === 'INPUT') {
      return [{ pathway, matcher: pathway.stream }];
    }
    return [];
  });
  const matchesSide = (flow: DemoFlow, pathway: Pathway, matcher: StreamMatcher) =>
    matches(matcher, flow, isHazardous(flow), pathway.conditions.hazardous);
  const matchedBy = (flow: DemoFlow, sides: typeof outputSides) =>
    sides.filter(({ pathway, matcher }) => matchesSide(flow, pathway, matcher)).map(({ pathway }) => pathway.id);

  it('matches at least 70 % of the active material, waste, energy and water outputs', () => {
    const outputs = active.filter(
      (flow) => flow.direction === 'OUTPUT' && ['WASTE', 'MATERIAL', 'ENERGY', 'WATER'].includes(flow.category),
    );
    const unmatched = outputs.filter((flow) => matchedBy(flow, outputSides).length === 0).map((flow) => flow.ref);
    const share = (outputs.length - unmatched.length) / outputs.length;
    expect(outputs.length).toBeGreaterThan(100);
    expect(share, `unmatched: ${unmatched.join(', ')}`).toBeGreaterThanOrEqual(0.7);
  });

  it('knows every need code declared in the demo file', () => {
    for (const flow of active.filter((flow) => flow.needCode)) {
      expect(findNeedByCode(flow.needCode!), flow.ref).toBeDefined();
      expect(flow.direction, flow.ref).toBe('INPUT');
    }
  });

  it('pairs the synergies a facilitator expects on the demo territory', () => {
    const byRef = new Map(active.map((flow) => [flow.ref, flow]));
    const pathwaysBetween = (outputRef: string, inputRef: string) => {
      const output = byRef.get(outputRef)!;
      const input = byRef.get(inputRef)!;
      const fromOutput = new Set(matchedBy(output, outputSides));
      return matchedBy(input, inputSides).filter((id) => fromOutput.has(id));
    };
    const expected: Array<[string, string]> = [
      ['acier-fensch-laitier', 'betons-val-laitier'],
      ['acier-fensch-laitier', 'btp-moselle-nord-granulats-laitier'],
      ['acier-fensch-chutes-toles', 'chaudronnerie-uckange-toles-reemploi'],
      ['meca-fameck-copeaux', 'fonderie-hayange-ferrailles'],
      ['btp-moselle-nord-ferrailles', 'acier-fensch-ferrailles'],
      ['fonderie-hayange-chaleur-fours', 'serres-ranguevaux-chaleur'],
      ['acier-fensch-chaleur-fumees', 'ca-val-de-fensch-chaleur-reseau'],
      ['acier-fensch-vapeur-bp', 'ca-val-de-fensch-chaleur-reseau'],
      ['acier-fensch-vapeur-bp', 'blanchisserie-hayange-chaleur'],
      ['datacenter-uckange-chaleur', 'ca-val-de-fensch-chaleur-reseau'],
      ['btp-moselle-nord-platre', 'betons-val-gypse'],
      ['btp-moselle-nord-beton', 'betons-val-granulats-recycles'],
      ['fonderie-hayange-sables', 'betons-val-sables-fonderie'],
      ['brasserie-crassier-co2', 'serres-ranguevaux-co2'],
      ['boulangerie-val-invendus', 'brasserie-crassier-pain'],
      ['revetements-fensch-films', 'plasturgie-florange-films-recycles'],
      ['imprimerie-yutz-solvants', 'peintures-uckange-solvants-regeneres'],
      ['menuiserie-knutange-sciure', 'ca-val-de-fensch-plaquettes'],
      ['menuiserie-knutange-sciure', 'jardins-solidaires-copeaux'],
      ['menuiserie-knutange-chutes-massif', 'fensch-recyclerie-bois'],
      ['btp-moselle-nord-bois', 'menuiserie-knutange-bois-reemploi'],
      ['blanchisserie-hayange-textiles', 'fensch-recyclerie-textiles'],
      ['datacenter-uckange-serveurs', 'fensch-recyclerie-informatique'],
      ['ca-val-de-fensch-dechets-verts', 'serres-ranguevaux-compost'],
      ['ca-val-de-fensch-dechets-verts', 'jardins-solidaires-broyat'],
      ['ehpad-tilleuls-biodechets', 'jardins-solidaires-biodechets'],
      ['acier-fensch-chariots-reformes', 'chaudronnerie-uckange-chariot'],
      ['blanchisserie-hayange-capacite', 'ehpad-tilleuls-blanchisserie'],
      ['entrepots-uckange-surface', 'fensch-recyclerie-local'],
      ['ca-val-de-fensch-friche', 'btp-moselle-nord-stockage'],
      ['transports-fensch-retours-metz', 'entrepots-uckange-transport-metz'],
      ['fensch-recyclerie-main-oeuvre', 'collecte-fensch-agents-tri'],
      ['acier-fensch-palettes', 'fensch-recyclerie-palettes'],
      ['meca-fameck-cartons', 'collecte-fensch-cartons-entrants'],
      ['collecte-fensch-collecte-huiles', 'garage-yutz-collecte-huiles'],
      ['manutention-lorraine-maintenance', 'fonderie-hayange-maintenance-chariots'],
      ['manutention-lorraine-caces', 'meca-fameck-caces'],
    ];
    const missing = expected.filter(([output, input]) => pathwaysBetween(output, input).length === 0);
    expect(missing).toEqual([]);
  });

  it('keeps heat below the required temperature out of direct heat pathways', () => {
    const datacentre = active.find((flow) => flow.ref === 'datacenter-uckange-chaleur')!;
    expect(matchedBy(datacentre, outputSides)).not.toContain('heat-hot-water-district-heating');
    expect(matchedBy(datacentre, outputSides)).toContain('heat-low-temperature-heat-pump');
  });

  it('groups the pooled streams and needs the demo territory expects', () => {
    const membersOf = (id: string) => {
      const pathway = kb.pathways.find((candidate) => candidate.id === id)!;
      const direction = pathway.stream!.direction;
      return active
        .filter((flow) => flow.direction === direction && matchesSide(flow, pathway, pathway.stream!))
        .map((flow) => flow.ref);
    };
    expect(membersOf('pool-pallet-collection').length).toBeGreaterThanOrEqual(10);
    expect(membersOf('pool-cardboard-collection').length).toBeGreaterThanOrEqual(10);
    expect(membersOf('pool-used-oil-collection').length).toBeGreaterThanOrEqual(8);
    expect(membersOf('pool-security-guarding').length).toBeGreaterThanOrEqual(8);
    expect(membersOf('pool-forklift-maintenance').length).toBeGreaterThanOrEqual(5);
    // one training pool per topic that can share a session (review of the demo synergies, knowledge base 1.1.0)
    expect(membersOf('pool-forklift-operator-training').sort()).toEqual([
      'acier-fensch-formation-securite',
      'cartonnages-hayange-caristes',
      'meca-fameck-caces',
    ]);
    expect(membersOf('pool-chemical-risk-training').sort()).toEqual([
      'peintures-uckange-atex',
      'revetements-fensch-formation-chimique',
    ]);
    expect(membersOf('pool-technical-training').length).toBeLessThanOrEqual(1);
    expect(membersOf('pool-solvent-regeneration')).toEqual(
      expect.arrayContaining(['revetements-fensch-solvants', 'garage-yutz-solvants', 'imprimerie-yutz-solvants']),
    );
    expect(membersOf('pool-hazardous-waste-collection')).toEqual(
      expect.arrayContaining([
        'revetements-fensch-peintures',
        'peintures-uckange-peintures',
        'imprimerie-yutz-encres',
        'garage-yutz-filtres',
      ]),
    );
    expect(membersOf('pool-battery-collection').length).toBeGreaterThanOrEqual(4);
    expect(membersOf('group-purchase-compressed-air-maintenance')).toEqual([
      'revetements-fensch-air-comprime',
      'usinage-nilvange-air-comprime',
    ]);
    expect(membersOf('pool-deliveries')).toEqual(
      expect.arrayContaining([
        'blanchisserie-hayange-tournees',
        'brasserie-crassier-distribution',
        'menuiserie-knutange-livraisons',
      ]),
    );
  });
});
