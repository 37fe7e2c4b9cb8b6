/**
 * The shape of a project plan's Yjs document: one place names its parts, for the server's editor and reader and for
 * the browser. Every part is a root type, so a client that never saw a part still merges into the same one.
 *
 * - `meta` Y.Map: `title`, `summary` (strings).
 * - `notes` Y.XmlFragment: the rich-text notes. TipTap 3's Collaboration extension binds to the fragment named by
 *   its `field` option, `'default'` unless told otherwise: the client must configure
 *   `Collaboration.configure({ document, field: PLAN_FIELDS.notes })`.
 * - `actions` Y.Array of Y.Map: `id`, `title`, `ownerOrganizationId` (the organisation's database id; the API also
 *   reads the GraphQL global ID a browser may write), `dueDate` (YYYY-MM-DD), `status`.
 * - `budget` Y.Array of Y.Map: `id`, `label`, `amountEur`, `funder`.
 * - `indicators` Y.Map keyed `indicator|unit`, each value a plain object `{ indicator, unit, expected }`, and `figure`
 *   when it is linked to one of the synergy's impact figures (an ImpactIndicator code such as `CO2E_AVOIDED_T`).
 *
 * Anything a client writes is untrusted: readers skip or normalise entries of the wrong type, never throw.
 */
import * as Y from 'yjs';

export const PLAN_FIELDS = {
  meta: 'meta',
  notes: 'notes',
  actions: 'actions',
  budget: 'budget',
  indicators: 'indicators',
} as const;

export interface PlanParts {
  meta: Y.Map<unknown>;
  notes: Y.XmlFragment;
  actions: Y.Array<unknown>;
  budget: Y.Array<unknown>;
  indicators: Y.Map<unknown>;
}

export type PlanPartName = keyof PlanParts;

export function planParts(doc: Y.Doc): PlanParts {
  return {
    meta: doc.getMap(PLAN_FIELDS.meta),
    notes: doc.getXmlFragment(PLAN_FIELDS.notes),
    actions: doc.getArray(PLAN_FIELDS.actions),
    budget: doc.getArray(PLAN_FIELDS.budget),
    indicators: doc.getMap(PLAN_FIELDS.indicators),
  };
}

/** Indicators are keyed by name and unit: "tCO2e évitées|t/an" and "tCO2e évitées|kt/an" are two expectations. */
export function indicatorKey(indicator: string, unit: string): string {
  return `${indicator}|${unit}`;
}

/** A type of a document, as a transaction names the types it changed. */
type AnyType = Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>;

/** A plan's root types, each to its part's name. */
export type PlanRoots = Map<AnyType, PlanPartName>;

/**
 * The plan's root types, instantiated now with their types if they were not: they then stay the same objects for
 * the document's life (a root first met in an update without a type is replaced once, by the first `get` with one).
 */
export function planRoots(doc: Y.Doc): PlanRoots {
  const parts = planParts(doc);
  return new Map((Object.keys(parts) as PlanPartName[]).map((name) => [parts[name] as unknown as AnyType, name]));
}

/**
 * Adds to `into` the parts of the plan a transaction changed: each type it changed (a type whose own content changed,
 * or the one an item was added to or deleted from) leads up through its parents to a root type. Roots that are no
 * part of the plan show nothing and are ignored.
 */
export function touchedParts(transaction: Y.Transaction, roots: PlanRoots, into: Set<PlanPartName>): void {
  for (const type of transaction.changed.keys()) {
    let root = type;
    while (root._item !== null && root._item.parent instanceof Y.AbstractType) root = root._item.parent;
    const part = roots.get(root);
    if (part) into.add(part);
  }
}
