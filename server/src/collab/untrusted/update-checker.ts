/**
 * Checks a client's Yjs update in a worker thread before it reaches a live document: an update that decodes is let
 * through, one that throws is MALFORMED, one that is still decoding after `timeoutMs` (the decoder can loop forever
 * on crafted input, yjs issues #687 and #498) is TIMEOUT, and its worker is terminated and replaced, so neither the
 * event loop nor the pool stays stuck. The worker decodes into a scratch document, never the live one.
 */
import { Worker } from 'node:worker_threads';

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
 * Updates sent to a worker in one message. One round trip per update was the bottleneck of /collab on a loaded
 * machine (each wakes a thread twice): under load, the queue empties in batches instead.
 */
const MAX_BATCH = 64;

interface Slot {
  worker: Worker;
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
  /** The worker began decoding batch `id`: its time limit starts now, not while the batch waited for a CPU. */
  started?: true;
  id: number;
  /** One per update of the batch, in order: null when it decoded, else why not. */
  errors: (string | null)[];
}

const WORKER_URL = new URL('./decode-update.worker.mjs', import.meta.url);

export function createUpdateChecker(options: UpdateCheckerOptions = {}): UpdateChecker {
  const { poolSize = 2, timeoutMs = 200, maxBytes = 1024 * 1024, encoding = 'v1', workerHeapMb = 64 } = options;
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
        dispatch();
        return;
      }
      if (!slot.jobs.length || answer.id !== slot.jobId) return;
      if (answer.started) {
        startClock(slot);
        return;
      }
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
   * the batch's size. It counts from the worker's "started", so that on a machine short of CPU the time a batch
   * waits for the worker's thread to run is not taken for a decoder's loop.
   */
  function startClock(slot: Slot): void {
    const batch = slot.jobId;
    slot.timer = setTimeout(() => {
      // After the answers already waiting: when this event loop was held up, the timer and the worker's answer are
      // both due, and timers run first. The verdict waits for this turn's messages (setImmediate runs after them).
      setImmediate(() => {
        if (slot.jobId !== batch || !slot.jobs.length) return;
        blame(settle(slot), new UntrustedUpdateError('TIMEOUT', `The update took more than ${timeoutMs} ms to decode.`));
        replace(slot);
        dispatch();
      });
    }, timeoutMs);
  }


  /** The next batch: the jobs at the head of the queue, or one job checked alone. */
  function nextBatch(): Job[] {
    if (queue[0].alone) return [queue.shift() as Job];
    let end = 0;
    while (end < queue.length && end < MAX_BATCH && !queue[end].alone) end += 1;
    return queue.splice(0, end);
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (!slot.ready || slot.jobs.length || queue.length === 0) continue;
      const jobs = nextBatch();
      slot.jobId = nextId++;
      slot.jobs = jobs;
      slot.worker.postMessage({ id: slot.jobId, updates: jobs.map((job) => job.update), encoding });
    }
  }

  /**
   * The workers start with the first update to check, not with the server: an instance nobody co-edits on keeps no
   * idle thread (each costs an isolate's memory and start-up time).
   */
  function startWorkers(): void {
    if (slots.length > 0) return;
    for (let i = 0; i < Math.max(1, poolSize); i++) {
      const slot: Slot = { worker: null as unknown as Worker, ready: false, jobs: [], jobId: -1, timer: null };
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
      startWorkers();
      return new Promise<void>((resolve, reject) => {
        queue.push({ update, resolve, reject });
        dispatch();
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
