import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addBudgetLine,
  readPlanView,
  removeAction,
  removeBudgetLine,
  removeIndicator,
  setIndicator,
  setSummary,
  updateAction,
  updateBudgetLine,
} from './plan-model';
import { planParts } from './plan-shape';

/** Two replicas that exchange every update, as two browsers through the server. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'));
  return [a, b] as const;
}

describe('the plan model', () => {
  it("writes actions, budget lines, indicators and the summary that the other replica reads", () => {
    const [a, b] = pair();
    const action = addAction(a, { title: 'Étude de faisabilité', ownerOrganizationId: 'org-1', dueDate: '2027-03-12', status: 'TODO' });
    updateAction(b, action, { status: 'IN_PROGRESS' });
    const line = addBudgetLine(b, { label: 'Échangeur', amountEur: 120000, funder: 'ADEME' });
    updateBudgetLine(a, line, { amountEur: 125000 });
    setIndicator(a, 'tCO2e évitées', 't/an', 850, 'CO2E_AVOIDED_T');
    setIndicator(b, 'Réunions', 'par an', 4);
    setSummary(b, 'Chaleur fatale vers le réseau');
    const expected = {
      summary: 'Chaleur fatale vers le réseau',
      actions: [{ id: action, title: 'Étude de faisabilité', ownerOrganizationId: 'org-1', dueDate: '2027-03-12', status: 'IN_PROGRESS' }],
      budget: [{ id: line, label: 'Échangeur', amountEur: 125000, funder: 'ADEME' }],
      indicators: [
        { key: 'Réunions|par an', indicator: 'Réunions', unit: 'par an', expected: 4, figure: null },
        { key: 'tCO2e évitées|t/an', indicator: 'tCO2e évitées', unit: 't/an', expected: 850, figure: 'CO2E_AVOIDED_T' },
      ],
    };
    expect(readPlanView(a)).toEqual(expected);
    expect(readPlanView(b)).toEqual(expected);

    removeAction(b, action);
    removeBudgetLine(a, line);
    removeIndicator(b, 'tCO2e évitées|t/an');
    removeIndicator(a, 'Réunions|par an');
    expect(readPlanView(a)).toEqual({ summary: expected.summary, actions: [], budget: [], indicators: [] });
  });

  it('keeps concurrent edits of different fields of one action', () => {
    const a = new Y.Doc();
    const id = addAction(a, { title: 'A', ownerOrganizationId: null, dueDate: null, status: 'TODO' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateAction(a, id, { title: 'Audit énergétique' });
    updateAction(b, id, { dueDate: '2027-01-31' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(readPlanView(a).actions[0]).toMatchObject({ title: 'Audit énergétique', dueDate: '2027-01-31' });
  });

  it('reads what a careless client wrote without throwing: wrong types skipped or emptied', () => {
    const doc = new Y.Doc();
    const parts = planParts(doc);
    parts.actions.push(['not a map', new Y.Map(), new Y.Map(Object.entries({ id: 'x', title: 42, status: 'LATE', dueDate: '12/03/2027' }))]);
    parts.budget.push([new Y.Map(Object.entries({ id: 'b', amountEur: 'lots' }))]);
    parts.indicators.set('co2|t', { indicator: 'co2', unit: 't', expected: 'many' });
    parts.indicators.set('other|key', { indicator: 'co2', unit: 'kt', expected: 1 });
    parts.indicators.set('lien|t', { indicator: 'lien', unit: 't', expected: 1, figure: 'Organization:secret' });
    parts.meta.set('summary', 7);
    expect(readPlanView(doc)).toEqual({
      summary: '',
      actions: [{ id: 'x', title: '', ownerOrganizationId: null, dueDate: null, status: 'TODO' }],
      budget: [{ id: 'b', label: '', amountEur: 0, funder: null }],
      indicators: [{ key: 'lien|t', indicator: 'lien', unit: 't', expected: 1, figure: null }],
    });
  });
});
