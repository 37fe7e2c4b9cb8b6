import { UntrustedUpdateError } from '../untrusted/update-checker.js';
import { inlineShape, updateError } from '../untrusted/update-verdict.js';
import type { DurabilityThread, UntrustedAppend } from './durability-thread.js';
import type { StageTimings } from './stage-timings.js';
import type { UpdateLog } from './update-log.js';

export interface DurableAppendOptions {
  /** The clients' update format: only v1 (what y-protocols' sync sends) has a bounded reader, so a fast path. */
  encoding?: 'v1' | 'v2';
  /** Structs and deleted ranges, and bytes, up to which a vouched-for update is checked here (0: never). */
  inlineMaxStructs?: number;
  inlineMaxBytes?: number;
}

/**
 * A client's update, checked and committed before anything else happens to it, by one of two paths:
 *
 *   fast — a v1 update the bounded reader (untrusted/bounded-update.ts) vouches for and that holds few structs (a
 *          keystroke, a paste): its check is bounded, so it runs here, on the main thread, and the update is
 *          appended by the main thread's own connections (store/update-log.ts: group commit, up to four INSERTs in
 *          flight, pg's async I/O). Its relay makes two hand-offs, main → PostgreSQL → main, as a bare INSERT +
 *          COMMIT does;
 *   slow — any other (large, unknown contents, truncated, what no bound can be proven for): to the durability
 *          thread (durability-thread.ts), where a watchdog can stop a check that loops. Four hand-offs: main →
 *          thread → PostgreSQL → thread → main, each a wake-up that waits for a core on a busy machine.
 *
 * The typing benchmark's relay tail was the slow path's hand-offs, not work: the event loop's delay p99 stayed at a
 * few ms while the relay p99 was several commits' time above the bare relay's.
 *
 * A connection's updates keep what the durability thread alone gave them: while one of its updates is on the slow
 * path, its later ones follow it there (checked after it, and refused when it is, never logged past a gap); an
 * update refused here refuses its connection's later ones on either path (the thread's refused lanes). While the
 * thread is broken (it keeps dying, /readyz answers 503), no update is logged by either path, as before.
 */
export function createDurableAppend(thread: DurabilityThread, log: UpdateLog, timings: StageTimings, options: DurableAppendOptions = {}) {
  const { encoding = 'v1', inlineMaxStructs, inlineMaxBytes } = options;
  /** Connections with updates still on the slow path, and how many. */
  const slow = new Map<number, number>();

  const left = (lane: number) => () => {
    const n = (slow.get(lane) ?? 1) - 1;
    if (n > 0) slow.set(lane, n);
    else slow.delete(lane);
  };

  function slowPath(entry: UntrustedAppend, at: number): Promise<void> {
    const appended = thread.append(entry);
    if (entry.lane !== 0) {
      slow.set(entry.lane, (slow.get(entry.lane) ?? 0) + 1);
      const done = left(entry.lane);
      appended.then(done, done);
    }
    if (at !== 0) {
      // The whole trip through the thread (check, queue and commit there) is its 'commit' stage.
      void appended.then(() => {
        const committed = timings.now();
        timings.record('commit', at, committed);
        timings.committed(entry.update, committed);
      }, () => {});
    }
    return appended;
  }

  /**
   * Resolves once the update passed its check and its row is committed; rejects (UntrustedUpdateError) when it is
   * refused, or with an Error when it could not be committed. `at`: its arrival, for the stage timings (0: none).
   */
  return function append(entry: UntrustedAppend, at = 0): Promise<void> {
    const { lane, update } = entry;
    // Lane 0 (an update not seen on arrival, appended in its turn): its connection's earlier updates are settled.
    const shape = encoding === 'v1' && (lane === 0 || !slow.has(lane)) ? inlineShape(update, inlineMaxStructs, inlineMaxBytes) : null;
    if (!shape) return slowPath(entry, at);
    const broken = thread.failure();
    if (broken !== null) return Promise.reject(new Error(broken));
    if (thread.laneRefused(lane)) return Promise.reject(new UntrustedUpdateError('MALFORMED', 'An earlier update of this connection was refused.'));
    const error = updateError(update, 'v1', shape);
    if (error !== null) {
      thread.refuseLane(lane);
      return Promise.reject(new UntrustedUpdateError('MALFORMED', `Malformed update: ${error}`));
    }
    if (at !== 0) timings.record('check', at);
    return log.append({ documentName: entry.documentName, update, authorId: entry.authorId }, at);
  };
}

export type DurableAppend = ReturnType<typeof createDurableAppend>;
