import type { EntityManager } from '@mikro-orm/postgresql';
import { performance } from 'node:perf_hooks';
import { mergeHere, type MergeParts } from './merge-thread.js';
import type { StageTimings } from './stage-timings.js';

export interface CompactionOptions {
  /** A document is compacted once its log holds at least this many updates, and is quiet (`idleMs`)… */
  minUpdates: number;
  /** Documents compacted per round, so that one round stays short. */
  documentsPerRound: number;
  /**
   * …that is, no update was logged for it in this long (ms; default 0: at once). Compaction is upkeep, not
   * durability (the log holds every update before it is applied): done while a document is typed in, it reads,
   * merges, writes and deletes beside the appends of that very document, on the same cores and the same WAL, and
   * the relays sent meanwhile were the slowest (bench/collab/relay-split.ts: p50 3.9 ms inside a document's
   * compaction, 1.3 outside). A document that goes quiet is compacted then.
   */
  idleMs?: number;
  /**
   * …or, quiet or not, once its log holds this many (default: no ceiling), so that a document typed in without a
   * pause still has its tail bounded: loading reads the snapshot and the tail.
   */
  maxUpdates?: number;
}

const LOCK_NOT_AVAILABLE = '55P03';

/** Tries that take the lock only when no INSERT holds the table (NOWAIT), this long apart, before one that waits. */
const HORIZON_NOWAIT_TRIES = 20;
const HORIZON_RETRY_MS = 5;
/** How long the last try may wait for the appends in flight; past it, the round is skipped (and retried). */
const HORIZON_LOCK_TIMEOUT = '200ms';

const READ_SEQUENCE = `select (case when is_called then last_value else 0 end)::text as horizon from collab_update_seq_seq`;

/**
 * The log's horizon: a sequence number at or below which every row is committed or rolled back, so that no row
 * numbered at or below it can appear later. A SHARE lock on the table (an INSERT holds ROW EXCLUSIVE from before its
 * rows are numbered until it ends) is taken and the sequence read, in one message of several statements (one
 * implicit transaction): the lock is held while PostgreSQL runs them, never across a round trip to this process.
 * It held for a round trip each (BEGIN, SET, LOCK, SELECT, COMMIT through the ORM, with this event loop's turns in
 * between), and a waiting lock holds the appends that arrive after it in the queue behind it: every append of
 * every instance waited, under load up to the 200 ms of its timeout, once a round (the relay's tail). So the lock
 * is first asked with NOWAIT, which never queues, in a moment when no INSERT is in flight; only after some tries
 * does it wait for them, as before. Null when the appends in flight did not end in time.
 */
export async function logHorizon(em: EntityManager, nowaitTries = HORIZON_NOWAIT_TRIES): Promise<string | null> {
  const knex = em.getConnection().getKnex();
  for (let attempt = 0; attempt <= nowaitTries; attempt++) {
    const waits = attempt === nowaitTries;
    const lock = waits
      ? `set local lock_timeout = '${HORIZON_LOCK_TIMEOUT}'; lock table collab_update in share mode`
      : `lock table collab_update in share mode nowait`;
    try {
      const results: { rows: { horizon: string }[] }[] = await knex.raw(`${lock}; ${READ_SEQUENCE}`);
      return results[results.length - 1].rows[0].horizon;
    } catch (error) {
      if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
      if (!waits) await new Promise((resolve) => setTimeout(resolve, HORIZON_RETRY_MS));
    }
  }
  return null;
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
    // Every row at or below the horizon, also one below the snapshot's own (a snapshot written before horizons), as
    // one value: their bytes end to end and their lengths. Read as rows, the hundreds of a round's document were as
    // many rows parsed, hex strings decoded and Buffers made on the event loop that relays every document's edits,
    // in one turn; one bytea is decoded at once, natively.
    const [log]: { bytes: Buffer | null; lengths: number[] | null }[] = await tx.execute(
      `select string_agg("update", ''::bytea order by seq) as bytes, array_agg(octet_length("update") order by seq) as lengths
         from collab_update where document_name = ? and seq <= ?`,
      [documentName, upTo],
    );
    if (!log?.bytes || !log.lengths?.length) return false;
    const parts: Uint8Array[] = [];
    let at = log.bytes.byteOffset;
    for (const length of log.lengths) {
      parts.push(new Uint8Array(log.bytes.buffer, at, length));
      at += length;
    }
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

/**
 * Documents whose log has grown past `minUpdates` and that are quiet (their last row older than `idleMs`, by the
 * database's clock: every instance appends to the same log), or whose log holds `maxUpdates`; most grown first.
 */
export async function documentsToCompact(em: EntityManager, { minUpdates, documentsPerRound, idleMs = 0, maxUpdates }: CompactionOptions): Promise<string[]> {
  const rows: { document_name: string }[] = await em.execute(
    `select document_name from collab_update group by document_name
      having count(*) >= ? and (max(created_at) <= now() - make_interval(secs => ?) or count(*) >= ?)
      order by count(*) desc limit ?`,
    [minUpdates, idleMs / 1000, maxUpdates ?? 2 ** 31 - 1, documentsPerRound],
  );
  return rows.map((r) => r.document_name);
}

/**
 * Compacts in the background every `everyMs`, until stopped; a failed round is logged and the next one retries.
 *
 * A round compacts its documents one at a time, `paceMs` apart (by default the round is spread over half of
 * `everyMs`). Back to back, the 20 documents of the collab benchmark were one burst of reads, merges (in the merge
 * thread, on the same two cores), snapshot writes and DELETEs every 10 s, seconds long under load, and the relays
 * slower than the bare server's p99 gathered in it (the relay trace's bursts: bench/collab/relay-split.ts); paced,
 * the same work is a document's at a time with the appends and the loop free in between. The round's one horizon
 * (one table lock) is kept: the rows logged since stay for the next round. A round still running when the next is
 * due is not doubled.
 */
export function startCompaction(
  unitOfWork: () => EntityManager,
  options: CompactionOptions & { everyMs: number; merge?: MergeParts; timings?: StageTimings; paceMs?: number; failedRetryMs?: number },
) {
  const merge = options.merge ?? mergeHere;
  const failedRetryMs = options.failedRetryMs ?? 10 * 60_000;
  /** Documents whose compaction failed, and until when they are left out of rounds. */
  const failedUntil = new Map<string, number>();
  const paceMs = options.paceMs ?? Math.floor(options.everyMs / 2 / Math.max(1, options.documentsPerRound));
  let stopped = false;
  let round: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  /** One document, with what it merged noted for the stage timings' trace. */
  async function compactOne(name: string, horizon: string): Promise<void> {
    const start = performance.now();
    let rows = 0;
    const counting: MergeParts = (parts) => {
      rows += parts.length;
      return merge(parts);
    };
    const done = await compactDocument(unitOfWork(), name, horizon, counting);
    options.timings?.compacted({ start, end: performance.now(), documents: done ? 1 : 0, rows });
  }

  /**
   * A document that fails (a stored part that cannot be applied, stored-parts.ts; its merge thread dying) is logged
   * and left out of rounds for `failedRetryMs` (10 min by default); the round goes on with the others. Ending the
   * round there, as it did, stopped every document's compaction for good once such a document's log was the most
   * grown: it is picked first, and grows on.
   */
  async function compactOrSetAside(name: string, horizon: string): Promise<void> {
    try {
      await compactOne(name, horizon);
      failedUntil.delete(name);
    } catch (error) {
      failedUntil.set(name, Date.now() + failedRetryMs);
      console.error(`Compacting live document ${name} failed (tried again in ${Math.round(failedRetryMs / 1000)} s):`, error instanceof Error ? error.message : error);
    }
  }

  async function runRound(): Promise<void> {
    try {
      const now = Date.now();
      for (const [name, until] of failedUntil) if (until <= now) failedUntil.delete(name);
      const chosen = await documentsToCompact(unitOfWork(), { ...options, documentsPerRound: options.documentsPerRound + failedUntil.size });
      const documents = chosen.filter((name) => !failedUntil.has(name)).slice(0, options.documentsPerRound);
      // One horizon for the round: the appends wait for it once, not once per document.
      const horizon = documents.length ? await logHorizon(unitOfWork()) : null;
      if (horizon === null) return;
      for (let k = 0; k < documents.length && !stopped; k++) {
        if (k > 0 && paceMs > 0) await pause(paceMs);
        if (!stopped) await compactOrSetAside(documents[k], horizon);
      }
    } catch (error) {
      console.error('Compacting live documents failed:', error instanceof Error ? error.message : error);
    }
  }

  const timer = setInterval(() => {
    round ??= runRound().finally(() => (round = null));
  }, options.everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      wake?.();
      await round;
    },
  };
}
