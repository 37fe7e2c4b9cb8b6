/**
 * What differs between two states of a plan: for comparing named versions (the items themselves) and for the
 * planChanged event (who changed what, by id).
 */
import type { PlanAction, PlanAuthor, PlanBudgetLine, PlanIndicator } from '../../project/plan-document.port.js';
import type { PlanSnapshot } from './plan-reader.js';
import { indicatorKey } from './plan-shape.js';

export interface ItemChange<T> {
  before: T;
  after: T;
  /** The fields whose value differs. */
  fields: (keyof T)[];
}

export interface ListDiff<T> {
  added: T[];
  removed: T[];
  changed: ItemChange<T>[];
}

export interface PlanDiff {
  actions: ListDiff<PlanAction>;
  budget: ListDiff<PlanBudgetLine>;
  indicators: ListDiff<PlanIndicator>;
  summaryChanged: boolean;
  notesChanged: boolean;
}

function diffList<T extends object>(before: T[], after: T[], keyOf: (item: T) => string): ListDiff<T> {
  // The same list (a part planChanged did not read again): nothing to compare.
  if (before === after) return { added: [], removed: [], changed: [] };
  const beforeByKey = new Map(before.map((item) => [keyOf(item), item]));
  const afterKeys = new Set(after.map(keyOf));
  const changed: ItemChange<T>[] = [];
  const added: T[] = [];
  for (const item of after) {
    const previous = beforeByKey.get(keyOf(item));
    if (!previous) {
      added.push(item);
      continue;
    }
    // Both sides' fields: an optional field (an indicator's figure) set on one side only is a change too.
    const keys = new Set([...Object.keys(previous), ...Object.keys(item)] as (keyof T)[]);
    const fields = [...keys].filter((field) => (previous[field] ?? null) !== (item[field] ?? null));
    if (fields.length > 0) changed.push({ before: previous, after: item, fields });
  }
  return { added, removed: before.filter((item) => !afterKeys.has(keyOf(item))), changed };
}

export function diffPlans(a: PlanSnapshot, b: PlanSnapshot): PlanDiff {
  return {
    actions: diffList(a.actions, b.actions, (action) => action.id),
    budget: diffList(a.budget, b.budget, (line) => line.id),
    indicators: diffList(a.indicators, b.indicators, (entry) => indicatorKey(entry.indicator, entry.unit)),
    summaryChanged: a.summary !== b.summary,
    notesChanged: a.notesText !== b.notesText,
  };
}

export interface IdChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

/** A planChanged event's content: who changed which items (ids; indicators by `indicator|unit`). */
export interface PlanChangeDescription {
  author: PlanAuthor | null;
  actions: IdChanges;
  budget: IdChanges;
  indicators: IdChanges;
  summaryChanged: boolean;
  notesChanged: boolean;
  /** Nothing the plan shows changed (e.g. a presence-only or formatting-free no-op update). */
  empty: boolean;
}

function idsOf<T>(diff: ListDiff<T>, keyOf: (item: T) => string): IdChanges {
  return {
    added: diff.added.map(keyOf),
    removed: diff.removed.map(keyOf),
    changed: diff.changed.map((change) => keyOf(change.after)),
  };
}

export function describeChange(before: PlanSnapshot, after: PlanSnapshot, author: PlanAuthor | null = null): PlanChangeDescription {
  const diff = diffPlans(before, after);
  const lists = [diff.actions, diff.budget, diff.indicators];
  const empty =
    !diff.summaryChanged &&
    !diff.notesChanged &&
    lists.every((list) => list.added.length + list.removed.length + list.changed.length === 0);
  return {
    author,
    actions: idsOf(diff.actions, (action) => action.id),
    budget: idsOf(diff.budget, (line) => line.id),
    indicators: idsOf(diff.indicators, (entry) => indicatorKey(entry.indicator, entry.unit)),
    summaryChanged: diff.summaryChanged,
    notesChanged: diff.notesChanged,
    empty,
  };
}
