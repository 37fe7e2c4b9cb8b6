import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UpdateLog } from '../../src/collab/store/update-log.js';
import { openTestDatabase, type OpenTestDatabase } from '../test-database.js';

/**
 * Issue 9 (the relay's tail): an append touches nothing but the log. With a foreign key on `author_id`, every row
 * inserted looked its author up and locked the author's `app_user` row (FOR KEY SHARE: a row lock written into the
 * row, a multixact once INSERTs in flight share an author), on every keystroke.
 */
describe('the update log’s appends', () => {
  let db: OpenTestDatabase;
  let log: UpdateLog;
  const author = randomUUID();
  beforeAll(async () => {
    db = await openTestDatabase();
    log = new UpdateLog(() => db.orm.em.fork());
    await db.orm.em
      .fork()
      .execute(`insert into app_user (id, created_at, updated_at, email, name, password_hash) values (?, now(), now(), 'author@example.org', 'Author', 'x')`, [author]);
  });
  afterAll(async () => {
    await log?.drain();
    await db?.close();
  });

  it('lock no author row, and keep the author given', async () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let k = 0; k < 20; k++) doc.getText('notes').insert(k, 'x');
    await Promise.all(updates.map((update) => log.append({ documentName: 'project-plan:33333333-3333-4333-8333-333333333333', update, authorId: author })));
    const em = db.orm.em.fork();
    const [{ xmax }] = await em.execute(`select xmax::text as xmax from app_user where id = ?`, [author]);
    expect(xmax).toBe('0');
    const [{ rows }] = await em.execute(`select count(*)::int as rows from collab_update where author_id = ?`, [author]);
    expect(rows).toBe(20);
  });
});
