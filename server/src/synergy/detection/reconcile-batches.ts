import type { ReconcileResult } from './reconcile.js';

/**
 * Rows (synergies and their participants) reconciled per flush: each batch is a short burst of work between
 * database round trips, so a detection that reconciles thousands of synergies never holds the event loop for long.
 * Counted in rows, not synergies: a mutualisation may have dozens of participants.
 */
export const RECONCILE_BATCH_ROWS = 100;

/** `items` in batches of about RECONCILE_BATCH_ROWS rows, `rows` telling how many each item writes. */
export function* batches<T>(items: T[], rows: (item: T) => number): Generator<T[]> {
  let batch: T[] = [];
  let size = 0;
  for (const item of items) {
    batch.push(item);
    size += rows(item);
    if (size >= RECONCILE_BATCH_ROWS) {
      yield batch;
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

/** Two results (of two batches, two roots) as one. */
export function mergeResults(a: ReconcileResult, b: ReconcileResult): ReconcileResult {
  return {
    suggested: [...a.suggested, ...b.suggested],
    updated: a.updated + b.updated,
    stale: a.stale + b.stale,
    withdrawn: a.withdrawn + b.withdrawn,
    regrouped: a.regrouped + b.regrouped,
  };
}
