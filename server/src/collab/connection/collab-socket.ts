import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { WebSocketLike } from '@hocuspocus/server';
import type { WebSocket } from 'ws';
import type { CredentialHeaders } from '../../auth/authenticate.js';
import type { LiveConnections } from '../../auth/live-connections.js';
import type { Principal } from '../../auth/principal.loader.js';
import type { SocketLimits } from '../../config/config.js';
import { CLOSE_CODES, SOCKET_CLOSE } from '../../errors/domain-errors.js';
import { closeSocket } from '../../http/close-socket.js';
import { OperationBudget } from '../../http/socket-limits.js';

/**
 * One writer's connection to one document: its updates are logged in order, and none after one that was refused
 * (store/durability-thread.ts). Its id is never reused in this process.
 */
export interface UpdateLane {
  id: number;
}

let lastLane = 0;

/** A document this socket may write: who writes, and the lane its updates are checked and appended in. */
export interface DocumentWriter {
  authorId: string;
  lane: UpdateLane;
}

/** What notes each frame sent while it records (store/stage-timings.ts: the relay trace). */
export interface SentFrames {
  readonly recording: boolean;
  sent(frame: Uint8Array): void;
}

/** Close reasons of /collab beside the shared ones (SOCKET_CLOSE). */
export const COLLAB_CLOSE = {
  UNKNOWN_DOCUMENT: { code: CLOSE_CODES.BAD_USER_INPUT, reason: 'Unknown document name: expected <kind>:<id>.' },
  UNAUTHENTICATED_TOO_LONG: { code: CLOSE_CODES.UNAUTHENTICATED, reason: 'No document authenticated in time.' },
  TOO_MANY_DOCUMENTS: { code: CLOSE_CODES.RATE_LIMITED, reason: 'Too many documents on this connection.' },
} as const;

/**
 * One /collab WebSocket: its credentials (the upgrade request's cookie; a provider token is read as a bearer
 * token), its budgets, the documents it opened and its entries in the live-connection registry, so that a revoked
 * credential or a changed access closes it.
 */
export class CollabSocket {
  readonly budget: OperationBudget;
  readonly documents = new Set<string>();
  /** The documents opened with the right to write (read-only ones are not here): their updates are logged. */
  private readonly writers = new Map<string, DocumentWriter>();
  private readonly unregisters: (() => void)[] = [];
  /** What Hocuspocus writes to (see `send`). */
  readonly outgoing: WebSocketLike;
  private corked = false;
  private readonly authDeadline: NodeJS.Timeout;

  constructor(
    readonly ws: WebSocket,
    request: IncomingMessage,
    readonly limits: SocketLimits,
    private readonly liveConnections: LiveConnections,
    sentFrames?: SentFrames,
  ) {
    this.cookie = request.headers.cookie;
    const socket = ws;
    // Hocuspocus reads readyState twice and calls send once per frame (five frames per edit on a plan of five
    // editors): the frames are noted here rather than through a wrapper around this object.
    this.outgoing = {
      send: (data) => {
        this.send(data as Uint8Array);
        if (sentFrames?.recording) sentFrames.sent(data as Uint8Array);
      },
      close: (code, reason) => socket.close(code, reason),
      get readyState() {
        return socket.readyState;
      },
    };
    this.budget = new OperationBudget(limits.collabMessagesPerSecond);
    this.authDeadline = setTimeout(() => {
      if (!this.documents.size) this.close(COLLAB_CLOSE.UNAUTHENTICATED_TOO_LONG);
    }, limits.initTimeoutSeconds * 1000);
    this.authDeadline.unref();
  }

  private readonly cookie: string | undefined;

  credentials(token: string | undefined): CredentialHeaders {
    return { cookie: this.cookie, authorization: token ? `Bearer ${token}` : undefined };
  }

  /** A document was opened by `principal` (read at `authenticatedAt`): a revocation from now on closes the socket. */
  opened(documentName: string, principal: Principal, authenticatedAt: number, canWrite: boolean): void {
    this.documents.add(documentName);
    if (canWrite) this.writers.set(documentName, { authorId: principal.user.id, lane: { id: ++lastLane } });
    else this.writers.delete(documentName);
    clearTimeout(this.authDeadline);
    const live = { close: (code: number, reason: string) => this.close({ code, reason }) };
    this.unregisters.push(this.liveConnections.register(principal, live, authenticatedAt));
  }

  /** Hocuspocus closed this socket's connection to a document: its updates are no longer taken ahead of their turn. */
  closedDocument(documentName: string): void {
    this.writers.delete(documentName);
  }

  /** Who may write `documentName` on this socket while it is open; undefined when nobody may (or it is closing). */
  writerOf(documentName: string): DocumentWriter | undefined {
    if (!this.writers.size || this.ws.readyState !== this.ws.OPEN) return undefined;
    return this.writers.get(documentName);
  }

  get hasWriters(): boolean {
    return this.writers.size > 0;
  }

  /**
   * Sends a frame; the frames sent within one callback of the event loop (with the promise jobs it set off) leave
   * in one write. A group commit answers "synced" to many updates of a connection at once, and broadcasts each of
   * them as it is applied (collab-server.ts: flushDelay false), all in the microtasks of the durability thread's
   * answer: one system call each was a tenth of the server's CPU time under load (the profile's `writev`). The TCP
   * socket is corked on the first frame and uncorked by a process.nextTick, which runs once that callback's
   * microtasks are done. Uncorked from a setImmediate instead, the frames waited for the rest of the poll phase
   * (the other sockets' frames read, parsed and handed to the durability thread) before they left.
   */
  private send(data: Uint8Array): void {
    const raw = (this.ws as unknown as { _socket?: Socket })._socket;
    if (!this.corked && raw && !raw.destroyed) {
      this.corked = true;
      raw.cork();
      process.nextTick(() => {
        this.corked = false;
        raw.uncork();
      });
    }
    this.ws.send(data);
  }

  /** Counts one incoming message; closes the socket (the provider reconnects, nothing unacknowledged is lost). */
  withinBudget(): boolean {
    if (this.budget.take() === 'ALLOWED') return true;
    this.close(SOCKET_CLOSE.RATE_LIMITED);
    return false;
  }

  close({ code, reason }: { code: number; reason: string }): void {
    closeSocket(this.ws, code, reason);
  }

  /** Called once the socket closed. */
  released(): void {
    clearTimeout(this.authDeadline);
    this.writers.clear();
    for (const unregister of this.unregisters.splice(0)) unregister();
  }
}
