import { describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import * as Y from 'yjs';
import { frameUpdateKey, RelayTrace, updateKey, type TraceFile } from './relay-trace.js';

/** A Hocuspocus frame carrying `update` for `name`: [name][Sync = 0][update = 2][length][update] (lengths < 128). */
const frame = (name: string, update: Uint8Array, named = true) =>
  new Uint8Array([...(named ? [name.length, ...new TextEncoder().encode(name)] : []), 0, 2, ...lengthOf(update.length), ...update]);
const lengthOf = (n: number) => (n < 128 ? [n] : [(n & 0x7f) | 0x80, n >> 7]);

function edits(clientID: number, count: number): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let k = 0; k < count; k++) doc.getText('t').insert(k, 'x');
  return updates;
}

describe('the relay trace', () => {
  it('knows an edit by its first struct, in an update and in a frame', () => {
    const [first, second] = edits(300_000_007, 2);
    expect(updateKey(first)).toBe('300000007:0');
    expect(updateKey(second)).toBe('300000007:1');
    expect(frameUpdateKey(frame('project-plan:x', second))).toBe('300000007:1');
    expect(frameUpdateKey(frame('', second, false), false)).toBe('300000007:1');
    expect(frameUpdateKey(new Uint8Array([1, 65, 8, 0]))).toBeNull();
  });

  it('notes every update a merged broadcast carries as sent, once, and writes them with their times', async () => {
    const a = edits(11, 3);
    const b = edits(22, 2);
    const trace = new RelayTrace();
    for (const u of [...a, ...b]) trace.arrived(u);
    trace.committed(a[0], 5);
    // Hocuspocus merges a turn's updates into one broadcast; its frame is handed to every connection.
    const merged = frame('doc', Y.mergeUpdates([a[0], a[1], b[0]]));
    trace.sent(merged);
    trace.sent(merged);
    await new Promise((resolve) => setImmediate(resolve));
    trace.sent(frame('doc', Y.mergeUpdates([a[2], b[1]])));
    const path = trace.write();
    const file = JSON.parse(readFileSync(path, 'utf8')) as TraceFile;
    rmSync(path);
    const [arrived, committed, sent, flushed] = file.updates['11:0'];
    expect(arrived).toBeGreaterThan(0);
    expect(committed).toBe(5);
    expect(flushed).toBeGreaterThanOrEqual(sent);
    expect(file.updates['11:1'][2]).toBe(sent);
    expect(file.updates['22:0'][2]).toBe(sent);
    expect(file.updates['11:2'][2]).toBeGreaterThan(sent);
    expect(file.updates['22:1'][2]).toBeGreaterThan(sent);
  });
});
