import { describe, expect, it } from 'vitest';
import { FlowUnit, ResourceCategory } from '../../vocabulary/flow.enums.js';
import type { KnowledgeBase, Pathway } from '../knowledge/knowledge-base.types.js';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { validateKnowledgeBase } from '../knowledge/knowledge-base-validator.js';
import { compileKinds } from './compiled-knowledge-base.js';
import { detectSynergies } from './detector.js';
import { FIXTURE_KB, at, flow } from './engine.fixture.js';
import type { DetectedSynergy, EngineFlow } from './engine.types.js';
import { renderExplanation } from './explanation.js';
import { kindsOf } from './prepared-flow.js';
import { searchableLabel } from './text-fold.js';

/**
 * Kinds of item a pathway tells apart, read in a flow's label or description: the vehicle and corridor of an empty
 * return (a tipper does not carry pallets, a return from Luxembourg does not serve Metz), groups of kinds combined
 * in masks, treatment and checks by output. From the project developers' review (docs/reviews/) of knowledge base 1.2.0
 * (docs/demo-synergies-review.md), written first as expected synergies on hand-made flows.
 */


const KB = loadKnowledgeBase();
const all = (flows: EngineFlow[], kb: KnowledgeBase = KB): DetectedSynergy[] =>
  detectSynergies(flows, kb, { counterpartRule: 'EITHER', maxCounterpartsPerFlow: 100 });
const pair = (list: DetectedSynergy[], pathwayId: string, o: string, i: string) =>
  list.find((s) => s.pathwayId === pathwayId && s.flowIds[0] === o && s.flowIds[1] === i);
const text = (s: DetectedSynergy, kb: KnowledgeBase = KB): string => renderExplanation(s.explanation, kb, 'fr').join('\n');
const codes = (s: DetectedSynergy): string[] =>
  [...s.explanation.reasons, ...s.explanation.conditionsToCheck].map((x) => `${x.code}:${x.params.kind ?? x.params.side ?? ''}`);

const logistics = (id: string, org: string, direction: 'OUTPUT' | 'INPUT', label: string, description: string | null, extra: Partial<EngineFlow> = {}) =>
  flow({ id, organizationId: org, direction, category: 'LOGISTICS', label, description, unit: 'UNIT', yearlyQuantity: 50, physicalForm: 'NOT_APPLICABLE', ...extra });

describe('empty-return backhaul: vehicle and corridor', () => {
  const shuttlesToMetz = logistics('to-metz', 'warehouse', 'INPUT', 'Navettes de marchandises vers Metz', 'Transport de palettes vers des clients messins.', { needCode: 'freight-transport', ...at(3, 0) });
  const linen = logistics('linen', 'laundry', 'INPUT', 'Tournées de livraison du linge', 'Tournées entre Hayange, Thionville et Metz.', { needCode: 'pooled-deliveries', ...at(0, 3) });
  const tipper = logistics('tipper', 'concrete', 'OUTPUT', 'Camions bennes revenant à vide de Thionville', 'Camions de livraison de granulats revenant à vide.');
  const skips = logistics('skips', 'collector', 'OUTPUT', 'Retours à vide de bennes vers Metz', 'Camions ampliroll revenant à vide du centre de traitement de Metz.', { naceCode: '38.11Z' });
  const luxembourg = logistics('lux', 'haulier', 'OUTPUT', 'Retours à vide Luxembourg → Thionville', 'Porteurs 19 t revenant à vide du Luxembourg.');
  const metz = logistics('metz', 'haulier2', 'OUTPUT', 'Retours à vide Metz → Val de Fensch', 'Semi-remorques bâchées revenant à vide de Metz.');
  const list = all([shuttlesToMetz, linen, tipper, skips, luxembourg, metz]);

  it('never puts pallets or clean linen in a tipper or a waste skip truck', () => {
    expect(pair(list, 'empty-return-backhaul', 'tipper', 'to-metz')).toBeUndefined();
    expect(pair(list, 'empty-return-backhaul', 'skips', 'to-metz')).toBeUndefined();
    expect(pair(list, 'empty-return-backhaul', 'skips', 'linen')).toBeUndefined();
    expect(pair(list, 'empty-return-backhaul', 'tipper', 'linen')).toBeUndefined();
  });

  it('keeps a return on the corridor of the need only, the direction being left to check', () => {
    expect(pair(list, 'empty-return-backhaul', 'lux', 'to-metz')).toBeUndefined();
    const kept = pair(list, 'empty-return-backhaul', 'metz', 'to-metz')!;
    expect(kept).toBeDefined();
    // Vehicle read in the description (the label names none), corridor in the label.
    expect(codes(kept)).toEqual(expect.arrayContaining(['SAME_KIND:general-cargo', 'SAME_KIND:metz']));
    expect(text(kept)).toMatch(/un retour depuis Metz ne sert pas une navette vers Metz/);
    // The words "retour", "vide" are a loose identity until routes have fields.
    expect(kept.explanation.reasons[0].code).toBe('KEYWORD');
    // The laundry's rounds run through Thionville and Metz (its description): the Luxembourg → Thionville return stays.
    expect(pair(list, 'empty-return-backhaul', 'lux', 'linen')).toBeDefined();
  });

  it('reads each flow of one label and fields alike in its own description, however many share it', () => {
    // Sides settled per flow are remembered per recognition, NACE code and description (prepared-flow.ts): a flow
    // must get what its own description says, whichever flow of that label came first.
    const back = (id: string, description: string) => logistics(id, `${id}-haulier`, 'OUTPUT', 'Retours à vide Metz → Val de Fensch', description);
    const tippers = 'Camions bennes revenant à vide de Metz.';
    const tarpaulin = 'Semi-remorques bâchées revenant à vide de Metz.';
    const found = all([shuttlesToMetz, back('tipper-1', tippers), back('cargo-1', tarpaulin), back('tipper-2', tippers), back('cargo-2', tarpaulin)]);
    expect(pair(found, 'empty-return-backhaul', 'tipper-1', 'to-metz')).toBeUndefined();
    expect(pair(found, 'empty-return-backhaul', 'tipper-2', 'to-metz')).toBeUndefined();
    expect(pair(found, 'empty-return-backhaul', 'cargo-1', 'to-metz')).toBeDefined();
    expect(pair(found, 'empty-return-backhaul', 'cargo-2', 'to-metz')).toBeDefined();
  });
});

describe('engine: groups of kinds, descriptions, checks by output', () => {
  const base = { labelFr: 'x', labelEn: 'x', descriptionFr: 'x', descriptionEn: 'x', sourceIds: ['src-test'] };
  const truck: Pathway = {
    ...base,
    id: 'truck',
    kind: 'SUBSTITUTION',
    family: 'LOGISTICS',
    output: { categories: [ResourceCategory.LOGISTICS], keywords: ['retour'] },
    input: { categories: [ResourceCategory.LOGISTICS], keywords: ['transport'] },
    conditions: {
      hazardous: 'FORBIDDEN',
      checksFr: ['Commun'],
      checksEn: ['Common'],
      treatmentFr: 'Nettoyage',
      treatmentEn: 'Cleaning',
      byOutput: [{ keywords: ['citerne'], treatmentFr: 'Dégazage', treatmentEn: 'Degassing', checksFr: ['Produit précédent'], checksEn: ['Previous load'] }],
    },
    reachKm: 50,
    unit: FlowUnit.UNIT,
    kinds: [
      { id: 'tipper', group: 'vehicle', labelFr: 'Benne', labelEn: 'Tipper', keywords: ['benne'] },
      { id: 'tanker', group: 'vehicle', labelFr: 'Citerne', labelEn: 'Tanker', keywords: ['citerne'] },
      { id: 'metz', group: 'corridor', labelFr: 'Metz', labelEn: 'Metz', keywords: ['metz'] },
      { id: 'nancy', group: 'corridor', labelFr: 'Nancy', labelEn: 'Nancy', keywords: ['nancy'] },
    ],
    impact: { indicator: 'UNITS', sourceIds: ['src-test'] },
  };
  const kb: KnowledgeBase = { ...FIXTURE_KB, pathways: [truck] };

  it('combines one kind of each group in the masks: they meet when every group named on both sides agrees', () => {
    const kinds = compileKinds(truck.kinds!)!;
    const mask = (label: string, description = '') => kindsOf(searchableLabel(label), searchableLabel(description), null, kinds);
    expect(mask('rien')).toBe(0);
    expect(mask('benne metz') & mask('benne nancy')).toBe(0);
    expect(mask('benne metz') & mask('citerne metz')).toBe(0);
    expect(mask('benne metz') & mask('metz')).not.toBe(0);
    expect(mask('benne') & mask('nancy')).not.toBe(0);
    // The description is read for a group the label names none of.
    expect(mask('transport metz', 'en benne') & mask('citerne')).toBe(0);
    expect(mask('transport metz benne', 'citerne') & mask('citerne')).toBe(0);
    expect(validateKnowledgeBase({ ...kb, pathways: [{ ...truck, kinds: [...truck.kinds!, ...Array.from({ length: 14 }, (_, n) => ({ id: `c${n}`, group: 'corridor', labelFr: 'c', labelEn: 'c', keywords: [`c${n}`] }))] }] }).join('\n')).toMatch(/at most 31 combinations/);
  });

  it('gives the treatment and checks the output’s words call for, before the pathway’s own', () => {
    const list = all(
      [
        logistics('tank', 'a', 'OUTPUT', 'Retour à vide citerne', null),
        logistics('skip', 'b', 'OUTPUT', 'Retour à vide benne', null),
        logistics('need', 'c', 'INPUT', 'Transport vers Metz', null, { ...at(1, 0) }),
      ],
      kb,
    );
    const tank = text(pair(list, 'truck', 'tank', 'need')!, kb);
    expect(tank).toMatch(/Traitement nécessaire : Dégazage[\s\S]*Produit précédent\nÀ vérifier : Commun/);
    const skip = text(pair(list, 'truck', 'skip', 'need')!, kb);
    expect(skip).toMatch(/Traitement nécessaire : Nettoyage/);
    expect(skip).not.toMatch(/Produit précédent/);
  });
});
