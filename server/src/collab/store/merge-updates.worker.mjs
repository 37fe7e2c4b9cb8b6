// Merges a document's stored parts (its snapshot and logged updates) into one state, away from the event loop that
// relays everyone's edits: applying a log to a document and encoding it is O(document), tens of milliseconds for a
// plan of some size, and on the event loop each such merge held every document's relays (compaction.ts). The parts
// were accepted already (checked before they were logged). Plain JavaScript importing yjs only, so it loads the
// same way under node, tsx and vitest.
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

// Background work at a lower CPU priority (nice 10), for this thread only (on Linux, setpriority on a thread's id
// applies to that thread): on a busy machine a merge yields a core to the event loop that relays edits and to
// PostgreSQL committing them (a round's merges were tens of ms of CPU per document, bunched). Not the lowest (19):
// a starved merge would hold its compaction's transaction open and let the log grow. Elsewhere (no
// /proc/thread-self) the thread keeps the process's priority.
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0) os.setPriority(tid, os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // not Linux: as before
}

parentPort.on('message', ({ id, bytes, lengths }) => {
  try {
    const parts = [];
    let at = 0;
    for (const length of lengths) {
      parts.push(bytes.subarray(at, at + length));
      at += length;
    }
    const doc = new Y.Doc({ guid: 'merge' });
    try {
      Y.transact(doc, () => {
        for (const part of parts) Y.applyUpdate(doc, part);
      });
      const state = Y.encodeStateAsUpdate(doc);
      parentPort.postMessage({ id, state }, [state.buffer]);
    } finally {
      doc.destroy();
    }
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error).slice(0, 500) });
  }
});
