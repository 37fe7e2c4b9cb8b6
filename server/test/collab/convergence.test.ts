import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TestApp } from '../harness.js';
import { openPlan, planProject, storedDocument, synced, until, type PlanClient, type PlanProject } from './collab-harness.js';

/**
 * Issue 9, items 2, 3 and 7: Node clients co-edit one plan over WS /collab (Hocuspocus), and what they converge
 * on is what PostgreSQL holds (every update logged before it was applied, relayed or acknowledged).
 */
describe('co-editing a plan', () => {
  let t: TestApp;
  let p: PlanProject;
  const clients: PlanClient[] = [];
  const open = (as: PlanProject['steel']) => {
    const c = openPlan(t.url, p.documentName, as);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    p = await planProject(t, 'Plan co-édité');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t?.stop();
  });

  const converged = (group: PlanClient[], expected: string[]) => () => {
    const first = group[0].text.toString();
    return group.every((c) => c.text.toString() === first) && expected.every((m) => first.includes(m));
  };

  it('two clients converge, and the stored document is what they see', async () => {
    const [a, b] = [open(p.steel), open(p.joinery)];
    await Promise.all([synced(a), synced(b)]);
    a.text.insert(0, '[acier]');
    b.text.insert(0, '[menuiserie]');
    await until(converged([a, b], ['[acier]', '[menuiserie]']), 'both edits at both clients');
    await until(() => !a.provider.hasUnsyncedChanges && !b.provider.hasUnsyncedChanges, 'both edits acknowledged');
    const stored = await storedDocument(t, p.documentName);
    expect(stored.getText('notes').toString()).toBe(a.text.toString());
  });

  it('twenty clients converge on one plan, and a client that joins later loads it from the store', async () => {
    const writers = Array.from({ length: 20 }, (_, k) => open(k % 3 === 0 ? p.facilitator : k % 3 === 1 ? p.steel : p.joinery));
    await Promise.all(writers.map(synced));
    const markers = writers.map((c, k) => {
      const marker = `<${k}>`;
      c.text.insert(c.text.length, marker);
      c.doc.getArray<string>('actions').push([`action ${k}`]);
      return marker;
    });
    await until(converged(writers, markers), 'twenty edits at twenty clients', 20_000);
    await until(() => writers.every((c) => !c.provider.hasUnsyncedChanges), 'every edit acknowledged');
    const stored = await storedDocument(t, p.documentName);
    expect(stored.getText('notes').toString()).toBe(writers[0].text.toString());
    expect(stored.getArray('actions').length).toBe(20);
    // Compared as (client, clock) pairs: the encoded vector lists clients in the order updates arrived, which differs.
    const clocks = (doc: Y.Doc) => [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b);
    for (const c of writers) expect(clocks(c.doc)).toEqual(clocks(writers[0].doc));

    const late = open(p.steel);
    await synced(late);
    expect(late.text.toString()).toBe(writers[0].text.toString());
  });

  it('an update made on the server goes through the log and reaches open clients', async () => {
    const c = open(p.joinery);
    await synced(c);
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(c.doc));
    const before = Y.encodeStateVector(scratch);
    scratch.getArray<string>('actions').push(['écrite par le serveur']);
    await t.app.collab.appendServerUpdate(p.documentName, Y.encodeStateAsUpdate(scratch, before), null);
    await until(() => c.doc.getArray('actions').toArray().includes('écrite par le serveur'), 'the server update at the client');
    const [{ n }] = await t.app.orm.em.fork().execute(`select count(*)::int as n from collab_update where document_name = ?`, [p.documentName]);
    expect(n).toBeGreaterThan(0);
    expect((await storedDocument(t, p.documentName)).getArray('actions').toArray()).toContain('écrite par le serveur');
  });
});
