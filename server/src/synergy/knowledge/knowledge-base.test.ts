import { describe, expect, it } from 'vitest';
import { FlowUnit, ResourceCategory } from '../../vocabulary/flow.enums.js';
import { PATHWAY_FAMILIES, loadKnowledgeBase } from './knowledge-base.js';
import { validateKnowledgeBase } from './knowledge-base-validator.js';
import type { KnowledgeBase } from './knowledge-base.types.js';

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
      'group-purchase-natural-gas',
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
      const pump = (copy: KnowledgeBase) => pathway(copy, 'heat-low-temperature-heat-pump').output!;
      expectProblem((copy) => (pump(copy).temperatureOnlyKeywords = ['boues']), '"boues" is not one of its keywords');
      expectProblem((copy) => (pump(copy).temperatureOnlyKeywords = ['Eau']), 'must be folded words');
      const orphan = { code: 'orphan-need', labelFr: 'Orphelin', labelEn: 'Orphan', keywords: ['orphelin'] };
      expect(
        problemsAfter((copy) =>
          copy.needs.push({ ...orphan, category: ResourceCategory.MATERIAL, unit: FlowUnit.TONNE }),
        ),
      ).toContainEqual('need orphan-need is used by no pathway');
    });
    it('reports keyword reasons without a reference, for words no pathway reads, or twice', () => {
      const reasons = (copy: KnowledgeBase) => copy.keywordReasons!;
      expectProblem((copy) => (reasons(copy)[0].keywords = ['nowhere read']), '"nowhere read" is read by no pathway');
      expectProblem((copy) => reasons(copy).push({ ...reasons(copy)[0] }), 'has a reason already');
      expectProblem((copy) => (reasons(copy)[0] = { keywords: reasons(copy)[0].keywords, reason: 'x' }), 'refers to no');
      expectProblem((copy) => (reasons(copy)[0].naceCodes = ['99.99']), '"99.99" is not a NACE class');
      expectProblem((copy) => (reasons(copy)[0].ewcCodes = ['10 02 98']), '"10 02 98" is not in the List of Waste');
      expectProblem((copy) => (reasons(copy)[0].sourceIds = ['nowhere']), 'unknown source nowhere');
      expectProblem((copy) => (reasons(copy)[0].reason = ' '), 'empty reason');
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
});
