/**
 * Restores a named version as a new change: the live document's content becomes the version's through a new update
 * on top of its history (which is never rewritten), so every open browser receives the restore like any edit.
 */
import * as Y from 'yjs';
import { planParts } from './plan-shape.js';

/** A copy of a value held by a Yjs type, insertable elsewhere: Yjs types belong to one document. */
const copyOf = (value: unknown): unknown => (value instanceof Y.AbstractType ? value.clone() : value);

function replaceList(live: Y.Array<unknown> | Y.XmlFragment, version: Y.Array<unknown> | Y.XmlFragment): void {
  if (live.length > 0) live.delete(0, live.length);
  // Entries are copied as the version holds them, garbage included: the reader normalises both alike.
  const entries = version.toArray().map(copyOf);
  if (entries.length > 0) (live as Y.Array<unknown>).insert(0, entries);
}

function replaceMap(live: Y.Map<unknown>, version: Y.Map<unknown>): void {
  for (const key of [...live.keys()]) {
    if (!version.has(key)) live.delete(key);
  }
  for (const [key, value] of version.entries()) {
    // Equal plain values are left alone, so restoring an unchanged meta writes nothing.
    if (value instanceof Y.AbstractType || live.get(key) !== value) live.set(key, copyOf(value));
  }
}

/** `versionState` is the version's full state as a (v1) update, e.g. Y.encodeStateAsUpdate of the saved doc. */
export function restoreAsNewChange(liveDoc: Y.Doc, versionState: Uint8Array, origin: unknown = null): void {
  const versionDoc = new Y.Doc();
  Y.applyUpdate(versionDoc, versionState);
  const version = planParts(versionDoc);
  const live = planParts(liveDoc);
  liveDoc.transact(() => {
    replaceMap(live.meta, version.meta);
    replaceMap(live.indicators, version.indicators);
    replaceList(live.actions, version.actions);
    replaceList(live.budget, version.budget);
    replaceList(live.notes, version.notes);
  }, origin);
  versionDoc.destroy();
}
