import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { onLoadDocumentPayload } from '@hocuspocus/server';
import { PersistenceExtension } from '../../src/collab/extensions/persistence.extension.js';
import { compactDocument } from '../../src/collab/store/compaction.js';
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
});
