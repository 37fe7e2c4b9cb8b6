import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createUpdateChecker, UntrustedUpdateError, type UpdateChecker } from './update-checker.js';

/** yjs issue #687: run-length decoders that yield values forever without consuming bytes (v2 format). */
const LOOPING_V2_UPDATE = Buffer.from('00010000000001000100010200001602000001fdffffffff7f0000', 'hex');

function editedDocument(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  doc.getArray('actions').push([new Y.Map(Object.entries({ id: 'a1', title: text }))]);
  return doc;
}

const reasonOf = (promise: Promise<void>) =>
  promise.then(
    () => 'ACCEPTED',
    (error: unknown) => (error instanceof UntrustedUpdateError ? error.reason : `OTHER ${String(error)}`),
  );

/** Far above a valid update's decoding time, so a loaded machine does not turn a valid update into a TIMEOUT. */
const GENEROUS_MS = 2_000;

/** The #687 loop also allocates: with room to grow, it is the time limit that stops it. */
const ROOMY_HEAP_MB = 1024;

let checker: UpdateChecker | null = null;
afterEach(async () => {
  await checker?.close();
  checker = null;
});

describe('the untrusted update checker', () => {
  it('starts its worker threads with the first update it cannot check inline, not before (an idle instance keeps none)', async () => {
    const threads = () => Number(/^Threads:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
    const before = threads();
    checker = createUpdateChecker({ poolSize: 2, timeoutMs: GENEROUS_MS });
    expect(threads()).toBe(before);
    // A typed update: small, vouched for by the bounded reader, checked on this thread.
    await expect(checker.check(Y.encodeStateAsUpdate(editedDocument('Palettes')))).resolves.toBeUndefined();
    expect(threads()).toBe(before);
    // A plan with a hundred actions: more structs than are checked inline.
    const big = editedDocument('Palettes');
    for (let i = 0; i < 100; i++) big.getArray('actions').push([new Y.Map(Object.entries({ id: `a${i}`, title: `Action ${i}` }))]);
    await expect(checker.check(Y.encodeStateAsUpdate(big))).resolves.toBeUndefined();
    expect(threads()).toBeGreaterThanOrEqual(before + 2);
  });

  it('lets a valid update through', async () => {
    checker = createUpdateChecker({ poolSize: 1, timeoutMs: GENEROUS_MS });
    const update = Y.encodeStateAsUpdate(editedDocument('Collecte des palettes'));
    await expect(checker.check(update)).resolves.toBeUndefined();
  });

  it('lets an incremental update through, though the scratch document lacks what it builds on', async () => {
    checker = createUpdateChecker({ poolSize: 1, timeoutMs: GENEROUS_MS });
    const doc = editedDocument('Collecte');
    const before = Y.encodeStateVector(doc);
    doc.getText('notes').insert(3, ' des palettes');
    await expect(checker.check(Y.encodeStateAsUpdate(doc, before))).resolves.toBeUndefined();
  });

  it('rejects bytes that are no update as MALFORMED', async () => {
    checker = createUpdateChecker({ poolSize: 1, timeoutMs: GENEROUS_MS });
    expect(await reasonOf(checker.check(new Uint8Array()))).toBe('MALFORMED');
    expect(await reasonOf(checker.check(Buffer.from('garbagedoc', 'base64')))).toBe('MALFORMED');
    expect(await reasonOf(checker.check(new Uint8Array([255, 255, 255, 255, 255, 255, 255])))).toBe('MALFORMED');
  });

  it('rejects an update over the size limit as TOO_LARGE without decoding it', async () => {
    checker = createUpdateChecker({ poolSize: 1, timeoutMs: GENEROUS_MS, maxBytes: 64 });
    const update = Y.encodeStateAsUpdate(editedDocument('x'.repeat(200)));
    expect(await reasonOf(checker.check(update))).toBe('TOO_LARGE');
  });

  it('stops a decoder looping forever (yjs #687) with TIMEOUT while the event loop keeps ticking, then recovers', async () => {
    checker = createUpdateChecker({ poolSize: 1, timeoutMs: 500, encoding: 'v2', workerHeapMb: ROOMY_HEAP_MB });
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    const started = Date.now();
    const reason = await reasonOf(checker.check(LOOPING_V2_UPDATE));
    clearInterval(ticker);
    expect(reason).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(ticks).toBeGreaterThanOrEqual(20);
    // The stuck worker was replaced: the next update is checked, by the same one-worker pool.
    const valid = Y.encodeStateAsUpdateV2(editedDocument('après le comité'));
    await expect(checker.check(valid)).resolves.toBeUndefined();
  });

  it('keeps checking the updates queued behind a stuck one', async () => {
    checker = createUpdateChecker({ poolSize: 1, timeoutMs: 500, encoding: 'v2', workerHeapMb: ROOMY_HEAP_MB });
    const valid = Y.encodeStateAsUpdateV2(editedDocument('budget'));
    const reasons = await Promise.all([LOOPING_V2_UPDATE, valid, LOOPING_V2_UPDATE, valid].map((u) => reasonOf(checker!.check(u))));
    expect(reasons).toEqual(['TIMEOUT', 'ACCEPTED', 'TIMEOUT', 'ACCEPTED']);
  });

  it('never accepts an update that Y.applyUpdate throws on, over 10,000 fuzzed messages, and stays responsive', async () => {
    checker = createUpdateChecker({ poolSize: 2, timeoutMs: GENEROUS_MS, maxBytes: 4096 });
    const validUpdates = ['Réunion', 'Plan d’actions', 'Budget 12 000 €'].map((text) =>
      Y.encodeStateAsUpdate(editedDocument(text)),
    );
    const randomBytes = fc.uint8Array({ maxLength: 64 });
    const truncated = fc
      .tuple(fc.constantFrom(...validUpdates), fc.nat())
      .map(([update, cut]) => update.slice(0, cut % update.length));
    const flipped = fc
      .tuple(fc.constantFrom(...validUpdates), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }))
      .map(([update, flips]) => {
        const copy = update.slice();
        for (const [at, mask] of flips) copy[at % copy.length] ^= mask;
        return copy;
      });
    const oversized = fc.integer({ min: 4097, max: 9000 }).map((length) => new Uint8Array(length));
    const seen = { ACCEPTED: 0, MALFORMED: 0, TIMEOUT: 0, TOO_LARGE: 0 } as Record<string, number>;
    await fc.assert(
      fc.asyncProperty(fc.oneof(randomBytes, truncated, flipped, oversized), async (message) => {
        const reason = await reasonOf(checker!.check(message));
        seen[reason] = (seen[reason] ?? 0) + 1;
        expect(['ACCEPTED', 'MALFORMED', 'TIMEOUT', 'TOO_LARGE']).toContain(reason);
        // Only what decoded in time is replayed here: replaying a rejected one could hang this thread.
        if (reason === 'ACCEPTED') expect(() => Y.applyUpdate(new Y.Doc(), message)).not.toThrow();
      }),
      { numRuns: 10_000 },
    );
    expect(seen.ACCEPTED).toBeGreaterThan(0);
    expect(seen.MALFORMED).toBeGreaterThan(0);
    await expect(checker.check(validUpdates[0])).resolves.toBeUndefined();
  }, 120_000);

  it('ends a worker whose decoder eats its memory, as MALFORMED, and recovers', async () => {
    checker = createUpdateChecker({ poolSize: 1, timeoutMs: 20_000, encoding: 'v2', workerHeapMb: 16 });
    expect(await reasonOf(checker.check(LOOPING_V2_UPDATE))).toBe('MALFORMED');
    await expect(checker.check(Y.encodeStateAsUpdateV2(editedDocument('ok')))).resolves.toBeUndefined();
  });

  it('refuses checks once closed', async () => {
    checker = createUpdateChecker({ poolSize: 1, timeoutMs: GENEROUS_MS });
    await checker.close();
    await expect(checker.check(new Uint8Array([0, 0]))).rejects.toThrow('closed');
  });
});
