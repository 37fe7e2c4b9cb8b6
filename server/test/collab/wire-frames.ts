/**
 * The /collab wire format as the tests and the collab benchmark write and read it, in one place: y-protocols' sync
 * messages ([messageSync=0][step1=0 | step2=1 | update=2][varUint length][payload]) and Hocuspocus' framing around
 * them ([varString document name][varUint message type]…). The server reads client updates with its own reader
 * (src/collab/connection/sync-frame.ts); these are the clients' side, for raw writers that send bytes a provider
 * would not, and for the benchmark's minimal clients.
 */

/** y-protocols' message type of a sync message, and its sync types. */
export const SYNC = 0;
export const STEP1 = 0;
export const STEP2 = 1;
export const UPDATE = 2;
/** Hocuspocus' message types beside Sync: its answer to a client's sync step 1, authentication, acknowledgements. */
export const SYNC_REPLY = 4;
export const AUTH = 2;
export const AUTH_TOKEN = 0;
export const AUTH_AUTHENTICATED = 2;
export const SYNC_STATUS = 8;

/** lib0's varUint: 7 bits per byte, low bits first, the high bit set on every byte but the last. */
export function varUint(n: number): number[] {
  const bytes: number[] = [];
  while (n > 0x7f) {
    bytes.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  bytes.push(n);
  return bytes;
}

/** lib0's varUint8Array (and varString once UTF-8 encoded): the length, then the bytes. */
export const varBytes = (bytes: Uint8Array): number[] => [...varUint(bytes.length), ...bytes];

/** Hocuspocus' address of a document: its name as a varString, the prefix of every frame about it. */
export const addressOf = (documentName: string): number[] => varBytes(new TextEncoder().encode(documentName));

/** `prefix` (Hocuspocus' address; none for y-websocket), then the sync message of `kind` carrying `payload`. */
export function syncFrame(kind: number, payload: Uint8Array, prefix: readonly number[] = []): Uint8Array {
  const head = [...prefix, SYNC, kind, ...varUint(payload.length)];
  const frame = new Uint8Array(head.length + payload.length);
  frame.set(head);
  frame.set(payload, head.length);
  return frame;
}

/** Reads a varUint at `at` of a well-formed frame (the server's): its value and where the next field starts. */
export function readVarUint(frame: Uint8Array, at: number): [number, number] {
  let n = 0;
  let scale = 1;
  for (;;) {
    const b = frame[at++];
    n += (b & 0x7f) * scale;
    scale *= 128;
    if (b < 0x80) return [n, at];
  }
}

/** A Hocuspocus frame's message type, read after its document name, and what follows it. */
export function frameType(frame: Uint8Array): { type: number; rest: Uint8Array } {
  const [nameLength, afterLength] = readVarUint(frame, 0);
  const [type, afterType] = readVarUint(frame, afterLength + nameLength);
  return { type, rest: frame.subarray(afterType) };
}

/** A sync message from `at` (its message type there): its kind and payload; null for any other message. */
export function readSyncFrame(frame: Uint8Array, at = 0): { kind: number; payload: Uint8Array } | null {
  if (frame[at] !== SYNC && frame[at] !== SYNC_REPLY) return null; // awareness: not used here
  const [n, start] = readVarUint(frame, at + 2);
  return { kind: frame[at + 1], payload: frame.subarray(start, start + n) };
}
