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
import { indicatorKey, planParts } from './plan-shape.js';

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

export function readPlan(doc: Y.Doc): PlanContent {
  const parts = planParts(doc);
  const indicators = [...parts.indicators.entries()]
    .map(([key, entry]) => readIndicator(entry, key))
    .filter((entry): entry is PlanIndicator => entry !== null)
    // A map's iteration order follows integration order, which differs between replicas: sort for one answer.
    .sort((a, b) => compare(a.indicator, b.indicator) || compare(a.unit, b.unit));
  return {
    summary: text(parts.meta.get('summary')),
    actions: distinctById(parts.actions.toArray().map(readAction)),
    budget: distinctById(parts.budget.toArray().map(readBudgetLine)),
    indicators,
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The notes as plain text, one line per block, for comparing versions and searching. */
export function plainTextOfNotes(doc: Y.Doc): string {
  return blocksOf(planParts(doc).notes).join('\n');
}

function blocksOf(node: Y.XmlFragment | Y.XmlElement): string[] {
  const blocks: string[] = [];
  let inline = '';
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      inline += textOfDelta(child.toDelta());
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

function textOfDelta(delta: unknown): string {
  if (!Array.isArray(delta)) return '';
  return delta.map((op) => (typeof op?.insert === 'string' ? op.insert : '')).join('');
}

export function snapshotPlan(doc: Y.Doc): PlanSnapshot {
  return { ...readPlan(doc), notesText: plainTextOfNotes(doc) };
}
