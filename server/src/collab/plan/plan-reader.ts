/**
 * Reads the plan's structured parts and its notes' text out of a document that clients wrote: an entry of the
 * wrong type is skipped, a field of the wrong type falls back to its empty value, nothing throws.
 */
import * as Y from 'yjs';
import type {
  PlanAction,
  PlanActionStatus,
  PlanBudgetLine,
  PlanContent,
  PlanIndicator,
} from '../../project/plan-document.port.js';
import { isImpactIndicator } from '../../vocabulary/impact.enums.js';
import { indicatorKey, planParts, type PlanPartName, type PlanParts } from './plan-shape.js';

/** The plan as versions compare it: its structured parts and the plain text of its notes. */
export type PlanSnapshot = PlanContent & { notesText: string };

export const ACTION_STATUSES: readonly PlanActionStatus[] = ['TODO', 'IN_PROGRESS', 'DONE'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** A map entry's fields, whether a client wrote a Y.Map (the shape) or a plain object (tolerated when reading). */
function fieldsOf(entry: unknown): ((key: string) => unknown) | null {
  if (entry instanceof Y.Map) return (key) => entry.get(key);
  if (entry !== null && typeof entry === 'object' && !(entry instanceof Y.AbstractType) && !Array.isArray(entry)) {
    return (key) => (Object.hasOwn(entry, key) ? (entry as Record<string, unknown>)[key] : undefined);
  }
  return null;
}

export function readAction(entry: unknown): PlanAction | null {
  if (!(entry instanceof Y.Map)) return null;
  const id = entry.get('id');
  if (typeof id !== 'string' || id === '') return null;
  const status = entry.get('status');
  const dueDate = entry.get('dueDate');
  return {
    id,
    title: text(entry.get('title')),
    ownerOrganizationId: textOrNull(entry.get('ownerOrganizationId')),
    dueDate: isIsoDate(dueDate) ? dueDate : null,
    status: ACTION_STATUSES.includes(status as PlanActionStatus) ? (status as PlanActionStatus) : 'TODO',
  };
}

export function readBudgetLine(entry: unknown): PlanBudgetLine | null {
  if (!(entry instanceof Y.Map)) return null;
  const id = entry.get('id');
  if (typeof id !== 'string' || id === '') return null;
  return {
    id,
    label: text(entry.get('label')),
    amountEur: finite(entry.get('amountEur')) ?? 0,
    funder: textOrNull(entry.get('funder')),
  };
}

/** Only under its own key: an entry filed under another key would show one expectation twice. */
function readIndicator(entry: unknown, key: string): PlanIndicator | null {
  const field = fieldsOf(entry);
  if (!field) return null;
  const indicator = field('indicator');
  const unit = field('unit');
  const expected = finite(field('expected'));
  if (typeof indicator !== 'string' || typeof unit !== 'string' || expected === null) return null;
  if (key !== indicatorKey(indicator, unit)) return null;
  // A link a client wrote that names no known figure is no link.
  const figure = field('figure');
  return isImpactIndicator(figure) ? { indicator, unit, expected, figure } : { indicator, unit, expected };
}

/** The first entry of each id wins: two clients adding the same id concurrently must not show it twice. */
function distinctById<T extends { id: string }>(entries: (T | null)[]): T[] {
  const seen = new Set<string>();
  return entries.filter((entry): entry is T => {
    if (!entry || seen.has(entry.id)) return false;
    seen.add(entry.id);
    return true;
  });
}

function readIndicators(parts: PlanParts): PlanIndicator[] {
  return (
    [...parts.indicators.entries()]
      .map(([key, entry]) => readIndicator(entry, key))
      .filter((entry): entry is PlanIndicator => entry !== null)
      // A map's iteration order follows integration order, which differs between replicas: sort for one answer.
      .sort((a, b) => compare(a.indicator, b.indicator) || compare(a.unit, b.unit))
  );
}

/** Each part of the snapshot, read from the root type of the same name (`meta` holds the summary). */
const PART_READERS = {
  meta: (parts: PlanParts) => ({ summary: text(parts.meta.get('summary')) }),
  notes: (parts: PlanParts) => ({ notesText: plainTextOf(parts.notes) }),
  actions: (parts: PlanParts) => ({ actions: distinctById(parts.actions.toArray().map(readAction)) }),
  budget: (parts: PlanParts) => ({ budget: distinctById(parts.budget.toArray().map(readBudgetLine)) }),
  indicators: (parts: PlanParts) => ({ indicators: readIndicators(parts) }),
} satisfies Record<PlanPartName, (parts: PlanParts) => Partial<PlanSnapshot>>;

export function readPlan(doc: Y.Doc): PlanContent {
  const parts = planParts(doc);
  return {
    ...PART_READERS.meta(parts),
    ...PART_READERS.actions(parts),
    ...PART_READERS.budget(parts),
    ...PART_READERS.indicators(parts),
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The notes as plain text, one line per block, for comparing versions and searching. */
export function plainTextOfNotes(doc: Y.Doc): string {
  return plainTextOf(planParts(doc).notes);
}

function plainTextOf(notes: Y.XmlFragment): string {
  return blocksOf(notes).join('\n');
}

/**
 * An XmlText's characters as its delta's string inserts joined (formatting and non-string embeds are not text), read
 * off its items in one walk instead of through `toDelta()`, which builds an operation and an attribute object per
 * run of formatting: a snapshot of the notes per planChanged batch made that a share of the server's allocation
 * under typing. plan-reader.test.ts checks it against `toDelta()`.
 */
export function textOfXmlText(text: Y.XmlText): string {
  let out = '';
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentString) out += content.str;
    // An embed a client wrote as a bare string is a string insert of the delta.
    else if (content instanceof Y.ContentEmbed && typeof content.embed === 'string') out += content.embed;
  }
  return out;
}

function blocksOf(node: Y.XmlFragment | Y.XmlElement): string[] {
  const blocks: string[] = [];
  let inline = '';
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      inline += textOfXmlText(child);
    } else if (child instanceof Y.XmlElement) {
      const inner = blocksOf(child);
      if (inline) blocks.push(inline);
      inline = '';
      // An empty paragraph is still a line.
      blocks.push(...(inner.length > 0 ? inner : ['']));
    }
    // Anything else is not rich text: a client wrote garbage, it has no text.
  }
  if (inline) blocks.push(inline);
  return blocks;
}

export function snapshotPlan(doc: Y.Doc): PlanSnapshot {
  return { ...readPlan(doc), notesText: plainTextOfNotes(doc) };
}

/**
 * `base` with the given parts read again from `doc`, the others kept as they are (the same arrays): after a
 * transaction that touched only the notes, the actions, budget and indicators are not read again.
 */
export function refreshSnapshot(doc: Y.Doc, base: PlanSnapshot, touched: Iterable<PlanPartName>): PlanSnapshot {
  const parts = planParts(doc);
  let snapshot = base;
  for (const part of touched) snapshot = { ...snapshot, ...PART_READERS[part](parts) };
  return snapshot;
}
