/**
 * The structured parts of a plan read from, and written to, its Y.Doc. Reading tolerates whatever another client
 * wrote (an entry of the wrong type is skipped, a field of the wrong type falls back to empty), as the server's
 * reader does. Every write is one Yjs transaction, so the other browsers and the server see it whole.
 */
import * as Y from 'yjs';
import { INDICATOR_ORDER } from '../../synergies/impacts';
import { indicatorKey, planParts } from './plan-shape';

export const ACTION_STATUSES = ['TODO', 'IN_PROGRESS', 'DONE'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface PlanAction {
  id: string;
  title: string;
  ownerOrganizationId: string | null;
  dueDate: string | null;
  status: ActionStatus;
}

export interface PlanBudgetLine {
  id: string;
  label: string;
  amountEur: number;
  funder: string | null;
}

export interface PlanIndicator {
  key: string;
  indicator: string;
  unit: string;
  expected: number;
  /** The synergy's impact figure it is linked to (an ImpactIndicator code), or null. */
  figure: string | null;
}

export interface PlanView {
  summary: string;
  actions: PlanAction[];
  budget: PlanBudgetLine[];
  indicators: PlanIndicator[];
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const textOrNull = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
const finite = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function distinctById<T extends { id: string }>(entries: (T | null)[]): T[] {
  const seen = new Set<string>();
  return entries.filter((entry): entry is T => {
    if (!entry || seen.has(entry.id)) return false;
    seen.add(entry.id);
    return true;
  });
}

function idOf(entry: unknown): string | null {
  if (!(entry instanceof Y.Map)) return null;
  const id = entry.get('id');
  return typeof id === 'string' && id !== '' ? id : null;
}

function readAction(entry: unknown): PlanAction | null {
  const id = idOf(entry);
  if (!id) return null;
  const map = entry as Y.Map<unknown>;
  const status = map.get('status');
  const dueDate = map.get('dueDate');
  return {
    id,
    title: text(map.get('title')),
    ownerOrganizationId: textOrNull(map.get('ownerOrganizationId')),
    dueDate: typeof dueDate === 'string' && ISO_DATE.test(dueDate) ? dueDate : null,
    status: (ACTION_STATUSES as readonly unknown[]).includes(status) ? (status as ActionStatus) : 'TODO',
  };
}

function readBudgetLine(entry: unknown): PlanBudgetLine | null {
  const id = idOf(entry);
  if (!id) return null;
  const map = entry as Y.Map<unknown>;
  return { id, label: text(map.get('label')), amountEur: finite(map.get('amountEur')) ?? 0, funder: textOrNull(map.get('funder')) };
}

function readIndicator(key: string, entry: unknown): PlanIndicator | null {
  if (entry === null || typeof entry !== 'object' || entry instanceof Y.AbstractType || Array.isArray(entry)) return null;
  const { indicator, unit, expected, figure } = entry as Record<string, unknown>;
  if (typeof indicator !== 'string' || typeof unit !== 'string' || finite(expected) === null) return null;
  if (key !== indicatorKey(indicator, unit)) return null;
  // A link to no known figure is no link, as the server reads it.
  const linked = (INDICATOR_ORDER as readonly unknown[]).includes(figure) ? (figure as string) : null;
  return { key, indicator, unit, expected: expected as number, figure: linked };
}

export function readPlanView(doc: Y.Doc): PlanView {
  const parts = planParts(doc);
  return {
    summary: text(parts.meta.get('summary')),
    actions: distinctById(parts.actions.toArray().map(readAction)),
    budget: distinctById(parts.budget.toArray().map(readBudgetLine)),
    indicators: [...parts.indicators.entries()]
      .map(([key, entry]) => readIndicator(key, entry))
      .filter((entry): entry is PlanIndicator => entry !== null)
      // Map iteration follows integration order, which differs between browsers: sort for one order everywhere.
      .sort((a, b) => a.indicator.localeCompare(b.indicator) || a.unit.localeCompare(b.unit)),
  };
}

export function setSummary(doc: Y.Doc, summary: string) {
  doc.transact(() => planParts(doc).meta.set('summary', summary));
}

export type ActionFields = Omit<PlanAction, 'id'>;

export function addAction(doc: Y.Doc, fields: ActionFields, id: string = crypto.randomUUID()): string {
  doc.transact(() => planParts(doc).actions.push([new Y.Map<unknown>(Object.entries({ id, ...fields }))]));
  return id;
}

/** Sets only the fields given, and only those that change: a concurrent edit of another field is kept. */
export function updateAction(doc: Y.Doc, id: string, fields: Partial<ActionFields>) {
  updateEntry(doc, planParts(doc).actions, id, fields);
}

export function removeAction(doc: Y.Doc, id: string) {
  removeEntries(doc, planParts(doc).actions, id);
}

export type BudgetFields = Omit<PlanBudgetLine, 'id'>;

export function addBudgetLine(doc: Y.Doc, fields: BudgetFields, id: string = crypto.randomUUID()): string {
  doc.transact(() => planParts(doc).budget.push([new Y.Map<unknown>(Object.entries({ id, ...fields }))]));
  return id;
}

export function updateBudgetLine(doc: Y.Doc, id: string, fields: Partial<BudgetFields>) {
  updateEntry(doc, planParts(doc).budget, id, fields);
}

export function removeBudgetLine(doc: Y.Doc, id: string) {
  removeEntries(doc, planParts(doc).budget, id);
}

/** `figure` links it to one of the synergy's impact figures; null or omitted for none. */
export function setIndicator(doc: Y.Doc, indicator: string, unit: string, expected: number, figure: string | null = null) {
  const entry = figure ? { indicator, unit, expected, figure } : { indicator, unit, expected };
  doc.transact(() => planParts(doc).indicators.set(indicatorKey(indicator, unit), entry));
}

export function removeIndicator(doc: Y.Doc, key: string) {
  doc.transact(() => planParts(doc).indicators.delete(key));
}

function updateEntry(doc: Y.Doc, list: Y.Array<unknown>, id: string, fields: Record<string, unknown>) {
  doc.transact(() => {
    for (const entry of list.toArray()) {
      if (idOf(entry) !== id) continue;
      const map = entry as Y.Map<unknown>;
      for (const [field, value] of Object.entries(fields)) {
        if (value !== undefined && map.get(field) !== value) map.set(field, value);
      }
    }
  });
}

/** Every entry of that id: two browsers adding the same id concurrently leave two, and removing takes both. */
function removeEntries(doc: Y.Doc, list: Y.Array<unknown>, id: string) {
  doc.transact(() => {
    const entries = list.toArray();
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      if (idOf(entries[index]) === id) list.delete(index, 1);
    }
  });
}
