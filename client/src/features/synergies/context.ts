import type { OperationContext } from 'urql';

/**
 * Context for operations whose results must refresh when any synergy changes (a decision, a detection, a live
 * suggestion): the document cache then re-runs every query marked so. A constant, since urql re-runs a query whose
 * context object changes.
 */
export const SYNERGY_DEPENDENT: Partial<OperationContext> = { additionalTypenames: ['Synergy'] };
