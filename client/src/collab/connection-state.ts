/**
 * What the reader is told about a live document's connection:
 * - `offline`: no socket to the server (or the browser knows it has no network); edits stay in this browser;
 * - `syncing`: connected, but the first exchange is not done or some of this browser's edits are not yet
 *   acknowledged by the server (which answers only once they are stored);
 * - `connected`: everything this browser wrote is stored on the server.
 */
export type ConnectionState = 'offline' | 'syncing' | 'connected';

export interface ConnectionFacts {
  /** The provider's socket status. */
  socket: 'connecting' | 'connected' | 'disconnected';
  /** `navigator.onLine`. */
  online: boolean;
  /** No socket has closed yet: a `connecting` socket is the page opening, not a connection lost. */
  firstAttempt: boolean;
  /** The server answered the first exchange (its state reached this browser). */
  synced: boolean;
  /** Edits sent, not yet acknowledged. */
  unsyncedChanges: number;
}

export function connectionState(facts: ConnectionFacts): ConnectionState {
  if (!facts.online) return 'offline';
  if (facts.socket === 'connecting' && facts.firstAttempt) return 'syncing';
  if (facts.socket !== 'connected') return 'offline';
  if (!facts.synced || facts.unsyncedChanges > 0) return 'syncing';
  return 'connected';
}
