import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../errors/domain-errors.js';

/** How long a reconciliation waits for another instance's reconciliation of the same root, by default. */
export const ROOT_LOCK_TIMEOUT_MS = 60_000;

/** Another reconciliation of the root held it longer than the timeout: nothing was written. */
export const rootBusy = () => new DomainError('CONFLICT', 'The synergies of this territory are being updated by another detection: try again in a moment.');

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
}

/**
 * Several instances (or an import command) share a PostgreSQL server: the root's advisory lock, taken in a
 * transaction of its own that holds nothing else (no row is locked, so people deciding on synergies are never blocked
 * by it). It is released when the transaction ends, also if the process dies. The work runs on other connections
 * and commits batch by batch, as before: the lock orders reconciliations, it does not make one atomic. Throws
 * rootBusy() if the lock is not obtained within `timeoutMs`.
 */
export function advisoryRootLocks(timeoutMs = ROOT_LOCK_TIMEOUT_MS): RootLocks {
  return {
    hold: (em, root, work) =>
      em
        .getConnection()
        .getKnex()
        .transaction(async (trx) => {
          await trx.raw(`set local lock_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
          try {
            await trx.raw(`select pg_advisory_xact_lock(hashtext('synergy-root'), hashtext(?))`, [root]);
          } catch (error) {
            // lock_not_available: the wait hit lock_timeout.
            if ((error as { code?: string }).code === '55P03') throw rootBusy();
            throw error;
          }
          const { rows } = (await trx.raw(`select reconciled_by from synergy_root_reconciliation where root_id = ?`, [root])) as { rows: { reconciled_by: string }[] };
          let token: string | null = null;
          const result = await work({ lastReconciledBy: rows[0]?.reconciled_by ?? null, reconciledBy: (t) => (token = t) });
          if (token !== null) {
            await trx.raw(
              `insert into synergy_root_reconciliation (root_id, reconciled_by) values (?, ?)
               on conflict (root_id) do update set reconciled_by = excluded.reconciled_by, reconciled_at = now()`,
              [root, token],
            );
          }
          return result;
        }),
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
  };
}
