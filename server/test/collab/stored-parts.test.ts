import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { onLoadDocumentPayload } from '@hocuspocus/server';
import { PersistenceExtension } from '../../src/collab/extensions/persistence.extension.js';
import { compactDocument, startCompaction } from '../../src/collab/store/compaction.js';
import { createMergeThread } from '../../src/collab/store/merge-thread.js';
import { UpdateLog } from '../../src/collab/store/update-log.js';
import { openTestDatabase, type OpenTestDatabase } from '../test-database.js';

/** Threat 61's update: decodes, then throws when applied (an empty deleted range past the document's state). */
const THROWS_WHEN_APPLIED = Uint8Array.from([0, 1, 166, 220, 166, 198, 7, 1, 7, 0]);

const written = (text: string) => {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

/**
 * Issue 9 (durability; threat 61's aftermath): a stored part that throws when applied — one logged before the check
 * refused it — is skipped and reported when the plan is loaded, which stays possible with everything else instead
 * of failing on every open for good; compaction, which deletes what it merges, refuses the document and keeps it.
 */
describe('a stored part that throws when applied', () => {
  let db: OpenTestDatabase;
  let log: UpdateLog;
  const DOC = 'project-plan:00000000-0000-4000-8000-000000000961';
  beforeAll(async () => {
    db = await openTestDatabase();
    log = new UpdateLog(() => db.orm.em.fork());
    for (const update of [written('avant '), THROWS_WHEN_APPLIED, written('après ')]) await log.append({ documentName: DOC, update, authorId: null });
  });
  afterAll(async () => {
    await log?.drain();
    await db?.close();
  });

  it('is skipped and reported on load, the others applied; compaction refuses the document and deletes nothing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const persistence = new PersistenceExtension(log, async () => {});
      const document = new Y.Doc();
      await persistence.onLoadDocument({ document, documentName: DOC } as unknown as onLoadDocumentPayload);
      expect(document.getText('notes').toString()).toContain('avant');
      expect(document.getText('notes').toString()).toContain('après');
      expect(errors).toHaveBeenCalledWith(expect.stringContaining(`stored part 1 of ${DOC}`));

      // Compaction deletes what it merges: it refuses this document and keeps every row (nothing destroyed).
      const thread = createMergeThread();
      try {
        await expect(compactDocument(db.orm.em.fork(), DOC, undefined, thread)).rejects.toThrow(/stored parts failed/);
      } finally {
        await thread.close();
      }
      await expect(compactDocument(db.orm.em.fork(), DOC)).rejects.toThrow();
      expect(await log.load(DOC)).toHaveLength(3);
      const again = new Y.Doc();
      await persistence.onLoadDocument({ document: again, documentName: DOC } as unknown as onLoadDocumentPayload);
      expect(again.getText('notes').toString()).toBe(document.getText('notes').toString());
    } finally {
      errors.mockRestore();
    }
  });

  it('does not stop the compaction of other documents: its document is set aside for a while, the others compacted', async () => {
    const BAD = 'project-plan:00000000-0000-4000-8000-000000000962';
    const GOOD = 'project-plan:00000000-0000-4000-8000-000000000963';
    // The bad document's log is the most grown: picked first in every round.
    for (const update of [written('un '), THROWS_WHEN_APPLIED, written('deux '), written('trois '), written('quatre '), written('cinq ')]) {
      await log.append({ documentName: BAD, update, authorId: null });
    }
    for (const text of ['a ', 'b ', 'c ', 'd ']) await log.append({ documentName: GOOD, update: written(text), authorId: null });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const thread = createMergeThread();
    const compaction = startCompaction(() => db.orm.em.fork(), { everyMs: 40, paceMs: 0, minUpdates: 4, documentsPerRound: 20, merge: thread });
    try {
      const until = Date.now() + 10_000;
      while ((await log.load(GOOD)).length !== 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(await log.load(GOOD)).toHaveLength(1);
      // Several rounds more: the bad document is not tried again before its wait (10 min), nor logged again.
      await new Promise((r) => setTimeout(r, 300));
      const told = errors.mock.calls.filter((call) => String(call[0]).includes(BAD));
      expect(told).toHaveLength(1);
      expect(await log.load(BAD)).toHaveLength(6);
    } finally {
      await compaction.stop();
      await thread.close();
      errors.mockRestore();
    }
  });
});
