import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { As } from '../harness.js';
import { TestApp } from '../harness.js';
import { frameType, openPlan, planProject, storedDocument, synced, until, type PlanClient, type PlanProject } from './collab-harness.js';

/** Hocuspocus' message types and y-protocols' sync steps, as a client writes them. */
const MESSAGE = { sync: 0, awareness: 1, auth: 2, close: 7 } as const;
const SYNC = { step1: 0, step2: 1, update: 2 } as const;
const MAX_BYTES = 4096;
const MESSAGES = 10_000;

function frame(name: string, type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, name);
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}
const authFrame = (name: string) => frame(name, MESSAGE.auth, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarString(e, '')));
const syncFrame = (name: string, step: number, payload: Uint8Array) => frame(name, MESSAGE.sync, (e) => (encoding.writeVarUint(e, step), encoding.writeVarUint8Array(e, payload)));

/**
 * A raw /collab socket of an editor (session cookie), authenticated for one document; fuzzed frames go out on it.
 * The server closes it for what it refuses (a wrong name, an oversized frame); the driver then opens another.
 */
class RawCollabSocket {
  readonly closed: Promise<number>;
  /** Set when the server closed the document's connection (after a refused update): frames then wait for a new auth. */
  documentClosed = false;
  private onAuthenticated: (() => void) | null = null;

  private constructor(
    readonly ws: WebSocket,
    private readonly documentName: string,
  ) {
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('message', (data: Buffer) => {
      const { type } = frameType(new Uint8Array(data));
      if (type === MESSAGE.auth) this.onAuthenticated?.();
      if (type === MESSAGE.close) this.documentClosed = true;
    });
  }

  static async open(url: string, as: As, documentName: string): Promise<RawCollabSocket> {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/collab`, { headers: { cookie: as!.cookie! } });
    const socket = new RawCollabSocket(ws, documentName);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    await socket.authenticate();
    return socket;
  }

  /** Opens the document on this socket (again); resolves on the server's answer, or when the socket closes. */
  async authenticate(): Promise<void> {
    this.documentClosed = false;
    const answered = new Promise<void>((resolve) => (this.onAuthenticated = resolve));
    this.ws.send(authFrame(this.documentName));
    await Promise.race([answered, this.closed]);
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  close(): Promise<number> {
    if (this.ws.readyState !== WebSocket.CLOSED) this.ws.close();
    return this.closed;
  }
}

/**
 * Issue 9, item 7: 10,000 fuzzed messages (fast-check) from an editor's own authenticated socket — random bytes,
 * random, truncated and bit-flipped updates as sync steps 2 and updates, random awareness, wrong document names,
 * oversized frames — leave the process responsive (a probe answers all along) and the plan intact (its content
 * in PostgreSQL and at an open client, and a later edit still converges). The checker's own 10,000-message
 * property test is `src/collab/untrusted/update-checker.test.ts`; this one goes through the real socket.
 */
describe('a plan under 10,000 fuzzed /collab messages', () => {
  let t: TestApp;
  let p: PlanProject;
  let other: PlanProject;
  const clients: PlanClient[] = [];

  beforeAll(async () => {
    t = await TestApp.start({ env: { WS_COLLAB_MESSAGES_PER_SECOND: '100000', WS_MAX_MESSAGE_BYTES: String(MAX_BYTES) } });
    p = await planProject(t, 'Plan sous le feu');
    other = await planProject(t, 'Autre plan');
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t?.stop();
  });

  it('leaves the process responsive and the plan intact', async () => {
    const editor = openPlan(t.url, p.documentName, p.joinery);
    clients.push(editor);
    await synced(editor);
    editor.text.insert(0, 'Contenu de référence du plan.');
    editor.doc.getArray('actions').push([new Y.Map<unknown>(Object.entries({ id: 'reference', title: 'Action de référence', status: 'TODO' }))]);
    await until(() => !editor.provider.hasUnsyncedChanges, 'the reference content acknowledged');

    // Valid updates of a scratch document of its own, to truncate and flip.
    const scratch = new Y.Doc();
    scratch.getText('notes').insert(0, 'Fuzz');
    scratch.getArray('actions').push([new Y.Map<unknown>(Object.entries({ id: 'fuzz', title: 'Fuzz' }))]);
    const valid = Y.encodeStateAsUpdate(scratch);
    const name = p.documentName;
    const bytes = fc.uint8Array({ maxLength: 200 });
    const truncated = fc.nat().map((cut) => valid.slice(0, cut % valid.length));
    const flipped = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }).map((flips) => {
      const copy = valid.slice();
      for (const [at, mask] of flips) copy[at % copy.length] ^= mask;
      return copy;
    });
    const payload = fc.oneof(bytes, truncated, flipped);
    const message = fc.oneof(
      { weight: 3, arbitrary: bytes },
      { weight: 6, arbitrary: fc.tuple(fc.constantFrom(SYNC.step2, SYNC.update), payload).map(([step, u]) => syncFrame(name, step, u)) },
      { weight: 1, arbitrary: payload.map((u) => syncFrame(name, SYNC.step1, u)) },
      { weight: 1, arbitrary: bytes.map((u) => frame(name, MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, u))) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(other.documentName, 'project-plan:00000000-0000-4000-8000-000000000000', 'workshop-board:x', '', 'project-plan:'), fc.string({ maxLength: 20 }))
          .map(([wrong, suffix]) => syncFrame(wrong + suffix, SYNC.update, valid)),
      },
      { weight: 1, arbitrary: fc.integer({ min: MAX_BYTES + 1, max: MAX_BYTES * 2 }).map((n) => syncFrame(name, SYNC.update, new Uint8Array(n))) },
    );
    const messages = fc.sample(message, { numRuns: MESSAGES, seed: 20261205 });

    // The probe: a GraphQL read every 100 ms while the fuzz runs; every one must answer.
    const probes: number[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const started = Date.now();
        const res = await t.gql(`query($p: ID!) { project(id: $p) { plan { summary } } }`, { p: p.projectId }, p.steel);
        expect(res.errors).toBeUndefined();
        probes.push(Date.now() - started);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    let socket = await RawCollabSocket.open(t.url, p.steel, name);
    let sockets = 1;
    let reopenedDocuments = 0;
    const closeCodes: Record<number, number> = {};
    for (const [index, m] of messages.entries()) {
      if (socket.open && socket.documentClosed) {
        // A refused update closed the document's connection: open it again, so that what follows is decoded too.
        reopenedDocuments += 1;
        await socket.authenticate();
      }
      if (!socket.open) {
        const code = await socket.closed;
        closeCodes[code] = (closeCodes[code] ?? 0) + 1;
        socket = await RawCollabSocket.open(t.url, p.steel, name);
        sockets += 1;
      }
      socket.ws.send(m);
      // A breath every 50 messages, so that the server's answers (and closes) are read before more is sent.
      if (index % 50 === 49) await new Promise((r) => setImmediate(r));
    }
    await socket.close();
    probing = false;
    await probe;
    const sorted = [...probes].sort((a, b) => a - b);
    console.log(
      `Fuzz: ${MESSAGES} messages over ${sockets} sockets, closes by code ${JSON.stringify(closeCodes)}, ${reopenedDocuments} documents reopened after a refusal; ` +
        `${probes.length} probes answered, median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted[sorted.length - 1]} ms`,
    );
    expect(probes.length).toBeGreaterThan(0);

    // Intact: what the editor wrote is in the store, at the editor, at a newcomer and through the API.
    const stored = await storedDocument(t, p.documentName);
    expect(stored.getText('notes').toString()).toContain('Contenu de référence du plan.');
    expect(editor.text.toString()).toContain('Contenu de référence du plan.');
    const plan = (await t.gql(`query($p: ID!) { project(id: $p) { plan { actions { id title } } } }`, { p: p.projectId }, p.steel)).data!.project.plan;
    expect(plan.actions).toContainEqual({ id: 'reference', title: 'Action de référence' });
    // And it still lives: a later edit converges between the editor and a newcomer, and reaches the store.
    const newcomer = openPlan(t.url, p.documentName, p.steel);
    clients.push(newcomer);
    await synced(newcomer);
    editor.text.insert(editor.text.length, ' Après le feu.');
    await until(() => newcomer.text.toString() === editor.text.toString() && newcomer.text.toString().includes('Après le feu.'), 'the later edit at the newcomer');
    await until(() => !editor.provider.hasUnsyncedChanges, 'the later edit acknowledged');
    expect((await storedDocument(t, p.documentName)).getText('notes').toString()).toBe(editor.text.toString());
    // The other plan, named by the fuzz from a socket opened for this one, got nothing.
    expect((await storedDocument(t, other.documentName)).getText('notes').toString()).not.toContain('Fuzz');
  }, 600_000);
});
