/**
 * Checks a client's Yjs update in a worker thread before it reaches a live document: an update that decodes is let
 * through, one that throws is MALFORMED, one that is still decoding after `timeoutMs` (the decoder can loop forever
 * on crafted input, yjs issues #687 and #498) is TIMEOUT, and its worker is terminated and replaced, so neither the
 * event loop nor the pool stays stuck. The worker decodes into a scratch document, never the live one.
 */
import { Worker } from 'node:worker_threads';
import { boundedUpdateV1, type BoundedUpdate } from './bounded-update.js';
import { threadCpuMs, updateError } from './update-verdict.js';

export type UntrustedUpdateReason = 'TIMEOUT' | 'MALFORMED' | 'TOO_LARGE';

export class UntrustedUpdateError extends Error {
  constructor(
    public readonly reason: UntrustedUpdateReason,
    message: string,
  ) {
    super(message);
    this.name = 'UntrustedUpdateError';
  }
}

export interface UpdateCheckerOptions {
  /** Workers decoding at once; a check waits for a free one. */
  poolSize?: number;
  timeoutMs?: number;
  maxBytes?: number;
  /** The update format the clients speak: y-protocols' sync (Hocuspocus) sends v1. */
  encoding?: 'v1' | 'v2';
  /** Heap of each worker: a memory bomb ends its worker, not the process. */
  workerHeapMb?: number;
  /**
   * Updates checked on the calling thread, without a trip to a worker: v1 updates the bounded reader vouches for
   * (bounded-update.ts) with at most this many structs and deleted ranges, and at most `inlineMaxBytes`. 0: every
   * update goes to a worker.
   */
  inlineMaxStructs?: number;
  inlineMaxBytes?: number;
}

export interface UpdateChecker {
  /** Resolves when the update decodes; rejects with an UntrustedUpdateError otherwise. */
  check(update: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

interface Job {
  update: Uint8Array;
  resolve: () => void;
  reject: (error: Error) => void;
  /** Checked in a batch of its own: its batch timed out or killed its worker, and one of them is to blame. */
  alone?: boolean;
}

/**
 * Updates sent to a worker in one message, at most this many and this many bytes. One round trip per update was
 * the bottleneck of /collab on a loaded machine (each wakes a thread twice), and so were batches of 64 when the
 * worker threads waited for a core: whatever is queued goes in one message. The time limit is of CPU time, so a
 * batch of valid updates (decoded at tens of MB/s) stays far below it.
 */
const MAX_BATCH = 1024;
const MAX_BATCH_BYTES = 512 * 1024;

interface Slot {
  worker: Worker;
  /** The worker thread's id in the kernel (Linux), to read its CPU time; undefined elsewhere. */
  tid?: number;
  /** The worker's CPU time (ms) and the wall clock when its current batch was sent. */
  startedCpuMs: number;
  startedAt: number;
  /** Loaded and listening: the time limit of a job starts when a ready worker receives it. */
  ready: boolean;
  /** The batch the worker is decoding. */
  jobs: Job[];
  /** Tells a late answer of a replaced job from the current one's. */
  jobId: number;
  timer: NodeJS.Timeout | null;
}

interface WorkerAnswer {
  ready?: true;
  /** With `ready`: the worker's thread id, read from /proc/thread-self (Linux). */
  tid?: number;
  id: number;
  /** One per update of the batch, in order: null when it decoded, else why not. */
  errors: (string | null)[];
}

const WORKER_URL = new URL('./decode-update.worker.mjs', import.meta.url);

/**
 * The time limit is of the worker's CPU time where it can be read: on a machine short of CPU, a thread that waits
 * for a core is not decoding, and a wall-clock limit refused valid updates there (and each refusal re-checked its
 * whole batch one update at a time, which held every connection's updates for seconds). A decoder that loops uses
 * CPU and is stopped once it used `timeoutMs` of it; whatever happens, a batch is stopped after this many times
 * `timeoutMs` of wall time.
 */
const WALL_LIMIT_FACTOR = 25;

/** The worker's check (decode-update.worker.mjs), on this thread: see updateError. */
const inlineError = (update: Uint8Array, shape: BoundedUpdate): string | null => updateError(update, 'v1', shape);

export function createUpdateChecker(options: UpdateCheckerOptions = {}): UpdateChecker {
  const { poolSize = 2, timeoutMs = 200, maxBytes = 1024 * 1024, encoding = 'v1', workerHeapMb = 64 } = options;
  const { inlineMaxStructs = 64, inlineMaxBytes = 8 * 1024 } = options;
  /** The update's shape when it may be checked on this thread (see inlineError), else null. */
  const inlineable = (update: Uint8Array): BoundedUpdate | null => {
    if (encoding !== 'v1' || inlineMaxStructs <= 0 || update.byteLength > inlineMaxBytes) return null;
    const shape = boundedUpdateV1(update);
    return shape && shape.size <= inlineMaxStructs ? shape : null;
  };
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let closed = false;
  /** Why the workers cannot start (a worker that dies before it is ready is not an update's fault). */
  let broken: Error | null = null;
  let nextId = 0;

  const settle = (slot: Slot): Job[] => {
    const jobs = slot.jobs;
    if (slot.timer) clearTimeout(slot.timer);
    slot.jobs = [];
    slot.timer = null;
    return jobs;
  };

  /**
   * A batch that timed out or killed its worker: alone, its update is to blame; in a batch, each of its updates is
   * checked again on its own (first in the queue), so that only the culprit is refused.
   */
  const blame = (jobs: Job[], error: Error) => {
    if (jobs.length === 1) jobs[0].reject(error);
    else queue.unshift(...jobs.map((job) => ({ ...job, alone: true })));
  };

  const replace = (slot: Slot) => {
    const dead = slot.worker;
    dead.removeAllListeners();
    // It may still run out of memory before it stops: an 'error' nobody listens to would crash the process.
    dead.on('error', () => {});
    // A worker stuck in a decoding loop only stops when terminated; its exit is not waited for.
    void dead.terminate();
    if (!closed) slot.worker = spawn(slot);
  };

  function spawn(slot: Slot): Worker {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: workerHeapMb } });
    slot.ready = false;
    worker.on('message', (answer: WorkerAnswer) => {
      if (answer.ready) {
        slot.ready = true;
        slot.tid = answer.tid;
        dispatch();
        return;
      }
      if (!slot.jobs.length || answer.id !== slot.jobId) return;
      settle(slot).forEach((job, i) => {
        const error = answer.errors[i];
        if (error === null) job.resolve();
        else job.reject(new UntrustedUpdateError('MALFORMED', `Malformed update: ${error}`));
      });
      dispatch();
    });
    // Out of memory or any crash of the worker: the update it was decoding is the cause.
    const onDeath = (reason: unknown) => {
      if (!slot.ready) {
        // Respawning a worker that cannot load would spin forever: fail every check instead, loudly.
        broken = new Error(`The update checker's worker cannot start: ${String(reason)}`);
        worker.removeAllListeners();
        worker.on('error', () => {});
        for (const job of queue.splice(0)) job.reject(broken);
        return;
      }
      blame(settle(slot), new UntrustedUpdateError('MALFORMED', `Malformed update: the decoder failed (${String(reason)}).`));
      replace(slot);
      dispatch();
    };
    worker.on('error', onDeath);
    worker.on('exit', (code) => onDeath(`exit ${code}`));
    worker.unref();
    return worker;
  }

  /**
   * The time limit of a batch. Valid updates decode in microseconds: the limit stays that of one update, whatever
   * the batch's size. It is of the worker's CPU time (see WALL_LIMIT_FACTOR), counted from when the batch is sent:
   * the time the batch waits for the worker's thread to run on a machine short of CPU is not taken for a decoder's
   * loop (where the thread's CPU time cannot be read, it is wall time from then).
   */
  function startClock(slot: Slot): void {
    slot.startedCpuMs = threadCpuMs(slot.tid);
    slot.startedAt = performance.now();
    armClock(slot, slot.jobId, timeoutMs);
  }

  function armClock(slot: Slot, batch: number, ms: number): void {
    slot.timer = setTimeout(() => {
      // After the answers already waiting: when this event loop was held up, the timer and the worker's answer are
      // both due, and timers run first. The verdict waits for this turn's messages (setImmediate runs after them).
      setImmediate(() => {
        if (slot.jobId !== batch || !slot.jobs.length) return;
        const cpuUsed = threadCpuMs(slot.tid) - slot.startedCpuMs;
        const wallUsed = performance.now() - slot.startedAt;
        if (cpuUsed < timeoutMs && wallUsed < timeoutMs * WALL_LIMIT_FACTOR) {
          // Starved of CPU, not looping: the rest of its CPU allowance, from now (at least a tick of /proc's clock).
          armClock(slot, batch, Math.max(10, timeoutMs - cpuUsed));
          return;
        }
        blame(settle(slot), new UntrustedUpdateError('TIMEOUT', `The update took more than ${timeoutMs} ms to decode.`));
        replace(slot);
        dispatch();
      });
    }, ms);
  }

  /** The next batch: the jobs at the head of the queue, or one job checked alone. */
  function nextBatch(): Job[] {
    if (queue[0].alone) return [queue.shift() as Job];
    let end = 0;
    let bytes = 0;
    while (end < queue.length && end < MAX_BATCH && !queue[end].alone && (end === 0 || bytes + queue[end].update.byteLength <= MAX_BATCH_BYTES)) {
      bytes += queue[end].update.byteLength;
      end += 1;
    }
    return queue.splice(0, end);
  }

  /**
   * The checks asked during one turn of the event loop (the frames of every socket read together) go to the
   * workers together: a message to a worker and its answer cost more than decoding a typed update.
   */
  let dispatchScheduled = false;
  function dispatchSoon(): void {
    if (dispatchScheduled) return;
    dispatchScheduled = true;
    setImmediate(() => {
      dispatchScheduled = false;
      dispatch();
    });
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (!slot.ready || slot.jobs.length || queue.length === 0) continue;
      const jobs = nextBatch();
      slot.jobId = nextId++;
      slot.jobs = jobs;
      slot.worker.postMessage({ id: slot.jobId, updates: jobs.map((job) => job.update), encoding });
      startClock(slot);
    }
  }

  /**
   * The workers start with the first update to check, not with the server: an instance nobody co-edits on keeps no
   * idle thread (each costs an isolate's memory and start-up time).
   */
  function startWorkers(): void {
    if (slots.length > 0) return;
    for (let i = 0; i < Math.max(1, poolSize); i++) {
      const slot: Slot = { worker: null as unknown as Worker, ready: false, jobs: [], jobId: -1, timer: null, startedCpuMs: NaN, startedAt: 0 };
      slot.worker = spawn(slot);
      slots.push(slot);
    }
  }

  return {
    check(update) {
      if (closed) return Promise.reject(new Error('The update checker is closed.'));
      if (broken) return Promise.reject(broken);
      if (update.byteLength > maxBytes) {
        return Promise.reject(
          new UntrustedUpdateError('TOO_LARGE', `The update has ${update.byteLength} bytes; at most ${maxBytes} are accepted.`),
        );
      }
      const shape = inlineable(update);
      if (shape) {
        const error = inlineError(update, shape);
        return error === null ? Promise.resolve() : Promise.reject(new UntrustedUpdateError('MALFORMED', `Malformed update: ${error}`));
      }
      startWorkers();
      return new Promise<void>((resolve, reject) => {
        queue.push({ update, resolve, reject });
        dispatchSoon();
      });
    },
    async close() {
      closed = true;
      const stopped = new Error('The update checker is closed.');
      for (const job of queue.splice(0)) job.reject(stopped);
      await Promise.all(
        slots.map((slot) => {
          for (const job of settle(slot)) job.reject(stopped);
          slot.worker.removeAllListeners();
          slot.worker.on('error', () => {});
          return slot.worker.terminate();
        }),
      );
    },
  };
}
