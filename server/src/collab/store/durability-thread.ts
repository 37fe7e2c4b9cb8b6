import { performance } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../threads/module-worker.js';
import { UntrustedUpdateError } from '../untrusted/update-checker.js';
import { threadCpuMs } from '../untrusted/update-verdict.js';
import { SentBatches } from './sent-batches.js';
import type { DurabilityBatch, DurabilityReply, DurabilityWorkerData } from './durability-protocol.js';

export interface DurabilityOptions {
  /** The server's database, as MikroORM is given it (DATABASE_URL or the embedded PGlite's socket). */
  clientUrl: string;
  embedded: boolean;
  /** CPU time (ms) one update's check may take before the thread is terminated and the update refused. */
  timeoutMs?: number;
  maxBytes?: number;
  /** Heap of the thread: a memory bomb ends the thread, not the process. */
  workerHeapMb?: number;
  /** The clients' update format (default v1: what y-protocols' sync sends). */
  encoding?: 'v1' | 'v2';
  /** INSERTs committing at once (default 4; 1 for embedded PGlite, which serves one query at a time). */
  maxInFlight?: number;
  /**
   * After the thread died MAX_BLAMELESS_DEATHS times in a row with no update to blame, appends fail for this long
   * (ms, default 5,000), then a new thread is tried (the wait doubles on each new failure, up to a minute).
   */
  retryAfterMs?: number;
}

/** A client's update to check and log: `lane` is its connection's (0 for none), see UpdateLane. */
export interface UntrustedAppend {
  lane: number;
  documentName: string;
  update: Uint8Array;
  authorId: string | null;
}

interface Entry extends UntrustedAppend {
  resolve(): void;
  reject(error: Error): void;
}

/** Whatever happens, a check is stopped after this many times its CPU allowance of wall time. */
const WALL_LIMIT_FACTOR = 25;
/** Refused connections remembered (see refuse). */
const MAX_FAILED_LANES = 10_000;
/** Threads that died in a row with no update to blame, after which every append fails instead of respawning. */
const MAX_BLAMELESS_DEATHS = 3;

/**
 * Checks and logs clients' updates on a thread of its own (durability-worker.ts): `append` resolves once the update
 * passed its check and its row is committed in PostgreSQL, and rejects (UntrustedUpdateError) when it is refused,
 * or with an Error when it could not be committed; never resolves for an update that is not committed.
 *
 * The updates appended in one turn of the event loop go in one message (a flat array, their bytes in one buffer). The
 * thread writes which update it is checking into shared memory; a watchdog reads it while batches are out, with
 * the thread's CPU time, and an update still being checked after `timeoutMs` of CPU (a crafted update that loops
 * the Yjs decoder) gets the thread terminated: that update is refused (TIMEOUT) with its connection's later ones,
 * and every other update not yet answered is sent again to a new thread, in order. A batch whose INSERT was sent
 * but not answered may then be logged twice: Yjs applies an update twice as once, and none is acknowledged before
 * its commit is.
 */
export function createDurabilityThread(options: DurabilityOptions) {
  const { clientUrl, embedded, timeoutMs = 200, maxBytes = 1024 * 1024, workerHeapMb = 64, encoding = 'v1' } = options;
  const maxInFlight = options.maxInFlight ?? (embedded ? 1 : 4);
  const queue: Entry[] = [];
  const sent = new SentBatches<Entry[]>();
  /** Connections one of whose updates was refused: their later updates are refused (no gap in a connection's log). */
  const failedLanes = new Set<number>();
  let worker: Worker | null = null;
  let progress: Int32Array<ArrayBufferLike> = new Int32Array(0);
  let tid: number | undefined;
  let ready = false;
  let closed = false;
  let broken: Error | null = null;
  /** When appends may try a new thread again after `broken`, and the wait after the next failure. */
  let retryAt = 0;
  let retryWaitMs = options.retryAfterMs ?? 5000;
  let blamelessDeaths = 0;
  let nextId = 1;
  let flushScheduled = false;
  let watchdog: NodeJS.Timeout | null = null;
  let watched: { batch: number; index: number; cpuMs: number; at: number } | null = null;
  let idleWaiters: (() => void)[] = [];

  const settledAll = () => {
    if (queue.length || sent.size) return;
    for (const wake of idleWaiters.splice(0)) wake();
  };

  function spawn(): void {
    const shared = new SharedArrayBuffer(8);
    progress = new Int32Array(shared);
    ready = false;
    const data: DurabilityWorkerData = { clientUrl, embedded, progress: shared, maxInFlight, encoding };
    const w = startModuleWorker(import.meta.url, './durability-worker', { workerData: data, resourceLimits: { maxOldGenerationSizeMb: workerHeapMb } });
    worker = w;
    w.on('message', (message: DurabilityReply | { ready: true; tid?: number } | { closed: true }) => {
      if (Array.isArray(message)) return answer(message);
      if ('closed' in message) return;
      if ('ready' in message) {
        ready = true;
        tid = message.tid;
        flush();
      }
    });
    // A crash of the thread ('error': out of memory, an exception) while it checks an update is that update's
    // fault; an exit without one (the thread terminated from outside) or outside a check is no update's.
    const onDeath = (reason: unknown, crashed: boolean) => {
      if (worker !== w) return;
      if (!ready) return breakDown(new Error(`The durability thread cannot start: ${String(reason)}`));
      replace(`the decoder failed (${String(reason)})`, 'MALFORMED', crashed);
    };
    w.on('error', (error) => onDeath(error, true));
    w.on('exit', (code) => onDeath(`exit ${code}`, false));
    w.unref();
  }

  function fail(error: Error): void {
    broken = error;
    stopThread();
    for (const entry of [...sent.takeAll().flatMap(([, entries]) => entries), ...queue.splice(0)]) entry.reject(error);
    settledAll();
  }

  /** Fails everything pending, and every append until a new thread is tried after a wait that doubles each time. */
  function breakDown(error: Error): void {
    retryAt = performance.now() + retryWaitMs;
    retryWaitMs = Math.min(retryWaitMs * 2, 60_000);
    blamelessDeaths = 0;
    fail(error);
  }

  function stopThread(): void {
    const dead = worker;
    worker = null;
    ready = false;
    if (!dead) return;
    dead.removeAllListeners();
    // It may still run out of memory before it stops: an 'error' nobody listens to would crash the process.
    dead.on('error', () => {});
    // A thread stuck in a decoding loop only stops when terminated; its exit is not waited for.
    void dead.terminate();
  }

  /**
   * The thread is stopped (hung on an update, or dead): the update it was checking, if any, is refused; every
   * update not answered yet goes again to a new thread, ahead of those waiting, in their order.
   */
  function replace(why: string, reason: 'TIMEOUT' | 'MALFORMED', blameable = true): void {
    const checking = blameable ? Atomics.load(progress, 0) - 1 : -1;
    const index = Atomics.load(progress, 1);
    stopThread();
    const again: Entry[] = [];
    let blamed = false;
    for (const [id, entries] of sent.takeAll()) {
      entries.forEach((entry, i) => {
        if (id === checking && i === index) {
          blamed = true;
          refuse(entry, new UntrustedUpdateError(reason, reason === 'TIMEOUT' ? `The update took more than ${timeoutMs} ms to decode.` : `Malformed update: ${why}`));
        } else again.push(entry);
      });
    }
    blamelessDeaths = blamed ? 0 : blamelessDeaths + 1;
    if (blamelessDeaths >= MAX_BLAMELESS_DEATHS) {
      queue.unshift(...again);
      return breakDown(new Error(`The durability thread keeps dying: ${why}`));
    }
    queue.unshift(...again.filter((entry) => !laneFailed(entry)));
    if (!closed) spawn();
    settledAll();
  }

  const laneFailed = (entry: Entry): boolean => {
    if (entry.lane === 0 || !failedLanes.has(entry.lane)) return false;
    entry.reject(new UntrustedUpdateError('MALFORMED', 'An earlier update of this connection was refused.'));
    return true;
  };

  function refuse(entry: Entry, error: Error): void {
    if (entry.lane !== 0) failedLanes.add(entry.lane);
    // Hocuspocus closes a connection whose update is refused: its lane is not used long after; the oldest go.
    if (failedLanes.size > MAX_FAILED_LANES) failedLanes.delete(failedLanes.values().next().value as number);
    entry.reject(error);
  }

  function answer(reply: DurabilityReply): void {
    blamelessDeaths = 0;
    retryWaitMs = options.retryAfterMs ?? 5000;
    const [error, refusals] = reply;
    // Made only when the reply refuses some update: nearly every reply of a typing session refuses none.
    let refused: Map<string, string> | null = null;
    if (refusals) for (const [id, index, why] of refusals) (refused ??= new Map()).set(`${id}:${index}`, why);
    const failure = error === null ? null : new Error(`The update could not be logged: ${error}`);
    for (let k = 2; k < reply.length; k++) {
      const id = reply[k] as number;
      const entries = sent.take(id);
      if (!entries) continue;
      for (let i = 0; i < entries.length; i++) {
        const why = refused?.get(`${id}:${i}`);
        if (why !== undefined) refuse(entries[i], new UntrustedUpdateError('MALFORMED', `Malformed update: ${why}`));
        else if (failure) entries[i].reject(failure);
        else entries[i].resolve();
      }
    }
    if (!sent.size) stopWatchdog();
    settledAll();
  }

  /** Sends what was appended during this turn, in one message. */
  function flush(): void {
    if (!worker || !ready || !queue.length) return;
    const entries = queue.splice(0);
    let total = 0;
    for (const e of entries) total += e.update.byteLength;
    const bytes = new Uint8Array(total);
    const id = nextId++;
    const batch: DurabilityBatch = [id, bytes];
    let at = 0;
    for (const e of entries) {
      bytes.set(e.update, at);
      at += e.update.byteLength;
      batch.push(e.lane, at, e.documentName, e.authorId);
    }
    sent.add(id, entries);
    worker.postMessage(batch);
    startWatchdog();
  }

  function startWatchdog(): void {
    if (watchdog) return;
    watchdog = setInterval(watch, Math.max(10, Math.min(50, timeoutMs / 4)));
    watchdog.unref();
  }

  function stopWatchdog(): void {
    if (watchdog) clearInterval(watchdog);
    watchdog = null;
    watched = null;
  }

  /** Is the thread still on the update it was checking at the last look, and has it used its allowance on it? */
  function watch(): void {
    if (!worker || !ready) return;
    const batch = Atomics.load(progress, 0);
    const index = Atomics.load(progress, 1);
    if (batch === 0) {
      watched = null;
      return;
    }
    if (!watched || watched.batch !== batch || watched.index !== index) {
      watched = { batch, index, cpuMs: threadCpuMs(tid), at: performance.now() };
      return;
    }
    const cpuUsed = threadCpuMs(tid) - watched.cpuMs;
    const wallUsed = performance.now() - watched.at;
    // Where the thread's CPU time cannot be read, wall time stands for it.
    const over = Number.isNaN(cpuUsed) ? wallUsed >= timeoutMs : cpuUsed >= timeoutMs || wallUsed >= timeoutMs * WALL_LIMIT_FACTOR;
    if (!over) return;
    watched = null;
    replace('time limit', 'TIMEOUT');
  }

  return {
    append(entry: UntrustedAppend): Promise<void> {
      // Broken, no update is logged (and so none applied or relayed) until a new thread is tried, after a wait.
      if (broken && performance.now() < retryAt) return Promise.reject(broken);
      broken = null;
      if (closed) return Promise.reject(new Error('The durability thread is closed.'));
      if (entry.update.byteLength > maxBytes) {
        return Promise.reject(new UntrustedUpdateError('TOO_LARGE', `The update has ${entry.update.byteLength} bytes; at most ${maxBytes} are accepted.`));
      }
      if (entry.lane !== 0 && failedLanes.has(entry.lane)) {
        return Promise.reject(new UntrustedUpdateError('MALFORMED', 'An earlier update of this connection was refused.'));
      }
      // The thread starts with the first update: an instance nobody co-edits on keeps no idle thread.
      if (!worker) spawn();
      return new Promise<void>((resolve, reject) => {
        // A literal of the entry's fields, not `{ ...entry, resolve, reject }`: under typing the spread's objects were the
        // largest source of what the server's scavenges promoted (sampling heap profile of the collab benchmark's
        // server, objects dying in major GCs only: 12.4 of 25.7 MB), and the old generation filled towards a major GC
        // that paused relays. Promoted per scavenge, same benchmark: 230 → 121 KB (--trace-gc-nvp).
        queue.push({ lane: entry.lane, documentName: entry.documentName, update: entry.update, authorId: entry.authorId, resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(() => {
            flushScheduled = false;
            flush();
          });
        }
      });
    },

    /**
     * Why clients' updates cannot be logged now (the thread keeps dying: every append fails until the next try),
     * or null. /readyz answers 503 meanwhile, so that a balancer sends editors to another instance.
     */
    failure(): string | null {
      return broken && performance.now() < retryAt ? broken.message : null;
    },

    /** The thread running now, if any (a test terminates it to see the updates it held sent again). */
    currentThread(): Worker | null {
      return worker;
    },

    /** Resolves once every update appended so far is answered (committed, refused or failed). */
    drain(): Promise<void> {
      if (!queue.length && !sent.size) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },

    /** Waits for the answers of what was appended, then ends the thread's connections and the thread. */
    async close(): Promise<void> {
      await this.drain();
      closed = true;
      stopWatchdog();
      const w = worker;
      if (w && ready) {
        const ended = new Promise<void>((resolve) => w.on('message', (m: { closed?: true }) => m.closed && resolve()));
        w.postMessage({ close: true });
        await Promise.race([ended, new Promise<void>((resolve) => setTimeout(resolve, 2000).unref())]);
      }
      stopThread();
      idleWaiters = [];
    },
  };
}

export type DurabilityThread = ReturnType<typeof createDurabilityThread>;
