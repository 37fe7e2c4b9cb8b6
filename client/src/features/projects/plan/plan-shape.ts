/**
 * The browser's copy of the plan document's shape (server/src/collab/plan/plan-shape.ts is the reference; the
 * client may not import server code). `plan-shape.test.ts` reads the server's file and fails if the two disagree.
 *
 * - `meta` Y.Map: `title`, `summary`; `notes` Y.XmlFragment (TipTap's Collaboration `field`);
 * - `actions` Y.Array of Y.Map {id, title, ownerOrganizationId, dueDate YYYY-MM-DD, status};
 * - `budget` Y.Array of Y.Map {id, label, amountEur, funder};
 * - `indicators` Y.Map keyed `indicator|unit`, each a plain object {indicator, unit, expected} and `figure` when it is
 *   linked to one of the synergy's impact figures (an ImpactIndicator code).
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

export function indicatorKey(indicator: string, unit: string): string {
  return `${indicator}|${unit}`;
}

