import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMergeThread, mergeHere } from './merge-thread.js';

/** A document typed into one character per update, as the log holds it: its updates, in order. */
function typedLog(characters: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('notes');
  for (let i = 0; i < characters; i++) text.insert(i % 7 === 0 ? 0 : text.length, String.fromCharCode(97 + (i % 26)));
  return updates;
}

const textOf = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText('notes').toString();
};

describe('compaction merges in a thread of its own', () => {
  const threads: ReturnType<typeof createMergeThread>[] = [];
  afterEach(async () => {
    await Promise.all(threads.splice(0).map((t) => t.close()));
  });

  it('gives the state a merge on this thread gives, from a snapshot and the updates after it', async () => {
    const merge = createMergeThread();
    threads.push(merge);
    const log = typedLog(2000);
    const snapshot = await mergeHere(log.slice(0, 1200));
    // Views into a larger buffer, as pg hands rows: only each view's bytes are the part.
    const shared = new Uint8Array(64 * 1024);
    const views = log.slice(1200).map((u, i) => {
      const at = (i * 37) % (shared.length - u.length);
      const view = new Uint8Array(shared.buffer, at, u.length);
      view.set(u);
      return new Uint8Array(view);
    });
    const merged = await merge([snapshot, ...views]);
    expect(textOf(merged)).toBe(textOf(await mergeHere(log)));
    expect(textOf(merged).length).toBe(2000);
  });

  it('lets the event loop turn while it merges a large log', async () => {
    const merge = createMergeThread();
    threads.push(merge);
    const log = typedLog(60_000);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    try {
      const merged = await merge(log);
      expect(textOf(merged).length).toBe(60_000);
    } finally {
      clearInterval(timer);
    }
    // On this thread the merge is one synchronous stretch: no timer could run before it ended (this fails with
    // mergeHere in place of the thread).
    expect(ticks).toBeGreaterThan(0);
  });

  it('refuses a part that is not an update without losing the thread, and refuses merges once closed', async () => {
    const merge = createMergeThread();
    threads.push(merge);
    await expect(merge([new Uint8Array([255, 255, 255, 255, 255])])).rejects.toThrow(/Merging a document's stored parts failed/);
    expect(textOf(await merge(typedLog(10))).length).toBe(10);
    await merge.close();
    await expect(merge(typedLog(1))).rejects.toThrow(/closed/);
  });

  it.runIf(process.platform === 'linux')('merges at a lower CPU priority (nice 10), in its thread only (background work)', async () => {
    // Each thread of this process: its nice value (field 19 of /proc/self/task/<tid>/stat).
    const niceValues = () =>
      readdirSync('/proc/self/task').map((tid) => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]));
    const before = niceValues();
    const merge = createMergeThread();
    threads.push(merge);
    expect(textOf(await merge(typedLog(50)))).toBe(textOf(await mergeHere(typedLog(50))));
    const after = niceValues();
    expect(after.filter((n) => n === 10).length).toBe(before.filter((n) => n === 10).length + 1);
    expect(Number(readFileSync(`/proc/self/stat`, 'utf8').split(') ')[1].split(' ')[16])).toBe(before[0]);
  });
});
