import type { beforeSyncPayload, Extension, onLoadDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { CollabContext } from '../connection/collab-context.js';
import type { UpdateLog } from '../store/update-log.js';

/** y-protocols sync message types that carry an update from the client. */
const SYNC_STEP_2 = 1;
const UPDATE = 2;

/**
 * A check of an untrusted update before it touches a live document (decoded in a worker with a time limit, so
 * that a crafted update that would loop the decoder is refused instead); throwing refuses the update, and
 * Hocuspocus closes that document's connection.
 */
export type CheckUpdate = (update: Uint8Array) => Promise<void>;

/** An update with nothing in it (no structs, no deletions): what a client in step sends as its sync step 2. */
const isEmptyUpdate = (update: Uint8Array) => update.length <= 2 && update.every((b) => b === 0);

/**
 * Durability: loading reads the snapshot and the log's tail; each update a client sends is checked and appended
 * to the log, committed, before Hocuspocus applies it, relays it and tells the client it is synced. Hocuspocus 4
 * awaits `beforeSync` per connection in order, before that (MessageReceiver.readSyncMessage), so the client is
 * never told "synced" for an update a crash could lose. Updates from a read-only connection are never logged
 * (Hocuspocus drops them right after this hook); nothing is stored on `onStoreDocument`: the log already holds it.
 */
export class PersistenceExtension implements Extension {
  /** Before Hocuspocus' own loading hooks and the Redis extension (which syncs from peers after the load). */
  priority = 1000;

  constructor(
    private readonly log: UpdateLog,
    private readonly checkUpdate: CheckUpdate,
  ) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    const parts = await this.log.load(documentName);
    Y.transact(document, () => {
      for (const part of parts) Y.applyUpdate(document, part);
    });
  }

  async beforeSync({ type, payload, connection, documentName, context }: beforeSyncPayload<CollabContext>): Promise<void> {
    if (type !== SYNC_STEP_2 && type !== UPDATE) return;
    if (connection.readOnly || isEmptyUpdate(payload)) return;
    await this.checkUpdate(payload);
    await this.log.append({ documentName, update: payload, authorId: context.principal?.user.id ?? null });
  }
}
