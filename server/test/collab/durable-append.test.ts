import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDurableAppend } from '../../src/collab/store/durable-append.js';
import { createDurabilityThread, type DurabilityThread } from '../../src/collab/store/durability-thread.js';
import { StageTimings } from '../../src/collab/store/stage-timings.js';
import { UpdateLog } from '../../src/collab/store/update-log.js';
import { UntrustedUpdateError } from '../../src/collab/untrusted/update-checker.js';
import { inlineShape } from '../../src/collab/untrusted/update-verdict.js';
import { openTestDatabase, type OpenTestDatabase } from '../test-database.js';

const DOC = (k: number) => `project-plan:00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;

function edit(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/**
 * A map value set as ContentJSON whose string is not JSON ("budget"): the bounded reader vouches for its grammar,
 * Yjs throws decoding it (a fuzzed flip of a plan action's update).
 */
const VOUCHED_BAD_JSON = Uint8Array.from([
  1, 1, 162, 225, 152, 201, 8, 1, 5, 0, 162, 225, 152, 201, 8, 0, 6, 98, 117, 100, 103, 101, 116, 1, 118, 1, 6, 97, 109, 111, 117, 110, 116, 125, 12, 0,
]);
/** Bytes the bounded reader cannot vouch for (a count running past the end): checked on the durability thread. */
const UNVOUCHED = new Uint8Array([255, 255, 255, 255, 255, 255, 255]);

const outcome = (promise: Promise<void>) =>
  promise.then(
    () => 'COMMITTED',
    (error: unknown) => (error instanceof UntrustedUpdateError ? error.reason : 'FAILED'),
  );

/**
 * Issue 9 (relay): clients' keystrokes are checked and committed from the main thread (store/durable-append.ts),
 * anything the bounded reader cannot vouch for on the durability thread; a connection's updates keep the order
 * and the refusals the thread alone gave them.
 */
describe('the two paths of a client update to the log', () => {
  let db: OpenTestDatabase;
  let thread: DurabilityThread;
  let log: UpdateLog;
  let append: ReturnType<typeof createDurableAppend>;
  const stored = async (update: Uint8Array) => {
    const [{ n }] = await db.orm.em.fork().execute(`select count(*)::int as n from collab_update where "update" = decode(?, 'hex')`, [Buffer.from(update).toString('hex')]);
    return n as number;
  };
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  const open = () => {
    thread = createDurabilityThread({ clientUrl: db.orm.config.get('clientUrl')!, embedded: !process.env.DATABASE_URL, timeoutMs: 2_000 });
    log = new UpdateLog(() => db.orm.em.fork(), new StageTimings(), process.env.DATABASE_URL ? undefined : 1);
    append = createDurableAppend(thread, log, new StageTimings());
  };
  afterEach(async () => {
    await thread.close();
    await log.drain();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('commits keystrokes from the main thread, each answered once stored, without starting the durability thread', async () => {
    open();
    const updates = Array.from({ length: 30 }, (_, k) => edit(`clavier ${k}`));
    const rowsWhenAnswered = await Promise.all(updates.map((update, k) => append({ lane: 1 + (k % 3), documentName: DOC(1), update, authorId: null }).then(() => stored(update))));
    expect(rowsWhenAnswered).toEqual(updates.map(() => 1));
    expect(thread.currentThread()).toBeNull();
  });

  it("holds a keystroke behind its connection's update on the slow path, and refuses it when that one is refused", async () => {
    open();
    expect(inlineShape(UNVOUCHED)).toBeNull();
    const behind = edit('derrière');
    const other = edit('voisin');
    const results = await Promise.all([
      outcome(append({ lane: 11, documentName: DOC(2), update: UNVOUCHED, authorId: null })),
      outcome(append({ lane: 11, documentName: DOC(2), update: behind, authorId: null })),
      outcome(append({ lane: 12, documentName: DOC(2), update: other, authorId: null })),
    ]);
    expect(results).toEqual(['MALFORMED', 'MALFORMED', 'COMMITTED']);
    expect(await stored(behind)).toBe(0);
    expect(await stored(other)).toBe(1);
    // Refused, the connection's later keystrokes are refused too, though nothing of it is on the slow path now.
    expect(await outcome(append({ lane: 11, documentName: DOC(2), update: edit('encore'), authorId: null }))).toBe('MALFORMED');
  });

  it("refuses on the main thread what the bounded reader vouches for but Yjs does not decode, and the connection's later updates on the slow path", async () => {
    open();
    expect(inlineShape(VOUCHED_BAD_JSON)).not.toBeNull();
    expect(await outcome(append({ lane: 21, documentName: DOC(3), update: VOUCHED_BAD_JSON, authorId: null }))).toBe('MALFORMED');
    expect(thread.currentThread()).toBeNull();
    const large = edit('x'.repeat(10_000));
    const largeOther = edit('y'.repeat(10_000));
    expect(inlineShape(large)).toBeNull();
    const results = await Promise.all([
      outcome(append({ lane: 21, documentName: DOC(3), update: large, authorId: null })),
      outcome(append({ lane: 22, documentName: DOC(3), update: largeOther, authorId: null })),
    ]);
    expect(results).toEqual(['MALFORMED', 'COMMITTED']);
    expect(await stored(VOUCHED_BAD_JSON)).toBe(0);
    expect(await stored(large)).toBe(0);
    expect(await stored(largeOther)).toBe(1);
  });

  it('takes the fast path again once the slow path holds nothing of the connection', async () => {
    open();
    expect(await outcome(append({ lane: 31, documentName: DOC(4), update: edit('z'.repeat(10_000)), authorId: null }))).toBe('COMMITTED');
    // Closed, the thread fails whatever it is handed: a keystroke committed now did not go to it.
    await thread.close();
    const keystroke = edit('après');
    expect(await outcome(append({ lane: 31, documentName: DOC(4), update: keystroke, authorId: null }))).toBe('COMMITTED');
    expect(await stored(keystroke)).toBe(1);
    expect(await outcome(append({ lane: 31, documentName: DOC(4), update: edit('w'.repeat(10_000)), authorId: null }))).toBe('FAILED');
  });
});
