/**
 * Applies a change made through the API to the live plan document as one Yjs transaction, so every open browser
 * receives it as one update. Values are checked first (BAD_USER_INPUT); an action or budget line that does not
 * exist is NOT_FOUND, and nothing is written.
 */
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { notFound } from '../../errors/domain-errors.js';
import type { PlanAction, PlanBudgetLine, PlanChange, PlanNoteBlock } from '../../project/plan-document.port.js';
import { checkPlanChange } from './plan-change-validation.js';
import { readAction, readBudgetLine } from './plan-reader.js';
import { indicatorKey, planParts } from './plan-shape.js';

/**
 * Returns the id of what the change touched: the new action's id for ADD_ACTION, the `indicator|unit` key for
 * SET_INDICATOR. `origin` tags the transaction (who made it), for the update log and the planChanged event.
 */
export function applyPlanChange(doc: Y.Doc, change: PlanChange, origin: unknown, newId: () => string = randomUUID): string {
  checkPlanChange(change);
  let touched = '';
  doc.transact(() => {
    touched = editPlan(doc, change, newId);
  }, origin);
  return touched;
}

function editPlan(doc: Y.Doc, change: PlanChange, newId: () => string): string {
  const parts = planParts(doc);
  switch (change.kind) {
    case 'ADD_ACTION': {
      const id = newId();
      const { title, ownerOrganizationId = null, dueDate = null, status = 'TODO' } = change.action;
      parts.actions.push([mapOf({ id, title, ownerOrganizationId, dueDate, status })]);
      return id;
    }
    case 'UPDATE_ACTION': {
      const [index] = indexesOf(parts.actions, change.id, readAction);
      if (index === undefined) throw notFound('Plan action');
      const action = parts.actions.get(index) as Y.Map<unknown>;
      for (const field of ACTION_FIELDS) {
        const value = change.fields[field];
        if (value !== undefined && action.get(field) !== value) action.set(field, value);
      }
      return change.id;
    }
    case 'REMOVE_ACTION':
      removeAll(parts.actions, change.id, readAction, 'Plan action');
      return change.id;
    case 'SET_BUDGET_LINE': {
      const [index] = indexesOf(parts.budget, change.line.id, readBudgetLine);
      if (index === undefined) {
        parts.budget.push([mapOf({ ...change.line, funder: change.line.funder ?? null })]);
      } else {
        const line = parts.budget.get(index) as Y.Map<unknown>;
        for (const field of ['label', 'amountEur', 'funder'] as const) {
          const value = change.line[field] ?? null;
          if (line.get(field) !== value) line.set(field, value);
        }
      }
      return change.line.id;
    }
    case 'REMOVE_BUDGET_LINE':
      removeAll(parts.budget, change.id, readBudgetLine, 'Plan budget line');
      return change.id;
    case 'SET_INDICATOR': {
      const { indicator, unit, expected, figure } = change.indicator;
      const key = indicatorKey(indicator, unit);
      parts.indicators.set(key, figure ? { indicator, unit, expected, figure } : { indicator, unit, expected });
      return key;
    }
    case 'REMOVE_INDICATOR': {
      const key = indicatorKey(change.indicator, change.unit);
      if (!parts.indicators.has(key)) throw notFound('Plan indicator');
      parts.indicators.delete(key);
      return key;
    }
    case 'SET_SUMMARY':
      if (parts.meta.get('summary') !== change.summary) parts.meta.set('summary', change.summary);
      return 'summary';
    case 'APPEND_NOTES':
      parts.notes.push(change.blocks.map(noteBlock));
      return 'notes';
  }
}

/** The ProseMirror nodes TipTap's StarterKit binds to the fragment: `heading` (level 2 here) and `paragraph`. */
function noteBlock(block: PlanNoteBlock): Y.XmlElement {
  const element = new Y.XmlElement(block.kind === 'HEADING' ? 'heading' : 'paragraph');
  // y-prosemirror keeps node attributes as they are typed: TipTap's heading level is a number.
  if (block.kind === 'HEADING') element.setAttribute('level', 2 as unknown as string);
  if (block.text) element.insert(0, [new Y.XmlText(block.text)]);
  return element;
}

const ACTION_FIELDS = ['title', 'ownerOrganizationId', 'dueDate', 'status'] as const;

function mapOf(fields: PlanAction | PlanBudgetLine): Y.Map<unknown> {
  return new Y.Map<unknown>(Object.entries(fields));
}

/** Where entries with this id sit, first first: the reader shows the first, a removal removes them all. */
function indexesOf(list: Y.Array<unknown>, id: string, read: (entry: unknown) => { id: string } | null): number[] {
  const indexes: number[] = [];
  list.forEach((entry, index) => {
    if (read(entry)?.id === id) indexes.push(index);
  });
  return indexes;
}

function removeAll(list: Y.Array<unknown>, id: string, read: (entry: unknown) => { id: string } | null, what: string) {
  const indexes = indexesOf(list, id, read);
  if (indexes.length === 0) throw notFound(what);
  for (const index of indexes.reverse()) list.delete(index, 1);
}
