/**
 * Reads, without copying, what a /collab frame carries when it is a client's document update: Hocuspocus' framing
 * is [varString address][varUint message type][varUint sync type][varUint8Array payload], the address being the
 * document name, optionally followed by "\0" and the provider's session. Any other frame, or one that does not
 * parse (truncated, lengths past its end), is null: Hocuspocus then handles (or refuses) it as it always does.
 */

/** Hocuspocus' message types that carry a y-protocols sync message (SyncReply is Sync without a step 1 back). */
const SYNC = 0;
const SYNC_REPLY = 4;
/** y-protocols sync message types that carry an update from the client. */
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

export interface ClientUpdate {
  documentName: string;
  /** A view into the frame (same buffer): Hocuspocus' `beforeSync` is handed a view into the same frame. */
  payload: Uint8Array;
}

/** Reads a varUint at `at`; null past the end or beyond 2^53. */
function readVarUint(frame: Uint8Array, at: number): { value: number; next: number } | null {
  let value = 0;
  let scale = 1;
  for (let i = at; i < frame.length; i++) {
    const byte = frame[i];
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return { value, next: i + 1 };
    scale *= 128;
    if (scale > Number.MAX_SAFE_INTEGER) return null;
  }
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

export function readClientUpdate(frame: Uint8Array): ClientUpdate | null {
  const nameLength = readVarUint(frame, 0);
  if (!nameLength || nameLength.next + nameLength.value > frame.length) return null;
  const address = utf8.decode(frame.subarray(nameLength.next, nameLength.next + nameLength.value));
  const messageType = readVarUint(frame, nameLength.next + nameLength.value);
  if (!messageType || (messageType.value !== SYNC && messageType.value !== SYNC_REPLY)) return null;
  const syncType = readVarUint(frame, messageType.next);
  if (!syncType || (syncType.value !== SYNC_STEP_2 && syncType.value !== SYNC_UPDATE)) return null;
  const payloadLength = readVarUint(frame, syncType.next);
  if (!payloadLength || payloadLength.next + payloadLength.value > frame.length) return null;
  const separator = address.indexOf('\0');
  return {
    documentName: separator === -1 ? address : address.slice(0, separator),
    payload: frame.subarray(payloadLength.next, payloadLength.next + payloadLength.value),
  };
}
