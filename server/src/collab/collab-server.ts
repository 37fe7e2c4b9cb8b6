import type { IncomingMessage } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Hocuspocus, type Extension } from '@hocuspocus/server';
import { Redis as RedisRelay } from '@hocuspocus/extension-redis';
import { Redis } from 'ioredis';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import type { Authenticate } from '../auth/authenticate.js';
import type { LiveConnections } from '../auth/live-connections.js';
import type { SocketLimits } from '../config/config.js';
import { SOCKET_CLOSE } from '../errors/domain-errors.js';
import type { CollabContext } from './connection/collab-context.js';
import { CollabSocket } from './connection/collab-socket.js';
import { parseDocumentName } from './connection/document-name.js';
import { readClientUpdate } from './connection/sync-frame.js';
import { AuthenticationExtension, type DocumentAccess } from './extensions/authentication.extension.js';
import { MessagePathExtension } from './extensions/message-path.extension.js';
import { PersistenceExtension } from './extensions/persistence.extension.js';
import { PlanChangesExtension, type PlanEditListener } from './extensions/plan-changes.extension.js';
import { StageTimings } from './store/stage-timings.js';
import { startCompaction } from './store/compaction.js';
import { createDurabilityThread, type DurabilityOptions } from './store/durability-thread.js';
import { createMergeThread } from './store/merge-thread.js';
import { UpdateLog } from './store/update-log.js';

export interface CollabOptions {
  unitOfWork: () => EntityManager;
  authenticate: Authenticate;
  access: DocumentAccess;
  liveConnections: LiveConnections;
  limits: SocketLimits;
  /** With Redis, instances relay updates and presence to each other (Hocuspocus' Redis extension). */
  redisUrl?: string;
  /**
   * The database the durability thread appends clients' updates to, checked there under a time limit (the same
   * as MikroORM's: DATABASE_URL or the embedded PGlite's socket), and the size beyond which an update is refused.
   */
  durability: DurabilityOptions;
  compaction?: { everyMs: number; minUpdates: number; idleMs?: number; maxUpdates?: number };
  /** This deployment's Redis keys and channels start with `fe2i:<namespace>:` (config.redisNamespace). */
  redisNamespace?: string;
  /** Told when browsers' edits on this instance changed what a plan shows (the planChanged event). */
  onPlanEdited?: PlanEditListener;
  /** Whether planChanged may have a subscriber now (none: browsers' edits are not described; default: always). */
  planEditsHeard?: () => boolean;
}

export type CollabServer = ReturnType<typeof createCollabServer>;

/** A Redis client for the relay; an outage is reported once, not per retry (ioredis reconnects by itself). */
function relayClient(redisUrl: string): Redis {
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let down = false;
  client.on('error', (error: Error) => {
    if (!down) console.error('Live documents: Redis relay unavailable:', error.message);
    down = true;
  });
  client.on('ready', () => (down = false));
  return client;
}

/**
 * What Hocuspocus is told of the upgrade request: its path and headers, which is all it reads of it. Hocuspocus
 * derives every hook's `requestParameters` from `request.url` again for each message (three hooks per update): from
 * a fetch `Request`, that is undici's URL getter and a full URL parse each time (an absolute URL), a percent of the
 * server's CPU under the benchmark's typing; from a path, a split of its query string.
 */
function hookRequest(path: string, headers: Headers): Request {
  return { url: path, headers } as unknown as Request;
}

/**
 * Hocuspocus runs its configuration's own hooks after the extensions', and by default each is a function returning
 * a new promise: four per update (beforeHandleMessage, beforeSync, afterHandleMessage, onChange), each costing a
 * link of promises in the hook chain and async_hooks' bookkeeping of every promise. Unset, the hook chain skips
 * them (it runs only the extensions that define the hook); the extensions' hooks run as before.
 *
 * The no-op store hooks too: while they were defined, MessagePathExtension saw a store to debounce and kept
 * Hocuspocus' path for every applied update (a change payload with the request's parameters parsed again, the
 * onChange chain, and the store debounce clearing and setting a timer with a new closure, per update); nothing is
 * stored there, the update log holds every update before it is applied. A document then unloads as soon as its
 * last connection closes instead of a debounce (2 s) after its last edit: its next load reads the log again.
 */
const WITHOUT_NOOP_HOOKS = {
  beforeHandleMessage: undefined,
  afterHandleMessage: undefined,
  beforeSync: undefined,
  onChange: undefined,
  onStoreDocument: undefined,
  afterStoreDocument: undefined,
  beforeHandleAwareness: undefined,
  onAwarenessUpdate: undefined,
} as const;

/**
 * Background compaction, unless a server is given its own: every 10 s, documents with ≥ 500 logged updates that are
 * quiet for 2 s, or typed in without a pause until their tail is 5,000 rows (loaded in ~25 ms: `npm run bench --
 * collab --only=history --history=5000`, 22.6 ms on a loaded machine). The collab benchmark prints these beside
 * the compactions it saw.
 */
export const COMPACTION = { everyMs: 10_000, minUpdates: 500, idleMs: 2_000, maxUpdates: 5_000 } as const;

/**
 * The collaboration server on WS /collab: Hocuspocus 4 in this process, fed the sockets that http/ routes to it,
 * one extension per concern (authentication and access, persistence), the update log with group commit and its
 * background compaction, and the Redis relay between instances when REDIS_URL is set.
 */
export function createCollabServer(options: CollabOptions) {
  const timings = new StageTimings();
  const log = new UpdateLog(options.unitOfWork, timings);
  // Clients' updates are checked and committed off the event loop that relays them: pg's encoding and parsing, and
  // decoding untrusted bytes under a time limit (some crafted updates loop the Yjs decoder: yjs #687, #498).
  const durability = createDurabilityThread(options.durability);
  const persistence = new PersistenceExtension(log, (entry) => durability.append(entry), timings);
  const extensions: Extension[] = [new AuthenticationExtension(options.authenticate, options.access), persistence];
  if (options.onPlanEdited) extensions.push(new PlanChangesExtension(options.onPlanEdited, options.planEditsHeard));
  if (options.redisUrl) {
    extensions.push(new RedisRelay({ createClient: () => relayClient(options.redisUrl!), prefix: `fe2i:${options.redisNamespace ?? 'embedded'}:collab` }));
  }
  extensions.push(new MessagePathExtension());
  const hocuspocus = new Hocuspocus<CollabContext>({
    quiet: true,
    // Idle sockets (no message, not even the provider's pings) are dropped after this.
    timeout: 30_000,
    maxPendingDocuments: options.limits.collabDocumentsPerConnection,
    // Each update is broadcast as it is applied, into its receivers' corked sockets (collab-socket.ts), which leave
    // at this turn's end. Hocuspocus' default (0) buffered the turn's updates and broadcast them from a setImmediate
    // of its own; the sockets that broadcast corked were then uncorked only in the next turn of the event loop,
    // after its timers and its poll phase: the receivers waited a turn more than the sender's acknowledgement.
    flushDelay: false,
    extensions,
    ...WITHOUT_NOOP_HOOKS,
  });
  // Merging a log into its snapshot is O(document): in a thread of its own, not on the loop that relays edits.
  const mergeThread = createMergeThread();
  const compaction = startCompaction(options.unitOfWork, {
    merge: mergeThread,
    everyMs: options.compaction?.everyMs ?? COMPACTION.everyMs,
    minUpdates: options.compaction?.minUpdates ?? COMPACTION.minUpdates,
    idleMs: options.compaction?.idleMs ?? COMPACTION.idleMs,
    maxUpdates: options.compaction?.maxUpdates ?? COMPACTION.maxUpdates,
    documentsPerRound: 20,
    timings,
  });
  const sockets = new Set<CollabSocket>();

  return {
    hocuspocus,
    log,
    /** Where writers' updates spend their time, while switched on (main.ts: SIGUSR2). */
    timings,

    /** The thread that checks and logs clients' updates (a test kills it to see /readyz follow). */
    durability,
    /** Why clients' updates cannot be logged on this instance now, or null (see DurabilityThread.failure). */
    durabilityFailure: (): string | null => durability.failure(),

    /** Takes a WebSocket upgraded on /collab. */
    handle(ws: WebSocket, request: IncomingMessage): void {
      const socket = new CollabSocket(ws, request, options.limits, options.liveConnections, timings);
      sockets.add(socket);
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === 'string') headers.set(name, value);
      }
      const connection = hocuspocus.handleConnection(socket.outgoing, hookRequest(request.url ?? '/collab', headers), { socket });
      ws.on('message', (data: Buffer) => {
        if (!socket.withinBudget()) return;
        // A copy with a buffer of its own: the persistence extension knows the frame again by it in beforeSync.
        const frame = new Uint8Array(data);
        const update = socket.hasWriters ? readClientUpdate(frame) : null;
        if (update && timings.recording) timings.arrived(update.payload);
        const writer = update && socket.writerOf(update.documentName);
        if (update && writer) persistence.received(writer.lane, update.documentName, update.payload, writer.authorId);
        connection.handleMessage(frame);
      });
      ws.on('close', (code: number, reason: Buffer) => {
        connection.handleClose({ code, reason: reason.toString() });
        socket.released();
        sockets.delete(socket);
      });
    },

    /**
     * An update made on the server (the GraphQL bridge, a restore): logged like a client's, then applied to the
     * live document, which relays it to open connections (and, through Redis, to other instances).
     */
    async appendServerUpdate(documentName: string, update: Uint8Array, authorId: string | null): Promise<void> {
      if (!parseDocumentName(documentName)) throw new Error(`Unknown document name: ${documentName}`);
      // Loaded first: the update applied after its append is then new to the document, so it is relayed.
      const direct = await hocuspocus.openDirectConnection(documentName, {} as CollabContext);
      try {
        await log.append({ documentName, update, authorId });
        await direct.transact((document) => Y.applyUpdate(document, update));
      } finally {
        await direct.disconnect();
      }
    },

    /**
     * A document's whole current state as one update: the live document when it is loaded here (it holds every
     * update logged by this instance's connections), otherwise the store (snapshot and log), which holds every
     * update any instance acknowledged.
     */
    async documentState(documentName: string): Promise<Uint8Array> {
      const live = hocuspocus.documents.get(documentName);
      if (live && !live.isLoading) return Y.encodeStateAsUpdate(live);
      const parts = await log.load(documentName);
      return parts.length ? Y.mergeUpdates(parts) : Y.encodeStateAsUpdate(new Y.Doc());
    },

    /**
     * Re-asks the access of every connection open on this instance to `documentName` (after a participant was
     * removed): a connection that lost access, or that may now only read while it could write, is closed; its
     * provider reconnects and is answered with the access of now.
     */
    async recheckAccess(documentName: string): Promise<number> {
      const address = parseDocumentName(documentName);
      const document = hocuspocus.documents.get(documentName);
      if (!address || !document) return 0;
      let closed = 0;
      for (const connection of document.getConnections()) {
        const { principal, socket } = connection.context as CollabContext;
        if (!principal) continue;
        const level = await options.access(principal, address);
        if (level === 'NONE' || (level === 'READ' && !connection.readOnly)) {
          socket.close(SOCKET_CLOSE.ACCESS_CHANGED);
          closed += 1;
        }
      }
      return closed;
    },

    async stop(): Promise<void> {
      for (const socket of sockets) socket.ws.terminate();
      // Documents unload once their last connection is gone (the Redis relay waits a moment first); the Redis
      // clients close only after that, or the unload would talk to a closed connection.
      const deadline = Date.now() + 5000;
      while (hocuspocus.documents.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      await compaction.stop();
      await mergeThread.close();
      await durability.close();
      await log.drain();
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    },
  };
}
