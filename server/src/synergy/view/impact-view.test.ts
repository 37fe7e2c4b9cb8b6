import { describe, expect, it } from 'vitest';
import type { ImpactFigure } from '../engine/engine.types.js';
import { TAKE_UP_USE, resolvedFactors } from '../engine/impact-factors.js';
import { loadKnowledgeBase } from '../knowledge/knowledge-base.js';
import { viewImpacts } from './impact-view.js';

// An order of magnitude naming no database item (shown as an assumption) and a named item (an EMISSION factor). No
// factor of the knowledge base is an order of magnitude since round 10 (KB 1.16.3): iron ore is put back as it was.
const kb = structuredClone(loadKnowledgeBase());
Object.assign(kb.emissionFactors.find((f) => f.id === 'ef-iron-ore')!, {
  derivation: 'ORDER_OF_MAGNITUDE',
  databaseEntry: 'ordre de grandeur tiré de la source (minerai de fer importé)',
  value: 60,
  low: 20,
  high: 130,
});
const table = resolvedFactors(kb.emissionFactors);
const inert = table.factors.get('ef-iron-ore')!.use;
const gas = table.factors.get('ef-natural-gas-pci')!.use;

const figure: ImpactFigure = {
  indicator: 'CO2E_AVOIDED_T',
  low: 1.23,
  central: 2.34,
  high: 3.45,
  unit: 't CO2e',
  formula: '480 t matched × …',
  factors: [{ id: 'declared-quantity', value: 480, unit: 't', sourceId: null, kind: 'DECLARED' }, inert, TAKE_UP_USE, gas],
  basis: 'MIXED',
  organizationId: null,
};

describe('the factors a viewer reads of a figure', () => {
  it('shows an order of magnitude as an assumption with its range, to every viewer, as it showed it when it claimed a source', () => {
    expect(inert).toMatchObject({ kind: 'ASSUMPTION', sourceId: null });
    expect(inert.unit).toContain('low 20, high 130');
    expect(gas).toMatchObject({ kind: 'EMISSION', sourceId: 'ademe-base-carbone-v23-6' });
    const before = viewImpacts(kb, [figure], null, 'territory', false)[0];
    // Before consent: the knowledge base's factors, not the parties' declared quantity nor the formula quoting it.
    expect(before.factors.map((f) => f.id)).toEqual(['ef-iron-ore', 'ef-natural-gas-pci']);
    expect(before.factors[0]).toMatchObject({ kind: 'ASSUMPTION', source: null, databaseEntry: expect.stringContaining('ordre de grandeur') });
    expect(before.formula).toBeNull();
    const exact = viewImpacts(kb, [figure], null, 'territory', true)[0];
    expect(exact.factors.map((f) => f.id)).toEqual(['declared-quantity', 'ef-iron-ore', 'take-up', 'ef-natural-gas-pci']);
  });
});
