import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { As } from '../../test/harness.js';
import { addressOf, AUTH, AUTH_AUTHENTICATED, AUTH_TOKEN, readSyncFrame, readVarUint, STEP1, STEP2, SYNC_STATUS, syncFrame, UPDATE, varUint } from '../../test/collab/wire-frames.js';

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
  /**
   * Keeps an idle socket open (relay-rounds.ts, between a server's slots): the product drops a socket that sent
   * nothing for 30 s (Hocuspocus' `timeout`, collab-server.ts), which the provider's own messages prevent and this
   * minimal client's do not. The others need nothing.
   */
  keepAlive(): void;
  close(): void;
}

/**
 * An editor of the product through `@hocuspocus/provider` over `ws`, with the session cookie of a real user (as the
 * browser sends it), on /collab: `--client=provider`. The provider does more per message than the bare side's
 * client (events, message classes, awareness), on the same two cores as the servers.
 */
export function providerEditor(baseUrl: string, documentName: string, as: As): Editor {
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
    keepAlive: () => {},
    close: () => provider.destroy(),
  };
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
    keepAlive: () => {},
    close: () => ws.terminate(),
  };
}

/**
 * An editor of the product (the default): the same minimal y-protocols client as `bareEditor`, speaking Hocuspocus'
 * framing (each message starts with the document's name) on /collab with a real user's session cookie, as the
 * provider does: its token message, sync step 1 once authenticated, the answer to the server's step 1, each local
 * update as it is made, each received one applied, and the server's acknowledgements (SyncStatus, one per step 2
 * and update sent, in order) counted. Nothing else (no awareness, no reconnection), like the bare side's client, so
 * that the two sides differ by their servers and framing only, not by the clients' CPU on the same cores.
 */
export function productEditor(baseUrl: string, documentName: string, as: As): Editor {
  const doc = new Y.Doc();
  const ws = new WebSocket(`${baseUrl.replace('http', 'ws')}/collab`, { headers: as?.cookie ? { cookie: as.cookie } : {} });
  ws.binaryType = 'arraybuffer';
  const prefix = addressOf(documentName);
  let isSynced = false;
  /** What each acknowledgement still to come is for: the clock after a local update, or null (a sync step 2). */
  const awaiting: (number | null)[] = [];
  let acks = 0;
  let ackedClock = 0;
  const send = (frame: Uint8Array) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(frame);
  };
  ws.on('open', () => {
    const token = new TextEncoder().encode(as?.token ?? '');
    send(new Uint8Array([...prefix, AUTH, AUTH_TOKEN, ...varUint(token.length), ...token]));
  });
  ws.on('message', (data: ArrayBuffer) => {
    const frame = new Uint8Array(data);
    const [nameLength, afterLength] = readVarUint(frame, 0);
    const at = afterLength + nameLength;
    const type = frame[at];
    if (type === AUTH && frame[at + 1] === AUTH_AUTHENTICATED) send(syncFrame(STEP1, Y.encodeStateVector(doc), prefix));
    else if (type === SYNC_STATUS) {
      const clock = awaiting.shift();
      if (clock !== undefined && clock !== null) {
        acks += 1;
        ackedClock = clock;
      }
    }
    const message = readSyncFrame(frame, at);
    if (!message) return;
    if (message.kind === STEP1) {
      send(syncFrame(STEP2, Y.encodeStateAsUpdate(doc, message.payload), prefix));
      awaiting.push(null);
    } else Y.applyUpdate(doc, message.payload, ws);
    if (message.kind === STEP2) isSynced = true;
  });
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === ws) return;
    send(syncFrame(UPDATE, update, prefix));
    awaiting.push(Y.getState(doc.store, doc.clientID));
  });
  return {
    doc,
    synced: () => isSynced && awaiting.length === 0,
    unsynced: () => awaiting.length,
    ackedClock: () => ackedClock,
    acked: () => acks,
    // Sync step 1 again: the server answers with what this editor lacks (nothing) and counts the message.
    keepAlive: () => send(syncFrame(STEP1, Y.encodeStateVector(doc), prefix)),
    close: () => ws.terminate(),
  };
}
