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
}

interface Slot {
  worker: Worker;
  /** Loaded and listening: the time limit of a job starts when a ready worker receives it. */
  ready: boolean;
  job: Job | null;
  /** Tells a late answer of a replaced job from the current one's. */
  jobId: number;
  timer: NodeJS.Timeout | null;
}

interface WorkerAnswer {
  ready?: true;
  id: number;
  ok: boolean;
  message?: string;
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

  const finish = (slot: Slot, outcome: Error | null) => {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    if (job) {
      if (outcome) job.reject(outcome);
      else job.resolve();
    }
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
      if (!slot.job || answer.id !== slot.jobId) return;
      finish(slot, answer.ok ? null : new UntrustedUpdateError('MALFORMED', `Malformed update: ${answer.message}`));
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
      finish(slot, new UntrustedUpdateError('MALFORMED', `Malformed update: the decoder failed (${String(reason)}).`));
      replace(slot);
      dispatch();
    };
    worker.on('error', onDeath);
    worker.on('exit', (code) => onDeath(`exit ${code}`));
    worker.unref();
    return worker;
  }

  function dispatch(): void {
    for (const slot of slots) {
      if (!slot.ready || slot.job || queue.length === 0) continue;
      const job = queue.shift() as Job;
      slot.jobId = nextId++;
      slot.job = job;
      slot.timer = setTimeout(() => {
        finish(slot, new UntrustedUpdateError('TIMEOUT', `The update took more than ${timeoutMs} ms to decode.`));
        replace(slot);
        dispatch();
      }, timeoutMs);
      slot.worker.postMessage({ id: slot.jobId, update: job.update, encoding });
    }
  }

  for (let i = 0; i < Math.max(1, poolSize); i++) {
    const slot: Slot = { worker: null as unknown as Worker, ready: false, job: null, jobId: -1, timer: null };
    slot.worker = spawn(slot);
    slots.push(slot);
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
          finish(slot, stopped);
          slot.worker.removeAllListeners();
          slot.worker.on('error', () => {});
          return slot.worker.terminate();
        }),
      );
    },
  };
}
