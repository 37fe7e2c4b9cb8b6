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

/** The updates of one turn of the main thread's event loop: their bytes in one transferred buffer. */
export interface DurabilityBatch {
  id: number;
  bytes: ArrayBuffer;
  /** Where each update ends in `bytes`. */
  ends: number[];
  docs: string[];
  authors: (string | null)[];
  /** The connection (lane) of each update; 0 for none. */
  lanes: number[];
}

/** Batches answered together: committed, but for the refused updates; or all failed (`error`) but for those. */
export interface DurabilityReply {
  ids: number[];
  /** [batch id, index in the batch, why]. */
  refused: [number, number, string][];
  error?: string;
}
