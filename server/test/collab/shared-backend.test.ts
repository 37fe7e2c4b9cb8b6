import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UpdateLog } from '../../src/collab/store/update-log.js';
import { openTestDatabase, type OpenTestDatabase } from '../test-database.js';

/**
 * The update log's named statements on a backend several connections share (embedded PGlite: one backend behind
 * every socket connection): a second connection's PREPARE of the same name is refused with 42P05, which made the
 * demo seeding fail at start now and then. Loads and appends from every connection of the pool at once must all
 * answer. On PostgreSQL (DATABASE_URL) each connection has its own backend and the same loads simply pass.
 */
describe('the update log on a backend shared by its connections', () => {
  let db: OpenTestDatabase;
  let log: UpdateLog;
  beforeAll(async () => {
    db = await openTestDatabase();
    log = new UpdateLog(() => db.orm.em.fork());
  });
  afterAll(async () => db?.close());

  it('loads and appends from every connection of the pool at once', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    doc.getText('notes').insert(0, 'bonjour');
    const name = 'project-plan:22222222-2222-4222-8222-222222222222';
    await log.append({ documentName: name, update: updates[0], authorId: null });
    // Several rounds of loads in parallel: each round takes every connection of the pool (4) at once.
    for (let round = 0; round < 5; round++) {
      const loads = await Promise.all(Array.from({ length: 8 }, () => log.load(name)));
      for (const parts of loads) expect(parts).toHaveLength(1);
    }
    await Promise.all(Array.from({ length: 8 }, (_, k) => log.append({ documentName: `${name.slice(0, -1)}${k}`, update: updates[0], authorId: null })));
    expect((await log.load(`${name.slice(0, -1)}7`)).length).toBe(1);
  });
});
