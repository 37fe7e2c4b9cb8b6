import type { EntityManager } from '@mikro-orm/postgresql';
import * as Y from 'yjs';

export interface CompactionOptions {
  /** A document is compacted once its log holds at least this many updates. */
  minUpdates: number;
  /** Documents compacted per round, so that one round stays short. */
  documentsPerRound: number;
}

/**
 * Folds a document's logged updates into its snapshot, in one transaction: the merged state is written and exactly
 * the rows merged are deleted (a row committed meanwhile stays in the log, and loading still reads it). One
 * compactor per document across instances: a transaction-scoped advisory lock on the document's name; an instance
 * that does not get it skips the document this round. Returns whether it compacted.
 */
export async function compactDocument(em: EntityManager, documentName: string): Promise<boolean> {
  return em.transactional(async (tx) => {
    const [lock]: { locked: boolean }[] = await tx.execute(`select pg_try_advisory_xact_lock(hashtext('collab:' || ?)) as locked`, [documentName]);
    if (!lock.locked) return false;
    const [snapshot]: { state: Buffer }[] = await tx.execute(`select state from collab_snapshot where document_name = ?`, [documentName]);
    const rows: { seq: string; update: Buffer }[] = await tx.execute(
      `select seq, "update" from collab_update where document_name = ? order by seq`,
      [documentName],
    );
    if (!rows.length) return false;
    const doc = new Y.Doc();
    try {
      if (snapshot) Y.applyUpdate(doc, new Uint8Array(snapshot.state));
      for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update));
      const state = Buffer.from(Y.encodeStateAsUpdate(doc));
      const upTo = rows[rows.length - 1].seq;
      await tx.execute(
        `insert into collab_snapshot (document_name, state, up_to_seq, updated_at) values (?, ?, ?, now())
         on conflict (document_name) do update set state = excluded.state, up_to_seq = excluded.up_to_seq, updated_at = now()`,
        [documentName, state, upTo],
      );
      // By the rows merged, not `seq <= upTo`: a row numbered earlier may have committed after the read above.
      await tx.execute(`delete from collab_update where seq = any(string_to_array(?, ',')::bigint[])`, [rows.map((r) => r.seq).join(',')]);
    } finally {
      doc.destroy();
    }
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
export function startCompaction(unitOfWork: () => EntityManager, options: CompactionOptions & { everyMs: number }) {
  let round: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    round = round.then(async () => {
      try {
        for (const name of await documentsToCompact(unitOfWork(), options)) await compactDocument(unitOfWork(), name);
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
