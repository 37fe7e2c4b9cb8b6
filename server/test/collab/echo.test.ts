import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { As } from '../harness.js';
import { TestApp } from '../harness.js';
import { openPlan, planProject, synced, until, type PlanClient, type PlanProject } from './collab-harness.js';
import { addressOf, AUTH, frameType, readVarUint, STEP1, STEP2, SYNC, SYNC_STATUS, UPDATE, varBytes } from './wire-frames.js';

/**
 * A writer speaking Hocuspocus' framing over a bare WebSocket: it sends the updates it is given as they are (a
 * provider sends only what its own document integrated), and keeps every frame the server sent it.
 */
async function rawWriter(url: string, documentName: string, as: As) {
  const name = addressOf(documentName);
  const ws = new WebSocket(`${url.replace('http', 'ws')}/collab`, { headers: as?.cookie ? { cookie: as.cookie } : {} });
  const received: Uint8Array[] = [];
  let synced = false;
  const send = (body: number[]) => ws.send(new Uint8Array([...name, ...body]));
  ws.on('message', (data: Buffer) => {
    const frame = new Uint8Array(data);
    received.push(frame);
    const { type, rest } = frameType(frame);
    if (type === AUTH && rest[0] === 2) send([SYNC, STEP1, ...varBytes(Y.encodeStateVector(new Y.Doc()))]);
    if (type === SYNC && rest[0] === STEP1) send([SYNC, STEP2, ...varBytes(Y.encodeStateAsUpdate(new Y.Doc()))]);
    if (type === SYNC && rest[0] === STEP2) synced = true;
  });
  await new Promise((resolve) => ws.once('open', resolve));
  send([AUTH, 0, ...varBytes(new TextEncoder().encode(as?.token ?? ''))]);
  await until(() => synced, 'the raw writer to sync');
  const acks = () => received.filter((f) => frameType(f).type === SYNC_STATUS).length;
  return {
    received,
    acks,
    /** Sends `update` and waits for its acknowledgement (SyncStatus: applied once committed). */
    async update(update: Uint8Array) {
      const before = acks();
      send([SYNC, UPDATE, ...varBytes(update)]);
      await until(() => acks() > before, 'the update to be acknowledged');
    },
    close: () => ws.terminate(),
  };
}

/** The updates (Sync, update) among `frames`. */
const updatesIn = (frames: Uint8Array[]) => frames.filter((f) => {
  const { type, rest } = frameType(f);
  return type === SYNC && rest[0] === UPDATE;
});

/** The update a (Sync, update) frame carries. */
function payloadOf(frame: Uint8Array): Uint8Array {
  const { rest } = frameType(frame);
  const [n, at] = readVarUint(rest, 1);
  return rest.subarray(at, at + n);
}

/**
 * Issue 9 (relay latency): Hocuspocus broadcast each update to every connection of its document, the sender's
 * included, which had it already; one send and one decode in five on the typing benchmark's documents. The sender
 * is now left out when the update applied is the one it sent, and only then.
 */
describe('an update is relayed', () => {
  let t: TestApp;
  let p: PlanProject;
  const clients: PlanClient[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    p = await planProject(t, 'Plan sans écho');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t?.stop();
  });

  it('to the other connections, not back to its sender, which is still acknowledged', async () => {
    const sender = openPlan(t.url, p.documentName, p.steel);
    const other = openPlan(t.url, p.documentName, p.joinery);
    clients.push(sender, other);
    await Promise.all([synced(sender), synced(other)]);
    const sentBefore = updatesIn(sender.received).length;
    const otherBefore = updatesIn(other.received).length;
    for (let k = 0; k < 5; k++) sender.doc.getArray<string>('echo').push([`e${k}`]);
    await until(() => sender.provider.unsyncedChanges === 0 && other.doc.getArray('echo').length === 5, 'the edits to be acknowledged and relayed');
    expect(updatesIn(other.received).length - otherBefore).toBeGreaterThanOrEqual(1);
    expect(updatesIn(sender.received).length - sentBefore).toBe(0);
    // And the other way: the first sender gets the second's edits.
    other.doc.getArray<string>('echo').push(['back']);
    await until(() => sender.doc.getArray('echo').length === 6, "the other's edit to be relayed to the first");
  });

  it("back to its sender too when it let the document integrate another writer's pending structs", async () => {
    const reader = openPlan(t.url, p.documentName, p.joinery);
    clients.push(reader);
    await synced(reader);
    const raw = await rawWriter(t.url, p.documentName, p.steel);
    try {
      // Two edits of a third party, the second depending on the first: sent second first, it is pending on the server.
      const third = new Y.Doc();
      const updates: Uint8Array[] = [];
      third.on('update', (u: Uint8Array) => updates.push(u));
      third.getText('pending').insert(0, 'ab');
      third.getText('pending').insert(2, 'cd');
      await raw.update(updates[1]);
      const before = updatesIn(raw.received).length;
      await raw.update(updates[0]);
      // The applied update holds both edits: the raw writer sent only the first, so it is sent the whole.
      await until(() => updatesIn(raw.received).length > before, 'the applied update to be sent to its sender too');
      const doc = new Y.Doc();
      Y.applyUpdate(doc, payloadOf(updatesIn(raw.received).at(-1)!));
      expect(doc.getText('pending').toString()).toBe('abcd');
      await until(() => reader.doc.getText('pending').toString() === 'abcd', 'the reader to get both edits');
      // In order, an update of its own is not sent back to it.
      const third2 = new Y.Doc();
      let own: Uint8Array | null = null;
      third2.on('update', (u: Uint8Array) => (own = u));
      third2.getArray<string>('own').push(['x']);
      const ownBefore = updatesIn(raw.received).length;
      await raw.update(own!);
      await until(() => reader.doc.getArray('own').length === 1, 'the reader to get the raw writer’s update');
      expect(updatesIn(raw.received).length).toBe(ownBefore);
    } finally {
      raw.close();
    }
  });
});
