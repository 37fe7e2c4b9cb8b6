import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from '../harness.js';

/**
 * Issue 9, item 3: an instance whose durability thread keeps dying cannot log clients' updates, so it relays and
 * acknowledges none: /readyz answers 503 meanwhile (a balancer sends editors elsewhere), and the instance comes back
 * by itself once a new thread is tried after the wait (store/durability-thread.ts, 5 s the first time).
 */
describe('readiness follows the durability thread', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ seedDemo: false });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const readiness = async () => (await fetch(`${t.url}/readyz`)).status;
  const update = (text: string) => {
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, text);
    return Y.encodeStateAsUpdate(doc);
  };

  it('answers 503 while every append would fail, and 200 again once a new thread is tried', async () => {
    const durability = t.app.collab.durability;
    const documentName = 'project-plan:00000000-0000-4000-8000-000000000901';
    await durability.append({ lane: 0, documentName, update: update('avant'), authorId: null });
    expect(await readiness()).toBe(200);
    for (let kills = 0; durability.failure() === null && kills < 3; kills++) {
      const thread = durability.currentThread()!;
      await thread.terminate();
      while (durability.currentThread() === thread) await new Promise((r) => setTimeout(r, 1));
    }
    expect(durability.failure()).not.toBeNull();
    expect(await readiness()).toBe(503);
    await expect(durability.append({ lane: 0, documentName, update: update('pendant'), authorId: null })).rejects.toThrow();
    const until = Date.now() + 10_000;
    while ((await readiness()) !== 200 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(await readiness()).toBe(200);
    await durability.append({ lane: 0, documentName, update: update('après'), authorId: null });
  }, 30_000);
});
