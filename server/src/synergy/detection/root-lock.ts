import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '../../errors/domain-errors.js';

/** How long a reconciliation waits for another instance's reconciliation of the same root, by default. */
export const ROOT_LOCK_TIMEOUT_MS = 60_000;

/** Another reconciliation of the root held it longer than the timeout: nothing was written. */
export const rootBusy = () => conflict('The synergies of this territory are being updated by another detection: try again in a moment.');

export interface RootLock {
  /**
   * The detector that reconciled the root last (a token of SynergyDetection's scope), on whatever instance. A
   * detector that finds another token here missed writes made since it was loaded: it reconciles the root in full.
   */
  lastReconciledBy: string | null;
  /** Records that `token`'s detector has just reconciled the root (kept only if `work` succeeds). */
  reconciledBy(token: string): void;
}

/** One reconciliation of a root at a time, among every process that writes the root's synergies. */
export interface RootLocks {
  hold<T>(em: EntityManager, root: string, work: (lock: RootLock) => Promise<T>): Promise<T>;
  /** Closes what the locks keep open (graceful shutdown). */
  close(): Promise<void>;
}

interface PgConnection {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** Set by knex when the connection failed or ended: it is not used again. */
  __knex__disposed?: unknown;
  connection?: { stream?: { ref?(): void; unref?(): void } };
}

interface KnexClient {
  /** A connection of its own, outside the pool, with the pool's settings (knex's own way to make one). */
  acquireRawConnection(): Promise<PgConnection>;
  destroyRawConnection(connection: PgConnection): Promise<void>;
}

/**
 * Several instances (or an import command) share a PostgreSQL server: the root's advisory lock, taken in a
 * transaction of its own that holds nothing else (no row is locked, so people deciding on synergies are never blocked
 * by it). It is released when the transaction ends, also if the process dies. The work runs on the pool's
 * connections and commits batch by batch, as before: the lock orders reconciliations, it does not make one atomic.
 * The lock's transaction runs on a connection outside the pool (kept for the next one): taken from the pool, the
 * roots reconciled at once would each hold one while their work waits for another, and a small pool would wait
 * forever. Throws rootBusy() if the lock is not obtained within `timeoutMs`.
 */
export function advisoryRootLocks(timeoutMs = ROOT_LOCK_TIMEOUT_MS): RootLocks {
  const idle: PgConnection[] = [];
  let client: KnexClient | undefined;
  const discard = (connection: PgConnection) => client!.destroyRawConnection(connection).catch(() => {});
  return {
    async hold(em, root, work) {
      client ??= em.getConnection().getKnex().client as KnexClient;
      const connection = idle.pop() ?? (await client.acquireRawConnection());
      // Keeps the process alive while it waits or holds; idle, it does not (a CLI exits when done).
      connection.connection?.stream?.ref?.();
      let reusable = false;
      try {
        await connection.query('begin');
        try {
          await connection.query(`set local lock_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
          await connection.query(`select pg_advisory_xact_lock(hashtext('synergy-root'), hashtext($1))`, [root]);
          const { rows } = await connection.query(`select reconciled_by from synergy_root_reconciliation where root_id = $1`, [root]);
          let token: string | null = null;
          const result = await work({ lastReconciledBy: (rows[0]?.reconciled_by as string | undefined) ?? null, reconciledBy: (t) => (token = t) });
          if (token !== null) {
            await connection.query(
              `insert into synergy_root_reconciliation (root_id, reconciled_by) values ($1, $2)
               on conflict (root_id) do update set reconciled_by = excluded.reconciled_by, reconciled_at = now()`,
              [root, token],
            );
          }
          await connection.query('commit');
          reusable = true;
          return result;
        } catch (error) {
          await connection.query('rollback').then(
            () => (reusable = true),
            () => {},
          );
          // lock_not_available: the wait hit lock_timeout.
          if ((error as { code?: string }).code === '55P03') throw rootBusy();
          throw error;
        }
      } finally {
        if (reusable && !connection.__knex__disposed) {
          connection.connection?.stream?.unref?.();
          idle.push(connection);
        } else void discard(connection);
      }
    },
    async close() {
      await Promise.all(idle.splice(0).map(discard));
    },
  };
}

/**
 * One process owns the database (embedded PGlite, which also serves every connection from one session: a
 * transaction held open there would stop the work's own statements). SynergyDetection's per-root queue already
 * orders this process's reconciliations; only the last one's detector is remembered.
 */
export function processRootLocks(): RootLocks {
  const last = new Map<string, string>();
  return {
    async hold(_em, root, work) {
      let token: string | null = null;
      const result = await work({ lastReconciledBy: last.get(root) ?? null, reconciledBy: (t) => (token = t) });
      if (token !== null) last.set(root, token);
      return result;
    },
    async close() {},
  };
}
