// Decodes one client's update at a time, away from the event loop that serves everyone: a crafted update can make
// the Yjs decoder loop forever (yjs issues #687, #498), and only a thread can be stopped mid-loop (by terminating it).
// Plain JavaScript importing yjs only, so it loads the same way under node, tsx and vitest (no TypeScript loader).
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

const decoders = {
  v1: { apply: Y.applyUpdate, decode: Y.decodeUpdate },
  v2: { apply: Y.applyUpdateV2, decode: Y.decodeUpdateV2 },
};

parentPort.on('message', ({ id, update, encoding }) => {
  const { apply, decode } = decoders[encoding];
  try {
    // Decoding reads every struct and content (what merging the update log later does); applying integrates them.
    decode(update);
    apply(new Y.Doc(), update);
    parentPort.postMessage({ id, ok: true });
// The time limit counts from here: loading yjs is not the update's fault.
parentPort.postMessage({ ready: true });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: String(error?.message ?? error).slice(0, 200) });
// The time limit counts from here: loading yjs is not the update's fault.
parentPort.postMessage({ ready: true });
  }
});
// The time limit counts from here: loading yjs is not the update's fault.
parentPort.postMessage({ ready: true });
