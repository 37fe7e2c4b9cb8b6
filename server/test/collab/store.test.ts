import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compactDocument, documentsToCompact } from '../../src/collab/store/compaction.js';
import { UpdateLog } from '../../src/collab/store/update-log.js';
import { openTestDatabase, type OpenTestDatabase } from '../test-database.js';

const DOC = 'project-plan:11111111-1111-4111-8111-111111111111';

/** Updates a writer makes one after the other: each is the change since the previous one. */
function typing(count: number, label: string): { updates: Uint8Array[]; final: string } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let k = 0; k < count; k++) doc.getText('notes').insert(doc.getText('notes').length, `${label}${k} `);
  return { updates, final: doc.getText('notes').toString() };
}

const textOf = (parts: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const part of parts) Y.applyUpdate(doc, part);
  return doc.getText('notes').toString();
};

/** Issue 9, item 3: the update log's group commit, loading (snapshot + tail) and compaction, on the real database. */
describe('the live documents store', () => {
  let db: OpenTestDatabase;
  let log: UpdateLog;
  beforeAll(async () => {
    db = await openTestDatabase();
    log = new UpdateLog(() => db.orm.em.fork());
  });
  afterAll(async () => db?.close());

  it('commits appends arriving together from many documents in a few transactions, and each resolves once committed', async () => {
    const appends = Array.from({ length: 300 }, (_, k) => {
      const { updates } = typing(1, `d${k % 30}-`);
      return log.append({ documentName: `project-plan:00000000-0000-4000-8000-${String(k % 30).padStart(12, '0')}`, update: updates[0], authorId: null });
    });
    await Promise.all(appends);
    const [{ rows, transactions }] = await db.orm.em.fork().execute(`select count(*)::int as rows, count(distinct xmin::text)::int as transactions from collab_update`);
    expect(rows).toBe(300);
    expect(transactions).toBeLessThanOrEqual(3);
  });

  it('loads the snapshot and the tail, and compaction folds the log into the snapshot without changing the document', async () => {
    const { updates, final } = typing(120, 'a');
    for (const update of updates.slice(0, 80)) await log.append({ documentName: DOC, update, authorId: null });
    expect(textOf(await log.load(DOC))).toBe(typing(80, 'a').final);
    expect(await documentsToCompact(db.orm.em.fork(), { minUpdates: 50, documentsPerRound: 10 })).toEqual([DOC]);

    expect(await compactDocument(db.orm.em.fork(), DOC)).toBe(true);
    expect(await log.load(DOC)).toHaveLength(1);
    await Promise.all(updates.slice(80).map((update) => log.append({ documentName: DOC, update, authorId: null })));
    const parts = await log.load(DOC);
    expect(parts).toHaveLength(41);
    expect(textOf(parts)).toBe(final);
    expect(await compactDocument(db.orm.em.fork(), DOC)).toBe(true);
    expect(textOf(await log.load(DOC))).toBe(final);
  });

  it('drains an append still waiting for its group window (it used to spin on microtasks, the timer never firing)', async () => {
    const { updates } = typing(1, 'w');
    const appended = log.append({ documentName: DOC, update: updates[0], authorId: null });
    await log.drain();
    await appended;
    expect(textOf(await log.load(DOC))).toContain('w0');
  });

  // PGlite serves every connection from one session (advisory locks are then always granted) and one instance.
  it.skipIf(!process.env.DATABASE_URL)('leaves a document to the instance already compacting it', async () => {
    const { updates } = typing(3, 'b');
    for (const update of updates) await log.append({ documentName: DOC, update, authorId: null });
    const before = await log.load(DOC);
    await db.orm.em.fork().transactional(async (other) => {
      await other.execute(`select pg_advisory_xact_lock(hashtext('collab:' || ?))`, [DOC]);
      expect(await compactDocument(db.orm.em.fork(), DOC)).toBe(false);
    });
    expect(await log.load(DOC)).toHaveLength(before.length);
  });
});
