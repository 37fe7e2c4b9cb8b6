import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DomainError } from '../../errors/domain-errors.js';
import type { PlanChange } from '../../project/plan-document.port.js';
import { applyPlanChange } from './plan-editor.js';
import { plainTextOfNotes, readPlan } from './plan-reader.js';

const author = { userId: 'u-1', organizationId: 'org-1' };
const ids = (...values: string[]) => {
  const queue = [...values];
  return () => queue.shift() ?? 'extra';
};

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : `OTHER ${String(error)}`;
  }
  return 'NO ERROR';
}

describe('applyPlanChange', () => {
  it('adds, updates and removes actions, each as one update tagged with its origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    const id = applyPlanChange(
      doc,
      { kind: 'ADD_ACTION', action: { title: 'Étude de faisabilité', ownerOrganizationId: 'org-2', dueDate: '2027-03-12', status: 'TODO' } },
      author,
      ids('a-1'),
    );
    expect(id).toBe('a-1');
    applyPlanChange(doc, { kind: 'UPDATE_ACTION', id: 'a-1', fields: { status: 'IN_PROGRESS', dueDate: null } }, author);
    expect(readPlan(doc).actions).toEqual([
      { id: 'a-1', title: 'Étude de faisabilité', ownerOrganizationId: 'org-2', dueDate: null, status: 'IN_PROGRESS' },
    ]);
    applyPlanChange(doc, { kind: 'REMOVE_ACTION', id: 'a-1' }, author);
    expect(readPlan(doc).actions).toEqual([]);
    expect(origins).toEqual([author, author, author]);
  });

  it('sets budget lines by id and indicators by name and unit', () => {
    const doc = new Y.Doc();
    applyPlanChange(doc, { kind: 'SET_BUDGET_LINE', line: { id: 'b-1', label: 'Broyeur', amountEur: 48000, funder: 'ADEME' } }, author);
    applyPlanChange(doc, { kind: 'SET_BUDGET_LINE', line: { id: 'b-1', label: 'Broyeur', amountEur: 52000, funder: null } }, author);
    const key = applyPlanChange(doc, { kind: 'SET_INDICATOR', indicator: { indicator: 'CO2 évité', unit: 't/an', expected: 120 } }, author);
    applyPlanChange(doc, { kind: 'SET_INDICATOR', indicator: { indicator: 'CO2 évité', unit: 't/an', expected: 140 } }, author);
    expect(key).toBe('CO2 évité|t/an');
    expect(readPlan(doc)).toEqual({
      summary: '',
      actions: [],
      budget: [{ id: 'b-1', label: 'Broyeur', amountEur: 52000, funder: null }],
      indicators: [{ indicator: 'CO2 évité', unit: 't/an', expected: 140 }],
    });
    applyPlanChange(doc, { kind: 'REMOVE_BUDGET_LINE', id: 'b-1' }, author);
    expect(readPlan(doc).budget).toEqual([]);
  });

  it('sets and clears the summary, removes an indicator, and answers NOT_FOUND for one that is not there', () => {
    const doc = new Y.Doc();
    applyPlanChange(doc, { kind: 'SET_SUMMARY', summary: 'Valoriser la chaleur fatale' }, author);
    applyPlanChange(doc, { kind: 'SET_INDICATOR', indicator: { indicator: 'CO2 évité', unit: 't/an', expected: 120 } }, author);
    expect(readPlan(doc).summary).toBe('Valoriser la chaleur fatale');
    const before = Y.encodeStateVector(doc);
    expect(codeOf(() => applyPlanChange(doc, { kind: 'REMOVE_INDICATOR', indicator: 'CO2 évité', unit: 'kt/an' }, author))).toBe('NOT_FOUND');
    expect(codeOf(() => applyPlanChange(doc, { kind: 'SET_SUMMARY', summary: 'x'.repeat(5001) }, author))).toBe('BAD_USER_INPUT');
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(applyPlanChange(doc, { kind: 'REMOVE_INDICATOR', indicator: 'CO2 évité', unit: 't/an' }, author)).toBe('CO2 évité|t/an');
    applyPlanChange(doc, { kind: 'SET_SUMMARY', summary: '' }, author);
    expect(readPlan(doc)).toMatchObject({ summary: '', indicators: [] });
  });

  it('appends headings and paragraphs to the notes as the browser editor writes them', () => {
    const doc = new Y.Doc();
    applyPlanChange(doc, { kind: 'APPEND_NOTES', blocks: [{ kind: 'HEADING', text: 'Comité du 12 mars' }, { kind: 'PARAGRAPH', text: 'Débit validé.' }] }, author);
    applyPlanChange(doc, { kind: 'APPEND_NOTES', blocks: [{ kind: 'PARAGRAPH', text: '' }] }, author);
    expect(plainTextOfNotes(doc)).toBe('Comité du 12 mars\nDébit validé.\n');
    const [heading] = doc.getXmlFragment('notes').toArray() as Y.XmlElement[];
    expect([heading.nodeName, heading.getAttribute('level')]).toEqual(['heading', 2]);
    expect(codeOf(() => applyPlanChange(doc, { kind: 'APPEND_NOTES', blocks: [] }, author))).toBe('BAD_USER_INPUT');
  });

  it('answers NOT_FOUND for an action or budget line that does not exist, and writes nothing', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => (updates += 1));
    expect(codeOf(() => applyPlanChange(doc, { kind: 'UPDATE_ACTION', id: 'nope', fields: { title: 'x' } }, author))).toBe('NOT_FOUND');
    expect(codeOf(() => applyPlanChange(doc, { kind: 'REMOVE_ACTION', id: 'nope' }, author))).toBe('NOT_FOUND');
    expect(codeOf(() => applyPlanChange(doc, { kind: 'REMOVE_BUDGET_LINE', id: 'nope' }, author))).toBe('NOT_FOUND');
    expect(updates).toBe(0);
  });

  it('answers BAD_USER_INPUT with every problem of a change, and writes nothing', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => (updates += 1));
    const bad: PlanChange[] = [
      { kind: 'ADD_ACTION', action: { title: '  ', ownerOrganizationId: null, dueDate: '2027-02-30', status: 'LATER' as never } },
      { kind: 'SET_BUDGET_LINE', line: { id: '', label: 'x', amountEur: Number.NaN, funder: null } },
      { kind: 'SET_BUDGET_LINE', line: { id: 'b', label: 'x', amountEur: -5, funder: null } },
      { kind: 'SET_INDICATOR', indicator: { indicator: 'CO2', unit: '', expected: Infinity } },
      { kind: 'UPDATE_ACTION', id: 'a', fields: { title: 'x'.repeat(301) } },
      { kind: 'SOMETHING_ELSE' } as never,
    ];
    for (const change of bad) expect(codeOf(() => applyPlanChange(doc, change, author))).toBe('BAD_USER_INPUT');
    try {
      applyPlanChange(doc, bad[0], author);
    } catch (error) {
      expect((error as DomainError).problems.map((problem) => problem.field)).toEqual(['title', 'dueDate', 'status']);
    }
    expect(updates).toBe(0);
  });

  it('updates the action the plan shows when a client duplicated its id, and removes every copy', () => {
    const doc = new Y.Doc();
    const copy = () => new Y.Map<unknown>(Object.entries({ id: 'a-1', title: 'Copie', status: 'TODO' }));
    doc.getArray('actions').push([copy(), copy()]);
    applyPlanChange(doc, { kind: 'UPDATE_ACTION', id: 'a-1', fields: { title: 'Original' } }, author);
    expect(readPlan(doc).actions.map((action) => action.title)).toEqual(['Original']);
    applyPlanChange(doc, { kind: 'REMOVE_ACTION', id: 'a-1' }, author);
    expect(doc.getArray('actions').length).toBe(0);
  });
});
