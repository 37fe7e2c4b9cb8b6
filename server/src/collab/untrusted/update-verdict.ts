import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { boundedUpdateV1, type BoundedUpdate } from './bounded-update.js';

/** The two Yjs update formats, as the check needs them. */
const CODECS = {
  v1: { decode: Y.decodeUpdate, apply: Y.applyUpdate },
  v2: { decode: Y.decodeUpdateV2, apply: Y.applyUpdateV2 },
} as const;

/**
 * The check of one update, on whatever thread calls it: decoded, then applied to a scratch document. An update
 * none of whose clients starts at clock 0 (what an editor sends after its first keystroke) integrates nothing into
 * an empty document (see BoundedUpdate): decoding it gives the same verdict as applying it, at a tenth of the cost
 * (no scratch document, no pending structs re-encoded). `shape` is the bounded reader's (bounded-update.ts, v1
 * only) when it vouched for the update, else null (then it is applied). Null when it decodes, else why not.
 *
 * Only safe where a time limit can stop it (a worker) unless the bounded reader vouched for it and it holds few
 * structs: the Yjs decoder can loop forever on crafted input (yjs issues #687, #498).
 */
export function updateError(update: Uint8Array, encoding: 'v1' | 'v2', shape: BoundedUpdate | null = null): string | null {
  const { decode, apply } = CODECS[encoding];
  try {
    decode(update);
    if (shape && !shape.fromClockZero) return null;
    const scratch = new Y.Doc({ guid: 'scratch' });
    try {
      apply(scratch, update);
    } finally {
      scratch.destroy();
    }
    return null;
  } catch (error) {
    return String((error as Error)?.message ?? error).slice(0, 200);
  }
}

/** The bounded reader's shape of `update`, or null when it cannot vouch for it (or finds it malformed). */
export function shapeOfV1(update: Uint8Array): BoundedUpdate | null {
  try {
    return boundedUpdateV1(update);
  } catch {
    return null;
  }
}

/**
 * CPU time (user + system, ms) a thread of this process has used, from /proc (Linux, 100 ticks a second); NaN when
 * it cannot be read.
 */
export function threadCpuMs(tid: number | undefined): number {
  if (tid === undefined) return NaN;
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    // After "tid (comm) ": utime and stime are fields 14 and 15 (1-based), i.e. 11 and 12 here.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** This thread's id in the kernel (Linux), for another thread to read its CPU time; undefined elsewhere. */
export function ownThreadId(): number | undefined {
  try {
    return Number(readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0]);
  } catch {
    return undefined;
  }
}
