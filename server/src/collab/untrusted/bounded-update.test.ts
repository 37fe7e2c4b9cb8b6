import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boundedUpdateV1 } from './bounded-update.js';
import { createUpdateChecker, UntrustedUpdateError } from './update-checker.js';

/** What browsers send while they write a plan: one update per keystroke, action edit, deletion. */
function typedUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  const action = new Y.Map<unknown>();
  doc.transact(() => {
    paragraph.insert(0, [text]);
    doc.getXmlFragment('notes').push([paragraph]);
    action.set('id', 'a1');
    action.set('budget', { amount: 12_000.5, funders: ['ADEME', null, true], raw: new Uint8Array([1, 2]) });
    doc.getArray('actions').push([action]);
  });
  for (const ch of 'chaleur fatale → séchoir') text.insert(text.length, ch);
  text.format(0, 7, { bold: true });
  action.set('status', 'DONE');
  text.delete(2, 3);
  doc.getArray('actions').delete(0, 1);
  return updates;
}

const reasonOf = (promise: Promise<void>) =>
  promise.then(
    () => 'ACCEPTED',
    (error: unknown) => (error instanceof UntrustedUpdateError ? error.reason : `OTHER ${String(error)}`),
  );

/** The same checker with and without its inline path: their verdicts must agree on every message. */
const inline = createUpdateChecker({ poolSize: 1, timeoutMs: 2_000 });
const workerOnly = createUpdateChecker({ poolSize: 1, timeoutMs: 2_000, inlineMaxStructs: 0 });
afterAll(async () => {
  await inline.close();
  await workerOnly.close();
});

describe('the bounded reader of Yjs v1 updates', () => {
  it('vouches for what an editor sends: typing, formatting, map values of every kind, deletions', () => {
    const updates = typedUpdates();
    expect(updates.length).toBeGreaterThan(20);
    for (const update of updates) expect(boundedUpdateV1(update)?.size).toBeGreaterThan(0);
    // The first update of an editor starts at clock 0; the keystrokes after it do not.
    expect(updates.map((u) => boundedUpdateV1(u)!.fromClockZero).filter(Boolean)).toHaveLength(1);
  });

  it('does not vouch for a truncated update, a count larger than the bytes left, or a sub-document', () => {
    const [first] = typedUpdates();
    for (let cut = 0; cut < first.length - 1; cut++) expect(boundedUpdateV1(first.slice(0, cut))).toBeNull();
    // One client announcing 2^40 structs in a 10-byte update.
    expect(boundedUpdateV1(new Uint8Array([1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20, 1, 0, 0, 0]))).toBeNull();
    const withSubdoc = new Y.Doc();
    withSubdoc.getMap('files').set('annex', new Y.Doc());
    expect(boundedUpdateV1(Y.encodeStateAsUpdate(withSubdoc))).toBeNull();
  });

  it('ends on any bytes, and Yjs decodes whatever it vouches for without reading past the end', () => {
    const valid = typedUpdates();
    const mutated = fc
      .tuple(fc.constantFrom(...valid), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 3 }))
      .map(([update, flips]) => {
        const copy = update.slice();
        for (const [at, mask] of flips) copy[at % copy.length] ^= mask;
        return copy;
      });
    let vouched = 0;
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 96 }), mutated), (bytes) => {
        if (!boundedUpdateV1(bytes)) return;
        vouched += 1;
        // Vouched for: decoding ends (it may still throw on a bad string or JSON, which the caller catches).
        try {
          Y.decodeUpdate(bytes);
        } catch {
          // refused by Yjs, in bounded time
        }
      }),
      { numRuns: 20_000 },
    );
    expect(vouched).toBeGreaterThan(100);
  });

  it('does not vouch for an empty deleted range, which decodes but throws when applied: both paths refuse it', async () => {
    // No structs; one client's deleted range at clock 7 of length 0 (a fuzzed update found by the property below).
    const emptyRange = Uint8Array.from([0, 1, 166, 220, 166, 198, 7, 1, 7, 0]);
    expect(() => Y.decodeUpdate(emptyRange)).not.toThrow();
    expect(() => Y.applyUpdate(new Y.Doc(), emptyRange)).toThrow();
    expect(boundedUpdateV1(emptyRange)).toBeNull();
    expect(await reasonOf(inline.check(emptyRange))).toBe('MALFORMED');
    expect(await reasonOf(workerOnly.check(emptyRange))).toBe('MALFORMED');
    // The durability thread's check (durability-worker.ts) is the inline path's: the bounded reader's shape, then
    // the verdict of update-verdict.ts with it.
  });

  it('gives the same verdict inline as the worker does, over 3,000 fuzzed updates', async () => {
    const valid = typedUpdates();
    const mutated = fc
      .tuple(fc.constantFrom(...valid), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 2 }))
      .map(([update, flips]) => {
        const copy = update.slice();
        for (const [at, mask] of flips) copy[at % copy.length] ^= mask;
        return copy;
      });
    const seen: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, fc.constantFrom(...valid)), async (bytes) => {
        const [here, there] = await Promise.all([reasonOf(inline.check(bytes)), reasonOf(workerOnly.check(bytes))]);
        seen[here] = (seen[here] ?? 0) + 1;
        expect(here).toBe(there);
      }),
      { numRuns: 3_000 },
    );
    expect(seen.ACCEPTED).toBeGreaterThan(0);
    expect(seen.MALFORMED).toBeGreaterThan(0);
  }, 120_000);
});
