import * as Y from 'yjs';

/** A stored part that threw when applied: which document, which part (0 is the snapshot when there is one), why. */
export interface BadPart {
  documentName: string;
  index: number;
  message: string;
}

/** Where bad parts are told by default: the server's error output (a part is never dropped without a trace). */
export const reportBadPart = ({ documentName, index, message }: BadPart): void =>
  console.error(`Live documents: stored part ${index} of ${documentName} could not be applied and was skipped: ${message}`);

/**
 * Applies a document's stored parts (snapshot first, then its logged updates in order) to `doc`, in one transaction.
 * Every part was checked before it was logged, yet a part that still throws when applied (one logged before a
 * check was tightened, threat 61: an update that decodes but throws re-encoding its delete set) must not make the
 * plan unloadable for good: it is skipped and reported, and the others are applied. Yjs throws there after
 * integrating the part's structs and before recording its pending deletes, so the document stays consistent.
 *
 * For reading only (loading a live document, a version's state). Compaction stays strict (merge-thread.ts): it
 * deletes the rows it merges, so a part it cannot apply makes it fail and keep them, for a person to look at —
 * skipping would destroy the part for good, and a part a future Yjs misreads is data, not garbage.
 */
export function applyStoredParts(doc: Y.Doc, parts: Uint8Array[], documentName: string, report: (bad: BadPart) => void = reportBadPart): number {
  let skipped = 0;
  Y.transact(doc, () => {
    parts.forEach((part, index) => {
      try {
        Y.applyUpdate(doc, part);
      } catch (error) {
        skipped += 1;
        report({ documentName, index, message: String((error as Error)?.message ?? error).slice(0, 200) });
      }
    });
  });
  return skipped;
}
