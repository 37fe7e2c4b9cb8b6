/** What the main thread and the durability thread (durability-worker.ts) tell each other. */

export interface DurabilityWorkerData {
  /** The server's own database: its DATABASE_URL, or the embedded PGlite's socket (start-app.ts). */
  clientUrl: string;
  /** Embedded PGlite: one backend for every connection, so no named prepared statements. */
  embedded: boolean;
  /** Two int32: the batch being checked (its id + 1, 0 when none) and the index of its update being checked. */
  progress: SharedArrayBuffer;
  /** The clients' update format: y-protocols' sync (Hocuspocus) sends v1. */
  encoding: 'v1' | 'v2';
  /** INSERTs committing at once (each on a connection of its own). */
  maxInFlight: number;
}

/**
 * The updates of one turn of the main thread's event loop, as one flat array: structured cloning an object of
 * arrays (and transferring a small buffer) cost 2–3 times a flat array's clone, per message, on the event loop.
 * [batch id, every update's bytes one after the other, then per update: its lane (0 for none), where it ends in
 * the bytes, its document, its author].
 */
export type DurabilityBatch = (number | string | null | Uint8Array)[];

/** Fields per update after the batch's first two. */
export const BATCH_STRIDE = 4;

/**
 * Batches answered together: [why they failed (null when committed), the refused updates as [batch id, index in
 * the batch, why] (null when none), then the batch ids].
 */
export type DurabilityReply = [string | null, [number, number, string][] | null, ...number[]];
