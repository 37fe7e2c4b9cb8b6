// Decodes clients' updates, a batch at a time, away from the event loop that serves everyone: a crafted update can
// make the Yjs decoder loop forever (yjs issues #687, #498), and only a thread can be stopped mid-loop (by
// terminating it). Plain JavaScript importing yjs only, so it loads the same way under node, tsx and vitest.
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

const decoders = {
  v1: { apply: Y.applyUpdate, decode: Y.decodeUpdate },
  v2: { apply: Y.applyUpdateV2, decode: Y.decodeUpdateV2 },
};

/** Null when the update decodes, else why not. Each update into a scratch document of its own. */
function errorOf(update, { apply, decode }) {
  try {
    // Decoding reads every struct and content (what merging the update log later does); applying integrates them.
    decode(update);
    // A guid given: making one draws 31 random numbers from crypto, 4× the cost of the check itself.
    apply(new Y.Doc({ guid: 'scratch' }), update);
    return null;
  } catch (error) {
    return String(error?.message ?? error).slice(0, 200);
  }
}

parentPort.on('message', ({ id, updates, encoding }) => {
  parentPort.postMessage({ id, errors: updates.map((update) => errorOf(update, decoders[encoding])) });
});
/** This thread's id in the kernel (Linux): the checker reads its CPU time to tell a loop from a wait for a core. */
function threadId() {
  try {
    return Number(readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0]);
  } catch {
    return undefined;
  }
}

// The time limit counts from here: loading yjs is not the update's fault.
parentPort.postMessage({ ready: true, tid: threadId() });
