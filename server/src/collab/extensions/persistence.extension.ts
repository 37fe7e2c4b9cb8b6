import type { beforeSyncPayload, Extension, onLoadDocumentPayload } from '@hocuspocus/server';
import type { CollabContext } from '../connection/collab-context.js';
import type { UpdateLane } from '../connection/collab-socket.js';
import { SYNC_STEP_2, SYNC_UPDATE } from '../connection/sync-frame.js';
import type { UntrustedAppend } from '../store/durability-thread.js';
import type { StageTimings } from '../store/stage-timings.js';
import { applyStoredParts } from '../store/stored-parts.js';
import type { UpdateLog } from '../store/update-log.js';

/**
 * Checks an untrusted update (decoded where a time limit can stop it: a crafted update can loop the decoder) and
 * appends it to the update log; resolves once its row is committed, rejects when it is refused (Hocuspocus then
 * closes that document's connection) or could not be committed. See store/durability-thread.ts.
 */
export type AppendUntrusted = (entry: UntrustedAppend) => Promise<void>;

/** An append started on arrival, with when it arrived and was committed (0 unless stage timings are recorded). */
interface Started {
  appended: Promise<void>;
  at: number;
  committedAt: number;
}

/**
 * Where the append started on arrival is kept: on the frame's buffer itself (each frame is a copy of its own, see
 * collab-server.ts), which `beforeSync`'s payload is a view into. A WeakMap by buffer did the same with an entry per
 * update in an ephemeron table, which every scavenge walks and which grew and shrank with the traffic.
 */
const STARTED = Symbol('append started on arrival');
type FrameBuffer = ArrayBufferLike & { [STARTED]?: Started };

/** What beforeSync hands back when there is nothing to wait for: one settled promise, not a new one per message. */
const PASSED = Promise.resolve();
const ignore = () => {};

/** An update with nothing in it (no structs, no deletions): what a client in step sends as its sync step 2. */
const isEmptyUpdate = (update: Uint8Array) => update.length <= 2 && update.every((b) => b === 0);

/**
 * Durability: loading reads the snapshot and the log's tail; each update a client sends is checked and appended
 * to the log, committed, before Hocuspocus applies it, relays it and tells the client it is synced. Hocuspocus 4
 * awaits `beforeSync` per connection in order, before that (MessageReceiver.readSyncMessage), so the client is
 * never told "synced" for an update a crash could lose. Updates from a read-only connection are never logged
 * (Hocuspocus drops them right after this hook); nothing is stored on `onStoreDocument`: the log already holds it.
 *
 * Pipelined: Hocuspocus handles a connection's messages one after the other, so an update awaited in `beforeSync`
 * alone would hold every later one of that connection for a check and a commit each. `received` hands a writer's
 * update to the durability thread as its frame arrives (checked and committed there, with the other updates of the
 * turn, in one message each way); `beforeSync` then awaits the append started for that frame. An update is logged
 * only if every update its connection sent before it passed the check (its lane: durability-thread.ts).
 */
export class PersistenceExtension implements Extension {
  /** Before Hocuspocus' own loading hooks and the Redis extension (which syncs from peers after the load). */
  priority = 1000;

  constructor(
    private readonly log: UpdateLog,
    private readonly appendUntrusted: AppendUntrusted,
    private readonly timings?: StageTimings,
  ) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    applyStoredParts(document, await this.log.load(documentName), documentName);
  }

  /**
   * An update just received on a connection whose user may write `documentName`: checked and appended now, ahead
   * of its turn in Hocuspocus' queue. `payload` must be a view into the frame Hocuspocus is then handed.
   */
  received(lane: UpdateLane, documentName: string, payload: Uint8Array, authorId: string | null): void {
    if (isEmptyUpdate(payload)) return;
    const timings = this.timings?.recording ? this.timings : undefined;
    const entry: Started = { appended: PASSED, at: timings?.now() ?? 0, committedAt: 0 };
    entry.appended = this.appendUntrusted({ lane: lane.id, documentName, update: payload, authorId });
    if (timings) {
      void entry.appended.then(() => {
        entry.committedAt = timings.now();
        timings.record('commit', entry.at, entry.committedAt);
        timings.committed(payload, entry.committedAt);
      }, ignore);
    }
    // Awaited in beforeSync; a frame Hocuspocus never gets to (its connection closed first) must not leave an
    // unhandled rejection behind.
    entry.appended.catch(ignore);
    (payload.buffer as FrameBuffer)[STARTED] = entry;
  }

  /**
   * Not `async`: the append started on arrival is handed back as it is, without the async function's own promise
   * and an `await` around it, two promises less per update on a path that makes a dozen.
   */
  beforeSync({ type, payload, connection, documentName, context }: beforeSyncPayload<CollabContext>): Promise<void> {
    if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return PASSED;
    if (connection.readOnly || isEmptyUpdate(payload)) return PASSED;
    const frame = payload.buffer as FrameBuffer;
    const started = frame[STARTED];
    if (!started) {
      // Not seen on arrival (it came before its connection was authenticated): checked and appended in its turn.
      return this.appendUntrusted({ lane: 0, documentName, update: payload, authorId: context.principal?.user.id ?? null });
    }
    frame[STARTED] = undefined;
    const timings = this.timings;
    if (!timings?.recording || !started.at) return started.appended;
    return started.appended.then(() => {
      const taken = timings.now();
      timings.record('handoff', started.committedAt, taken);
      // Hocuspocus applies it once this returns, and broadcasts the turn's updates in the next turn.
      setImmediate(() => {
        timings.record('apply', taken);
        timings.record('total', started.at);
      });
    });
  }
}
