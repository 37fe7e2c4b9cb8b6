import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { As } from '../../test/harness.js';

/**
 * One editor of the benchmark: a Y.Doc kept in sync with a server by a client. Remote updates are applied with a
 * non-null origin, local edits with none, so that a listener tells the two apart.
 */
export interface Editor {
  doc: Y.Doc;
  synced(): boolean;
  /** Local updates sent and not yet acknowledged (the bare server acknowledges nothing: always 0). */
  unsynced(): number;
  /** The editor's own clock when the server last had acknowledged every update it sent. */
  ackedClock(): number;
  /** Local updates the server acknowledged so far (each once committed in PostgreSQL; 0 for the bare server). */
  acked(): number;
  close(): void;
}

/**
 * An editor of the product: `@hocuspocus/provider` over `ws`, with the session cookie of a real user (as the
 * browser sends it), on /collab.
 */
export function productEditor(baseUrl: string, documentName: string, as: As): Editor {
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: as?.cookie ? { cookie: as.cookie } : {} });
    }
  }
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    url: baseUrl.replace('http', 'ws') + '/collab',
    WebSocketPolyfill: CookieWebSocket,
    name: documentName,
    document: doc,
    token: as?.token ?? '',
    maxAttempts: 1,
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  // The server answers each update in order ("applied"), so the first `acks` local updates are acknowledged. The
  // count starts once synced (the provider counts its sync step as one unsynced change first).
  const clocks: number[] = [];
  let acks = 0;
  let last = 0;
  let counting = false;
  provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    if (counting && number < last) acks += last - number;
    else if (!counting && number === 0 && provider.isSynced) counting = true;
    last = number;
  });
  provider.on('synced', () => {
    if (!counting && provider.unsyncedChanges === 0) counting = true;
  });
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) clocks.push(Y.getState(doc.store, doc.clientID));
  });
  return {
    doc,
    synced: () => provider.isSynced && counting,
    unsynced: () => provider.unsyncedChanges,
    ackedClock: () => (acks > 0 ? clocks[Math.min(acks, clocks.length) - 1] : 0),
    acked: () => acks,
    close: () => provider.destroy(),
  };
}

/** y-protocols' framing, written out: [messageSync=0][step1=0 | step2=1 | update=2][varUint length][payload]. */
const SYNC = 0;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;

function syncFrame(kind: number, payload: Uint8Array): Uint8Array {
  const length: number[] = [];
  let n = payload.length;
  while (n > 0x7f) {
    length.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  length.push(n);
  const frame = new Uint8Array(2 + length.length + payload.length);
  frame.set([SYNC, kind, ...length]);
  frame.set(payload, 2 + length.length);
  return frame;
}

function readSyncFrame(frame: Uint8Array): { kind: number; payload: Uint8Array } | null {
  if (frame[0] !== SYNC) return null; // awareness: not used here
  let at = 2;
  let n = 0;
  let scale = 1;
  for (;;) {
    const b = frame[at++];
    n += (b & 0x7f) * scale;
    scale *= 128;
    if (b < 0x80) break;
  }
  return { kind: frame[1], payload: frame.subarray(at, at + n) };
}

/**
 * An editor of the bare y-websocket server: a minimal y-protocols client doing what y-websocket's own client does
 * for documents (sync step 1 on open, answer the server's step 1, send each local update as it is made, apply each
 * received one) and nothing else (no awareness, no reconnection). The Hocuspocus provider cannot talk to
 * y-websocket (its frames carry the document name first), and y-websocket's client is not a dependency.
 */
export function bareEditor(baseUrl: string, documentName: string): Editor {
  const doc = new Y.Doc();
  const ws = new WebSocket(`${baseUrl.replace('http', 'ws')}/${documentName}`);
  ws.binaryType = 'arraybuffer';
  let isSynced = false;
  const send = (frame: Uint8Array) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(frame);
  };
  ws.on('open', () => send(syncFrame(STEP1, Y.encodeStateVector(doc))));
  ws.on('message', (data: ArrayBuffer) => {
    const message = readSyncFrame(new Uint8Array(data));
    if (!message) return;
    if (message.kind === STEP1) send(syncFrame(STEP2, Y.encodeStateAsUpdate(doc, message.payload)));
    else Y.applyUpdate(doc, message.payload, ws);
    if (message.kind === STEP2) isSynced = true;
  });
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== ws) send(syncFrame(UPDATE, update));
  });
  return {
    doc,
    synced: () => isSynced,
    unsynced: () => 0,
    ackedClock: () => 0,
    acked: () => 0,
    close: () => ws.terminate(),
  };
}
