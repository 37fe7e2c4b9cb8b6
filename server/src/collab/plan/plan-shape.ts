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
