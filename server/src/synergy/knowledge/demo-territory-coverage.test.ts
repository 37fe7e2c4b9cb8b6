import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findWasteCode } from '../../nomenclature/waste-codes.js';
import { normalizeText } from '../../nomenclature/text-search.js';
import { findNeedByCode } from './need-search.js';
import { loadKnowledgeBase } from './knowledge-base.js';
import type { Pathway, StreamMatcher } from './knowledge-base.types.js';

/** How far the knowledge base covers the flows of the demo territory, read by the simplest reading of its matchers. */

const kb = loadKnowledgeBase();

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
