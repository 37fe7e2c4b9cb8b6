import { describe, expect, it } from 'vitest';
import { compileKnowledgeBase } from '../engine/compiled-knowledge-base.js';
import type { SideMatch } from '../engine/compiled.types.js';
import { newContext } from '../engine/engine-context.js';
import { resolveOptions } from '../engine/engine.options.js';
import { prepareFlow } from '../engine/prepared-flow.js';
import { loadDemoTerritory } from '../report/demo-territory-flows.js';
import { findNeedByCode } from './need-search.js';
import { loadKnowledgeBase } from './knowledge-base.js';

/**
 * How far the knowledge base covers the flows of the demo territory, as the engine itself recognises each flow (its
 * stream matcher, member filters and kinds, on the flows as an import stores them). Which pairs and pools the engine
 * then detects is pinned apart, in demo-expectations.test.ts.
 */

const kb = loadKnowledgeBase();

describe('coverage of the demo territory', () => {
  const { flows: active } = loadDemoTerritory(kb);
  const options = resolveOptions();
  const context = newContext(compileKnowledgeBase(kb, options.reachTolerance, options.reachToleranceMaxKm), options);
  const prepared = new Map(active.map((flow, slot) => [flow.id, prepareFlow(flow, slot, context)]));
  const pathwaysOf = (sides: SideMatch[]) => sides.map((match) => match.side.pathway.id);
  /** The pathways whose output side (or pooled output stream) the flow plays. */
  const matchedBy = (ref: string) => {
    const flow = prepared.get(ref)!;
    return [...pathwaysOf(flow.outputSides), ...pathwaysOf(flow.streamSides)];
  };

  it('matches at least 70 % of the active material, waste, energy and water outputs', () => {
    const outputs = active.filter(
      (flow) => flow.direction === 'OUTPUT' && ['WASTE', 'MATERIAL', 'ENERGY', 'WATER'].includes(flow.category),
    );
    const unmatched = outputs.filter((flow) => matchedBy(flow.id).length === 0).map((flow) => flow.id);
    const share = (outputs.length - unmatched.length) / outputs.length;
    expect(outputs.length).toBeGreaterThan(100);
    expect(share, `unmatched: ${unmatched.join(', ')}`).toBeGreaterThanOrEqual(0.7);
  });

  it('knows every need code declared in the demo file', () => {
    const declared = active.filter((flow) => flow.needCode);
    expect(declared.length).toBeGreaterThan(0);
    for (const flow of declared) {
      expect(findNeedByCode(flow.needCode!), flow.id).toBeDefined();
      expect(flow.direction, flow.id).toBe('INPUT');
    }
  });

  it('keeps heat below the required temperature out of direct heat pathways', () => {
    expect(matchedBy('datacenter-uckange-chaleur')).not.toContain('heat-hot-water-district-heating');
    expect(matchedBy('datacenter-uckange-chaleur')).toContain('heat-low-temperature-heat-pump');
  });

  it('groups the pooled streams and needs the demo territory expects', () => {
    // The flows whose stream the engine recognises as this pool's, its member filters applied.
    const membersOf = (id: string) =>
      active.filter((flow) => pathwaysOf(prepared.get(flow.id)!.streamSides).includes(id)).map((flow) => flow.id);
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
