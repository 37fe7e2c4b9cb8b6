import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { varUint } from '../../../test/collab/wire-frames.js';
import { readClientUpdate } from './sync-frame.js';

const DOC = 'project-plan:11111111-1111-4111-8111-111111111111';


/** A frame as the Hocuspocus provider writes it: [address][message type][sync type][payload]. */
function frame(address: string, messageType: number, syncType: number, payload: Uint8Array): Uint8Array {
  const name = new TextEncoder().encode(address);
  return new Uint8Array([...varUint(name.length), ...name, ...varUint(messageType), ...varUint(syncType), ...varUint(payload.length), ...payload]);
}

const anUpdate = () => {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, 'Collecte des palettes '.repeat(20));
  return Y.encodeStateAsUpdate(doc);
};

/** The persistence extension starts a writer's append on arrival from what this reads (issue 9, item 3). */
describe('reading a client update out of a /collab frame', () => {
  it('reads the document and a view into the frame of a sync update or sync step 2, with or without a session', () => {
    const update = anUpdate();
    for (const [messageType, syncType] of [
      [0, 2],
      [0, 1],
      [4, 2],
    ]) {
      const bytes = frame(`${DOC}\0session-7`, messageType, syncType, update);
      const read = readClientUpdate(bytes);
      expect(read?.documentName).toBe(DOC);
      expect(read?.payload).toEqual(update);
      // A view, not a copy: the extension knows the frame again by its buffer when Hocuspocus hands it over.
      expect(read?.payload.buffer).toBe(bytes.buffer);
    }
    expect(readClientUpdate(frame(DOC, 0, 2, update))?.documentName).toBe(DOC);
  });

  it('leaves every other message to Hocuspocus: sync step 1, awareness, auth, stateless', () => {
    const update = anUpdate();
    expect(readClientUpdate(frame(DOC, 0, 0, Y.encodeStateVector(new Y.Doc())))).toBeNull();
    for (const messageType of [1, 2, 3, 5, 6, 7, 8]) expect(readClientUpdate(frame(DOC, messageType, 2, update))).toBeNull();
  });

  it('refuses truncated frames and lengths running past the end', () => {
    const bytes = frame(DOC, 0, 2, anUpdate());
    for (let cut = 0; cut < bytes.length; cut++) expect(readClientUpdate(bytes.subarray(0, cut))).toBeNull();
    expect(readClientUpdate(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))).toBeNull();
  });

  it('never throws, and what it reads lies inside the frame, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const read = readClientUpdate(bytes);
        const inside = read === null || (read.payload.buffer === bytes.buffer && read.payload.byteOffset + read.payload.byteLength <= bytes.byteOffset + bytes.byteLength);
        expect(inside).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
