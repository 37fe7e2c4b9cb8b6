import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { TestApp } from '../harness.js';
import { openPlan, planProject, storedDocument, synced, until, type PlanClient, type PlanProject } from './collab-harness.js';

const BURST = 60;

/**
 * Issue 9, item 3 (group commit): Hocuspocus handles a connection's messages one after the other, so updates
 * awaited one by one in `beforeSync` were each a worker's check and a commit of their own. The persistence
 * extension starts a writer's check and append as its frame arrives: a burst of one connection's updates is
 * committed in a few INSERTs, and each is still acknowledged only once committed (crash.test.ts holds that).
 */
describe('a burst of updates from one connection', () => {
  let t: TestApp;
  let p: PlanProject;
  const clients: PlanClient[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    p = await planProject(t, 'Plan tapé vite');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t?.stop();
  });

  it('is committed in a few transactions, not one per update, and every update is stored', async () => {
    const writer = openPlan(t.url, p.documentName, p.steel);
    const reader = openPlan(t.url, p.documentName, p.joinery);
    clients.push(writer, reader);
    await Promise.all([synced(writer), synced(reader)]);
    // One update (one frame) per push, all sent in this turn of the event loop.
    for (let k = 0; k < BURST; k++) writer.doc.getArray<string>('burst').push([`u${k}`]);
    await until(() => writer.provider.unsyncedChanges === 0 && reader.doc.getArray('burst').length === BURST, 'the burst to be acknowledged and relayed', 30_000);

    const [{ rows, transactions }]: { rows: number; transactions: number }[] = await t.app.orm.em.fork().execute(
      `select count(*)::int as rows, count(distinct xmin::text)::int as transactions from collab_update
        where document_name = ? and author_id = (select id from app_user where email = ?)`,
      [p.documentName, DEMO_ACCOUNTS.steelMember.email],
    );
    expect(rows).toBeGreaterThanOrEqual(BURST);
    expect(transactions).toBeLessThanOrEqual(BURST / 4);
    expect((await storedDocument(t, p.documentName)).getArray('burst').toArray()).toEqual(Array.from({ length: BURST }, (_, k) => `u${k}`));
  });
});
