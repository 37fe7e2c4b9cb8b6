import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';

/** Merges a document's stored parts (snapshot first, then its logged updates in order) into one update. */
export type MergeParts = (parts: Uint8Array[]) => Promise<Uint8Array>;

/** The merge on the calling thread: for tools and tests that compact with no server running. */
export const mergeHere: MergeParts = async (parts) => {
  const doc = new Y.Doc({ guid: 'merge' });
  try {
    Y.transact(doc, () => {
      for (const part of parts) Y.applyUpdate(doc, part);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
};

const WORKER_URL = new URL('./merge-updates.worker.mjs', import.meta.url);

interface Job {
  resolve(state: Uint8Array): void;
  reject(error: Error): void;
}

/**
 * Compaction's merges in a worker thread of their own, one at a time (the compactor does one document after the
 * other): the event loop only reads and writes the rows. The thread starts with the first merge and does not keep
 * the process alive while idle; a thread that dies fails its merge (the compactor retries next round) and the next
 * merge starts a new one.
 */
export function createMergeThread(): MergeParts & { close(): Promise<void> } {
  let worker: Worker | null = null;
  const jobs = new Map<number, Job>();
  let nextId = 0;
  let closed = false;

  const failAll = (error: Error) => {
    for (const job of jobs.values()) job.reject(error);
    jobs.clear();
  };

  const start = (): Worker => {
    const w = new Worker(WORKER_URL);
    w.on('message', ({ id, state, error }: { id: number; state?: Uint8Array; error?: string }) => {
      const job = jobs.get(id);
      if (!job) return;
      jobs.delete(id);
      if (jobs.size === 0) w.unref();
      if (state) job.resolve(state);
      else job.reject(new Error(`Merging a document's stored parts failed: ${error}`));
    });
    const died = (reason: unknown) => {
      if (worker === w) worker = null;
      w.removeAllListeners();
      w.on('error', () => {});
      failAll(new Error(`The compaction thread stopped: ${String(reason)}`));
    };
    w.on('error', died);
    w.on('exit', (code) => died(`exit ${code}`));
    w.unref();
    return w;
  };

  const merge = (parts: Uint8Array[]): Promise<Uint8Array> => {
    if (closed) return Promise.reject(new Error('The compaction thread is closed.'));
    worker ??= start();
    const w = worker;
    const id = nextId++;
    return new Promise<Uint8Array>((resolve, reject) => {
      jobs.set(id, { resolve, reject });
      // Held alive while it merges: a compaction in progress ends before an idle process may exit.
      w.ref();
      // One buffer of their own, moved to the thread, not cloned: a row's bytes are a view into a buffer pg shares
      // between values, and cloning a view clones its whole buffer.
      const lengths = parts.map((p) => p.byteLength);
      const bytes = new Uint8Array(lengths.reduce((a, b) => a + b, 0));
      let at = 0;
      for (const part of parts) {
        bytes.set(part, at);
        at += part.byteLength;
      }
      w.postMessage({ id, bytes, lengths }, [bytes.buffer]);
    });
  };

  return Object.assign(merge, {
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      failAll(new Error('The compaction thread is closed.'));
      if (w) {
        w.removeAllListeners();
        w.on('error', () => {});
        await w.terminate();
      }
    },
  });
}
