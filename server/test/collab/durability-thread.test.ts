import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDurabilityThread, type DurabilityOptions, type DurabilityThread } from '../../src/collab/store/durability-thread.js';
import { UntrustedUpdateError } from '../../src/collab/untrusted/update-checker.js';
import { openTestDatabase, type OpenTestDatabase } from '../test-database.js';

/** yjs issue #687: run-length decoders that yield values forever without consuming bytes (v2 format). */
const LOOPING_V2_UPDATE = Buffer.from('00010000000001000100010200001602000001fdffffffff7f0000', 'hex');
const DOC = (k: number) => `project-plan:00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;

/** A writer's first update (v1 or v2), with its text, so that the stored rows can be told apart. */
function edit(text: string, v2 = false): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  return v2 ? Y.encodeStateAsUpdateV2(doc) : Y.encodeStateAsUpdate(doc);
}

const outcome = (promise: Promise<void>) =>
  promise.then(
    () => 'COMMITTED',
    (error: unknown) => (error instanceof UntrustedUpdateError ? error.reason : 'FAILED'),
  );

/**
 * Issue 9, item 3, on the thread that checks and logs clients' updates (store/durability-thread.ts): an update is
 * answered "committed" only once its row is in PostgreSQL, a crafted update that hangs or kills the thread is
 * refused without losing or refusing the updates of other connections that were in its batch, and a database error
 * fails the updates it hit, never acknowledges them.
 */
describe('the durability thread', () => {
  let db: OpenTestDatabase;
  let thread: DurabilityThread | null = null;
  const stored = async (update: Uint8Array) => {
    const [{ n }] = await db.orm.em.fork().execute(`select count(*)::int as n from collab_update where "update" = decode(?, 'hex')`, [Buffer.from(update).toString('hex')]);
    return n as number;
  };
  const open = (options: Partial<DurabilityOptions> = {}) =>
    (thread = createDurabilityThread({
      clientUrl: db.orm.config.get('clientUrl')!,
      embedded: !process.env.DATABASE_URL,
      timeoutMs: 2_000,
      ...options,
    }));
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterEach(async () => {
    await thread?.close();
    thread = null;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('answers an update committed only once its row is stored, the updates of a turn in one transaction', async () => {
    const t = open();
    const updates = Array.from({ length: 50 }, (_, k) => edit(`frappe ${k}`));
    const appends = updates.map((update, k) => t.append({ lane: k + 1, documentName: DOC(k % 5), update, authorId: null }));
    const rowsWhenAnswered = await Promise.all(appends.map((a, k) => a.then(() => stored(updates[k]))));
    expect(rowsWhenAnswered).toEqual(updates.map(() => 1));
    const [{ transactions }] = await db.orm.em.fork().execute(`select count(distinct xmin::text)::int as transactions from collab_update where document_name like 'project-plan:00000000-0000-4000-8000-%'`);
    expect(transactions).toBeLessThanOrEqual(2);
  });

  it('opens its connections when it starts (with the first update), warmed without storing a row, and appends on them alone', async () => {
    const connections = async () => {
      const [{ n }] = await db.orm.em.fork().execute(`select count(*)::int as n from pg_stat_activity where application_name like ?`, [`fe2i-durability ${process.pid}/%`]);
      return n as number;
    };
    const warmUpRows = async () => {
      const [{ n }] = await db.orm.em.fork().execute(`select count(*)::int as n from collab_update where document_name like 'collab-warm-up%'`);
      return n as number;
    };
    const t = open({ maxInFlight: 3 });
    // The thread starts with the first update, and opens its three connections then, not as later bursts need them
    // (embedded PGlite has one backend for all, and no names to read).
    await t.append({ lane: 100, documentName: DOC(0), update: edit('premier'), authorId: null });
    if (process.env.DATABASE_URL) await expect.poll(connections, { timeout: 10_000, interval: 50 }).toBe(3);
    const updates = Array.from({ length: 60 }, (_, k) => edit(`chaud ${k}`));
    await Promise.all(updates.map((update, k) => t.append({ lane: k + 1, documentName: DOC(k % 7), update, authorId: null })));
    expect(await Promise.all(updates.map(stored))).toEqual(updates.map(() => 1));
    if (process.env.DATABASE_URL) expect(await connections()).toBe(3);
    expect(await warmUpRows()).toBe(0);
  });

  it('refuses a malformed update and its connection\'s later ones, and commits the other connections\' updates of its batch', async () => {
    const t = open();
    const good = [edit('chaleur'), edit('vapeur')];
    const later = edit('après');
    const results = await Promise.all([
      outcome(t.append({ lane: 101, documentName: DOC(1), update: good[0], authorId: null })),
      outcome(t.append({ lane: 102, documentName: DOC(1), update: new Uint8Array([255, 255, 255, 255, 255, 255, 255]), authorId: null })),
      outcome(t.append({ lane: 102, documentName: DOC(1), update: later, authorId: null })),
      outcome(t.append({ lane: 103, documentName: DOC(1), update: good[1], authorId: null })),
    ]);
    expect(results).toEqual(['COMMITTED', 'MALFORMED', 'MALFORMED', 'COMMITTED']);
    expect(await stored(later)).toBe(0);
    expect(await outcome(t.append({ lane: 102, documentName: DOC(1), update: edit('encore'), authorId: null }))).toBe('MALFORMED');
  });

  it('stops a crafted update that loops the decoder (TIMEOUT) while the event loop ticks; the others of its batch are committed by a new thread', async () => {
    // A roomy heap: the time limit, not the memory limit, stops the loop.
    const t = open({ encoding: 'v2', timeoutMs: 300, workerHeapMb: 1024 });
    await t.append({ lane: 201, documentName: DOC(2), update: edit('avant', true), authorId: null });
    const first = t.currentThread();
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    const started = Date.now();
    const before = edit('palettes', true);
    const after = edit('séchoir', true);
    const results = await Promise.all([
      outcome(t.append({ lane: 202, documentName: DOC(2), update: before, authorId: null })),
      outcome(t.append({ lane: 203, documentName: DOC(2), update: LOOPING_V2_UPDATE, authorId: null })),
      outcome(t.append({ lane: 204, documentName: DOC(2), update: after, authorId: null })),
    ]);
    clearInterval(ticker);
    expect(results).toEqual(['COMMITTED', 'TIMEOUT', 'COMMITTED']);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(ticks).toBeGreaterThanOrEqual(20);
    expect(t.currentThread()).not.toBe(first);
    expect(await stored(before)).toBeGreaterThanOrEqual(1);
    expect(await stored(after)).toBe(1);
    expect(await stored(LOOPING_V2_UPDATE)).toBe(0);
  });

  it('refuses an update whose decoding eats the thread\'s memory (MALFORMED) and commits the rest of its batch', async () => {
    const t = open({ encoding: 'v2', timeoutMs: 20_000, workerHeapMb: 16 });
    const ok = edit('budget', true);
    const results = await Promise.all([
      outcome(t.append({ lane: 301, documentName: DOC(3), update: LOOPING_V2_UPDATE, authorId: null })),
      outcome(t.append({ lane: 302, documentName: DOC(3), update: ok, authorId: null })),
    ]);
    expect(results).toEqual(['MALFORMED', 'COMMITTED']);
    expect(await stored(ok)).toBe(1);
  });

  it('sends the updates of a thread killed mid-batch again to a new one, and answers each once committed', async () => {
    const t = open();
    await t.append({ lane: 401, documentName: DOC(4), update: edit('réveil'), authorId: null });
    const updates = Array.from({ length: 20 }, (_, k) => edit(`tuyau ${k}`));
    const appends = updates.map((update, k) => outcome(t.append({ lane: 410 + k, documentName: DOC(4), update, authorId: null })));
    // The batch is sent after this turn; the thread is killed as it receives it, before or while it commits.
    setImmediate(() => void t.currentThread()?.terminate());
    expect(await Promise.all(appends)).toEqual(updates.map(() => 'COMMITTED'));
    for (const update of updates) expect(await stored(update)).toBeGreaterThanOrEqual(1);
  });

  it('when its thread keeps dying with no update to blame, refuses appends and says why for a while, then commits again on a new thread', async () => {
    const t = open({ retryAfterMs: 400 });
    expect(await outcome(t.append({ lane: 701, documentName: DOC(7), update: edit('vie'), authorId: null }))).toBe('COMMITTED');
    expect(t.failure()).toBeNull();
    // Each thread killed from outside as soon as it exists: three deaths in a row, or one before it was ready.
    let kills = 0;
    while (t.failure() === null && kills < 3) {
      const thread = t.currentThread()!;
      await thread.terminate();
      kills += 1;
      while (t.currentThread() === thread) await new Promise((r) => setTimeout(r, 1));
    }
    expect(t.failure()).toMatch(/keeps dying|cannot start/);
    const refused = edit('refusé');
    await expect(t.append({ lane: 710, documentName: DOC(7), update: refused, authorId: null })).rejects.toThrow(/keeps dying|cannot start/);
    expect(await stored(refused)).toBe(0);
    await new Promise((r) => setTimeout(r, 450));
    expect(t.failure()).toBeNull();
    const after = edit('reparti');
    expect(await outcome(t.append({ lane: 711, documentName: DOC(7), update: after, authorId: null }))).toBe('COMMITTED');
    expect(await stored(after)).toBe(1);
  });

  it('fails every update of an INSERT that PostgreSQL refused, stores none of them, and commits the next ones', async () => {
    const t = open();
    await t.append({ lane: 501, documentName: DOC(5), update: edit('prêt'), authorId: null });
    const hit = [edit('un'), edit('deux')];
    const results = await Promise.all([
      outcome(t.append({ lane: 502, documentName: DOC(5), update: hit[0], authorId: null })),
      // Not a uuid: PostgreSQL refuses the statement, and with it the whole transaction.
      outcome(t.append({ lane: 503, documentName: DOC(5), update: hit[1], authorId: 'not-a-uuid' })),
    ]);
    expect(results).toEqual(['FAILED', 'FAILED']);
    for (const update of hit) expect(await stored(update)).toBe(0);
    const next = edit('trois');
    expect(await outcome(t.append({ lane: 502, documentName: DOC(5), update: next, authorId: null }))).toBe('COMMITTED');
    expect(await stored(next)).toBe(1);
  });

  // Embedded PGlite has no backend to terminate.
  it.skipIf(!process.env.DATABASE_URL)('fails the updates whose connection PostgreSQL closed mid-batch, and commits the next ones on a new connection', async () => {
    const t = open();
    await t.append({ lane: 601, documentName: DOC(6), update: edit('ouvert'), authorId: null });
    const ours = async () =>
      (await db.orm.em.fork().execute(`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and query like 'insert into collab_update %'`)) as { pid: number }[];
    // Each INSERT waits for a lock held here, so that the backend can be terminated while it runs.
    const holder = new pg.Client({ connectionString: db.orm.config.get('clientUrl')! });
    await holder.connect();
    await holder.query('begin');
    await holder.query('lock table collab_update in exclusive mode');
    const held = edit('bloqué');
    const pending = outcome(t.append({ lane: 602, documentName: DOC(6), update: held, authorId: null }));
    let backends: { pid: number }[] = [];
    for (let i = 0; i < 200 && !backends.length; i++) {
      await new Promise((r) => setTimeout(r, 20));
      backends = await ours();
    }
    expect(backends.length).toBeGreaterThan(0);
    for (const { pid } of backends) await db.orm.em.fork().execute('select pg_terminate_backend(?)', [pid]);
    await holder.query('rollback');
    await holder.end();
    expect(await pending).toBe('FAILED');
    expect(await stored(held)).toBe(0);
    const next = edit('rouvert');
    expect(await outcome(t.append({ lane: 603, documentName: DOC(6), update: next, authorId: null }))).toBe('COMMITTED');
  });
});
