import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startCompaction } from '../../src/collab/store/compaction.js';
import { mergeHere, type MergeParts } from '../../src/collab/store/merge-thread.js';
import { StageTimings } from '../../src/collab/store/stage-timings.js';
import { UpdateLog } from '../../src/collab/store/update-log.js';
import { openTestDatabase, type OpenTestDatabase } from '../test-database.js';

const documentName = (k: number) => `project-plan:22222222-2222-4222-8222-${String(k).padStart(12, '0')}`;

/** Issue 9 (the relay's tail): background compaction spreads a round's documents instead of one burst. */
describe('background compaction', () => {
  let db: OpenTestDatabase;
  let log: UpdateLog;
  beforeAll(async () => {
    db = await openTestDatabase();
    log = new UpdateLog(() => db.orm.em.fork());
    for (let k = 0; k < 3; k++) {
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (let n = 0; n < 30; n++) doc.getText('notes').insert(0, `${k}.${n} `);
      await Promise.all(updates.map((update) => log.append({ documentName: documentName(k), update, authorId: null })));
    }
  });
  afterAll(async () => {
    await log?.drain();
    await db?.close();
  });

  it('compacts the documents of a round one at a time, paceMs apart, and stops without finishing the round', async () => {
    const merges: number[] = [];
    const merge: MergeParts = (parts) => {
      merges.push(performance.now());
      return mergeHere(parts);
    };
    const timings = new StageTimings();
    const compaction = startCompaction(() => db.orm.em.fork(), { everyMs: 100, minUpdates: 20, documentsPerRound: 10, paceMs: 300, merge, timings });
    for (let i = 0; i < 300 && merges.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    const stopping = performance.now();
    await compaction.stop();
    // Stopped in the pause before the third document: it waits for neither the pause nor the document.
    expect(performance.now() - stopping).toBeLessThan(250);
    expect(merges).toHaveLength(2);
    expect(merges[1] - merges[0]).toBeGreaterThanOrEqual(290);
    const [{ left }] = await db.orm.em.fork().execute(`select count(distinct document_name)::int as left from collab_update`);
    expect(left).toBe(1);
  });
});
