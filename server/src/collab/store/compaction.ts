import type { EntityManager } from '@mikro-orm/postgresql';
import { mergeHere, type MergeParts } from './merge-thread.js';

export interface CompactionOptions {
  /** A document is compacted once its log holds at least this many updates. */
  minUpdates: number;
  /** Documents compacted per round, so that one round stays short. */
  documentsPerRound: number;
}

/** How long taking the horizon may wait for the appends in flight; past it, the round is skipped (and retried). */
const HORIZON_LOCK_TIMEOUT = '200ms';
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * The log's horizon: a sequence number at or below which every row is committed or rolled back, so that no row
 * numbered at or below it can appear later. Taken in a transaction of its own that waits for the INSERTs in flight
 * (a SHARE lock on the table: an INSERT holds ROW EXCLUSIVE from before its rows are numbered until it ends) and
 * reads the sequence; the appends that arrive meanwhile wait a moment, a few milliseconds once per round. Null
 * when the appends in flight did not end in time.
 */
export async function logHorizon(em: EntityManager): Promise<string | null> {
  try {
    return await em.transactional(async (tx) => {
      await tx.execute(`set local lock_timeout = '${HORIZON_LOCK_TIMEOUT}'`);
      await tx.execute(`lock table collab_update in share mode`);
      const [{ horizon }]: { horizon: string }[] = await tx.execute(
        `select (case when is_called then last_value else 0 end)::text as horizon from collab_update_seq_seq`,
      );
      return horizon;
    });
  } catch (error) {
    if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) return null;
    throw error;
  }
}

/**
 * Folds a document's logged updates up to the log's horizon into its snapshot, in one transaction: the merged state
 * is written with `up_to_seq` = the horizon, and the rows merged (all of the document's rows at or below it) are
 * deleted. Loading then reads the snapshot and the rows above `up_to_seq` only: the deleted rows, dead in the table
 * until vacuumed, are not even walked. One compactor per document across instances: a transaction-scoped advisory
 * lock on the document's name; an instance that does not get it skips the document this round. Returns whether it
 * compacted. `merge` folds the parts into one state: the server's does so in a thread of its own (merge-thread.ts),
 * so that the event loop, which relays every document's edits, only reads and writes rows meanwhile.
 */
export async function compactDocument(em: EntityManager, documentName: string, horizon?: string, merge: MergeParts = mergeHere): Promise<boolean> {
  const upTo = horizon ?? (await logHorizon(em.fork()));
  if (upTo === null) return false;
  return em.transactional(async (tx) => {
    const [lock]: { locked: boolean }[] = await tx.execute(`select pg_try_advisory_xact_lock(hashtext('collab:' || ?)) as locked`, [documentName]);
    if (!lock.locked) return false;
    const [snapshot]: { state: Buffer; up_to_seq: string }[] = await tx.execute(
      `select state, up_to_seq::text as up_to_seq from collab_snapshot where document_name = ?`,
      [documentName],
    );
    if (snapshot && BigInt(snapshot.up_to_seq) >= BigInt(upTo)) return false;
    // Every row at or below the horizon, also one below the snapshot's own (a snapshot written before horizons).
    const rows: { update: Buffer }[] = await tx.execute(`select "update" from collab_update where document_name = ? and seq <= ? order by seq`, [
      documentName,
      upTo,
    ]);
    if (!rows.length) return false;
    const parts = rows.map((row) => new Uint8Array(row.update.buffer, row.update.byteOffset, row.update.byteLength));
    if (snapshot) parts.unshift(new Uint8Array(snapshot.state.buffer, snapshot.state.byteOffset, snapshot.state.byteLength));
    const merged = await merge(parts);
    const state = Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength);
    await tx.execute(
      `insert into collab_snapshot (document_name, state, up_to_seq, updated_at) values (?, ?, ?, now())
       on conflict (document_name) do update set state = excluded.state, up_to_seq = excluded.up_to_seq, updated_at = now()`,
      [documentName, state, upTo],
    );
    await tx.execute(`delete from collab_update where document_name = ? and seq <= ?`, [documentName, upTo]);
    return true;
  });
}

/** Documents whose log has grown past the threshold, most grown first. */
export async function documentsToCompact(em: EntityManager, { minUpdates, documentsPerRound }: CompactionOptions): Promise<string[]> {
  const rows: { document_name: string }[] = await em.execute(
    `select document_name from collab_update group by document_name having count(*) >= ? order by count(*) desc limit ?`,
    [minUpdates, documentsPerRound],
  );
  return rows.map((r) => r.document_name);
}

/** Compacts in the background every `everyMs`, until stopped; a failed round is logged and the next one retries. */
export function startCompaction(unitOfWork: () => EntityManager, options: CompactionOptions & { everyMs: number; merge?: MergeParts }) {
  let round: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    round = round.then(async () => {
      try {
        const documents = await documentsToCompact(unitOfWork(), options);
        // One horizon for the round: the appends wait for it once, not once per document.
        const horizon = documents.length ? await logHorizon(unitOfWork()) : null;
        if (horizon === null) return;
        for (const name of documents) await compactDocument(unitOfWork(), name, horizon, options.merge);
      } catch (error) {
        console.error('Compacting live documents failed:', error instanceof Error ? error.message : error);
      }
    });
  }, options.everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await round;
    },
  };
}
