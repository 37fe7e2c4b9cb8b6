import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../knowledge/knowledge-base.types.js';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { detectSynergies } from './detector.js';
import { at, flow } from './engine.fixture.js';
import type { DetectedSynergy, EngineFlow } from './engine.types.js';
import { renderExplanation } from './explanation.js';

/**
 * Who and what a pool takes in: a drop-off centre's stream is not a member's, each flow is filtered on its own
 * description and NACE code, grades and metals are kept apart, hazardous waste goes to a collector's round, and a
 * pool of streams all recycled today is a joint tender. From the project developers' review (docs/reviews/) of knowledge base 1.2.0
 * (docs/demo-synergies-review.md), written first as expected synergies on hand-made flows.
 */

const KB = loadKnowledgeBase();
const text = (s: DetectedSynergy, kb: KnowledgeBase = KB): string => renderExplanation(s.explanation, kb, 'fr').join('\n');

describe('pools: who and what', () => {
  const waste = (id: string, org: string, label: string, ewcCode: string, yearlyQuantity: number, extra: Partial<EngineFlow> = {}) =>
    flow({ id, organizationId: org, direction: 'OUTPUT', label, ewcCode, physicalForm: 'SOLID', yearlyQuantity, currentDestination: 'INCINERATION', ...extra });
  const pools = (flows: EngineFlow[], kb: KnowledgeBase = KB) => detectSynergies(flows, kb).filter((s) => s.kind === 'MUTUALISATION');
  const members = (list: DetectedSynergy[], pathwayId: string) => list.filter((s) => s.pathwayId === pathwayId).map((s) => s.flowIds);

  it('leaves out a stream whose description says it comes from a drop-off centre', () => {
    const list = pools([
      waste('ca-weee', 'ca', 'Équipements électriques et électroniques', '20 01 36', 150, { description: 'Petits appareils et écrans déposés en déchèterie.', organizationKind: 'AUTHORITY' }),
      waste('dc-weee', 'datacenter', 'Serveurs réformés', '16 02 14', 8, { ...at(1, 0) }),
      waste('iut-weee', 'iut', 'Matériel informatique réformé', '16 02 14', 6, { ...at(0, 1) }),
    ]);
    expect(members(list, 'pool-weee-collection')).toEqual([['dc-weee', 'iut-weee']]);
  });

  it('filters each flow on its own description and NACE code, flows of one label and codes alike', () => {
    // Recognition is remembered per label and codes (prepared-flow.ts): what member filters read is the flow's own.
    const weee = (id: string, extra: Partial<EngineFlow>) => waste(id, id, 'Équipements électriques et électroniques', '20 01 36', 10, extra);
    const list = pools([
      weee('dropped', { description: 'Petits appareils déposés en déchèterie.' }),
      weee('plain', { ...at(1, 0) }),
      weee('collector', { naceCode: '38.11Z', ...at(0, 1) }),
      weee('office', { description: 'Écrans et unités centrales du service informatique.', ...at(1, 1) }),
    ]);
    expect(members(list, 'pool-weee-collection').map((ids) => [...ids].sort())).toEqual([['office', 'plain']]);
  });

  it('keeps a pool of streams all recycled today as a joint tender, below the same pool that diverts them', () => {
    const cardboard = (destination: string) =>
      pools([
        waste('a', 'a', 'Cartons d’emballage', '15 01 01', 15, { currentDestination: destination as never }),
        waste('b', 'b', 'Cartons d’emballage', '15 01 01', 15, { currentDestination: destination as never, ...at(1, 0) }),
      ]).find((s) => s.pathwayId === 'pool-cardboard-collection')!;
    const tender = cardboard('RECYCLING');
    const diverting = cardboard('INCINERATION');
    expect(tender.explanation.conditionsToCheck.map((x) => x.code)).toContain('JOINT_TENDER');
    expect(diverting.explanation.conditionsToCheck.map((x) => x.code)).not.toContain('JOINT_TENDER');
    expect(tender.score).toBeLessThan(diverting.score);
    expect(text(tender)).toMatch(/appel d'offres commun/);
  });

  it('keeps paper grades out of the cardboard pool, ferrous apart from non-ferrous, and board out of the wood pool', () => {
    const list = pools([
      waste('boxes', 'a', 'Cartons d’emballage', '15 01 01', 20),
      waste('trimmings', 'printer', 'Rognures et gâche papier', '20 01 01', 80, { ...at(1, 0) }),
      waste('office', 'college', 'Papiers de bureau', '20 01 01', 10, { ...at(0, 1) }),
      waste('boxes-2', 'b', 'Cartons d’emballage', '15 01 01', 20, { ...at(1, 1) }),
      waste('steel', 'a', 'Chutes d’acier de découpe', '12 01 01', 30),
      waste('turnings', 'b', 'Copeaux d’acier', '12 01 01', 40, { ...at(1, 1) }),
      waste('brass', 'c', 'Copeaux de laiton et d’aluminium', '12 01 03', 12, { ...at(1, 0) }),
      waste('plates', 'printer', 'Plaques offset aluminium', '12 01 03', 3, { ...at(1, 0) }),
      waste('solid', 'joiner', 'Chutes de bois massif', '03 01 05', 25, { ...at(0, 1) }),
      waste('board', 'joiner', 'Chutes de panneaux de particules et MDF', '03 01 05', 40, { ...at(0, 1) }),
      waste('site-wood', 'builder', 'Bois de chantier', '17 02 01', 200, { ...at(1, 1) }),
    ]);
    expect(members(list, 'pool-cardboard-collection')).toEqual([['boxes', 'boxes-2']]);
    expect(members(list, 'pool-office-paper-collection')).toEqual([]);
    expect(members(list, 'pool-scrap-collection')).toEqual([['steel', 'turnings']]);
    expect(members(list, 'pool-non-ferrous-scrap-collection')).toEqual([['brass', 'plates']]);
    expect(members(list, 'pool-wood-waste-collection')).toEqual([['site-wood', 'solid']]);
  });

  it('asks hazardous-waste pools for a collector’s round, not a transit point at a member’s site', () => {
    const oils = pools([
      waste('oil-a', 'a', 'Huiles usagées', '13 02 05', 2, { physicalForm: 'LIQUID', unit: 'CUBIC_METRE', hazardous: true }),
      waste('oil-b', 'b', 'Huiles usagées', '13 02 05', 2, { physicalForm: 'LIQUID', unit: 'CUBIC_METRE', hazardous: true, ...at(1, 0) }),
    ]).find((s) => s.pathwayId === 'pool-used-oil-collection')!;
    expect(text(oils)).toMatch(/ICPE rubrique 2718/);
    const chemical = KB.pathways.find((p) => p.id === 'pool-chemical-risk-training')!;
    expect(chemical.conditions.checksFr.join(' ')).not.toMatch(/CACES/);
  });
});
