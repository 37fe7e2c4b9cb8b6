import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeParagraphs } from './plan-changes.fixture.js';
import { describeChange, diffPlans } from './plan-diff.js';
import { applyPlanChange } from './plan-editor.js';
import { snapshotPlan } from './plan-reader.js';

const author = { userId: 'u-1', organizationId: 'org-1' };
const add = (doc: Y.Doc, id: string, title: string) =>
  applyPlanChange(doc, { kind: 'ADD_ACTION', action: { title, ownerOrganizationId: null, dueDate: null, status: 'TODO' } }, author, () => id);

describe('comparing two states of a plan', () => {
  it('lists actions added, removed and changed (with the fields), budget, indicators, summary and notes', () => {
    const doc = new Y.Doc();
    add(doc, 'a-1', 'Étude');
    add(doc, 'a-2', 'Convention');
    applyPlanChange(doc, { kind: 'SET_BUDGET_LINE', line: { id: 'b-1', label: 'Broyeur', amountEur: 1000, funder: null } }, author);
    writeParagraphs(doc, ['Comité du 12 mars']);
    const before = snapshotPlan(doc);

    applyPlanChange(doc, { kind: 'UPDATE_ACTION', id: 'a-1', fields: { status: 'DONE', title: 'Étude faite' } }, author);
    applyPlanChange(doc, { kind: 'REMOVE_ACTION', id: 'a-2' }, author);
    add(doc, 'a-3', 'Mise en service');
    applyPlanChange(doc, { kind: 'SET_INDICATOR', indicator: { indicator: 'CO2 évité', unit: 't/an', expected: 50 } }, author);
    doc.getMap('meta').set('summary', 'Valoriser les palettes');
    writeParagraphs(doc, ['Décision : on lance']);
    const after = snapshotPlan(doc);

    const diff = diffPlans(before, after);
    expect(diff.actions.added.map((action) => action.id)).toEqual(['a-3']);
    expect(diff.actions.removed.map((action) => action.title)).toEqual(['Convention']);
    expect(diff.actions.changed).toEqual([
      {
        before: expect.objectContaining({ id: 'a-1', title: 'Étude', status: 'TODO' }),
        after: expect.objectContaining({ id: 'a-1', title: 'Étude faite', status: 'DONE' }),
        fields: ['title', 'status'],
      },
    ]);
    expect(diff.budget).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.indicators.added).toEqual([{ indicator: 'CO2 évité', unit: 't/an', expected: 50 }]);
    expect(diff.summaryChanged).toBe(true);
    expect(diff.notesChanged).toBe(true);

    expect(describeChange(before, after, author)).toEqual({
      author,
      actions: { added: ['a-3'], removed: ['a-2'], changed: ['a-1'] },
      budget: { added: [], removed: [], changed: [] },
      indicators: { added: ['CO2 évité|t/an'], removed: [], changed: [] },
      summaryChanged: true,
      notesChanged: true,
      empty: false,
    });
  });

  it('describes a change that touched nothing the plan shows as empty', () => {
    const doc = new Y.Doc();
    add(doc, 'a-1', 'Étude');
    const before = snapshotPlan(doc);
    doc.getMap('meta').set('cursor', 'ignored');
    const description = describeChange(before, snapshotPlan(doc));
    expect(description.empty).toBe(true);
    expect(description.author).toBeNull();
  });

  it('tells a budget change of amount from one of funder', () => {
    const doc = new Y.Doc();
    applyPlanChange(doc, { kind: 'SET_BUDGET_LINE', line: { id: 'b-1', label: 'Broyeur', amountEur: 1000, funder: null } }, author);
    const before = snapshotPlan(doc);
    applyPlanChange(doc, { kind: 'SET_BUDGET_LINE', line: { id: 'b-1', label: 'Broyeur', amountEur: 1200, funder: 'ADEME' } }, author);
    expect(diffPlans(before, snapshotPlan(doc)).budget.changed[0].fields).toEqual(['amountEur', 'funder']);
    expect(describeChange(before, snapshotPlan(doc)).budget.changed).toEqual(['b-1']);
  });
  it('sees an indicator linked to, or unlinked from, a synergy figure as changed; a link to no known figure reads as none', () => {
    const doc = new Y.Doc();
    const set = (figure?: 'CO2E_AVOIDED_T') => applyPlanChange(doc, { kind: 'SET_INDICATOR', indicator: { indicator: 'CO2 évité', unit: 't/an', expected: 50, figure } }, author);
    set();
    const unlinked = snapshotPlan(doc);
    set('CO2E_AVOIDED_T');
    const linked = snapshotPlan(doc);
    expect(linked.indicators).toEqual([{ indicator: 'CO2 évité', unit: 't/an', expected: 50, figure: 'CO2E_AVOIDED_T' }]);
    expect(diffPlans(unlinked, linked).indicators.changed.map((c) => c.fields)).toEqual([['figure']]);
    expect(diffPlans(linked, unlinked).indicators.changed.map((c) => c.fields)).toEqual([['figure']]);
    doc.getMap('indicators').set('CO2 évité|t/an', { indicator: 'CO2 évité', unit: 't/an', expected: 50, figure: 'Organization:secret' });
    expect(snapshotPlan(doc).indicators).toEqual(unlinked.indicators);
  });
});
