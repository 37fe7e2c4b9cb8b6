import type { afterLoadDocumentPayload, beforeSyncPayload, Connection, connectedPayload, Document, Extension, Hocuspocus } from '@hocuspocus/server';
import { isTransactionOrigin, OutgoingMessage } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { CollabContext } from '../connection/collab-context.js';
import { SYNC_STEP_2, SYNC_UPDATE } from '../connection/sync-frame.js';

/** What a skipped hook hands back: one settled promise, not a new one per message. */
const PASSED = Promise.resolve();
const passed = () => PASSED;

type HookName = keyof Extension;

/** The update a connection's message being handled carries (set in its beforeSync, which precedes its apply). */
const SENDING = Symbol('update being applied');
type Sender = Connection & { [SENDING]?: Uint8Array };

/** Hocuspocus 4's Document internals that `withoutEcho` replaces (private in its types). */
interface Broadcasting {
  broadcast(encode: (address: string) => Uint8Array, filter?: (connection: Connection) => boolean): void;
  broadcastUpdate(update: Uint8Array): void;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;

/**
 * A connection's update is not sent back to it. Hocuspocus broadcasts each applied update to every connection of
 * the document, the sender's included (which applies it again: nothing changes, after decoding it); the sender is
 * told its update was applied by the SyncStatus message that follows (MessageReceiver.readSyncMessage), which this
 * does not touch. The sender is left out only when the update applied is byte for byte the one it sent: when its
 * update also let the document integrate structs it held pending (another writer's, waiting for a missing one),
 * the applied update holds those too, which the sender may not have, and it is broadcast to all as before.
 * Where Hocuspocus' internals are not as expected (another version), nothing changes.
 */
function withoutEcho(document: Document): void {
  const internals = document as unknown as Broadcasting;
  if (typeof internals.broadcast !== 'function' || typeof internals.broadcastUpdate !== 'function') return;
  const broadcast = internals.broadcast.bind(document);
  // The transaction whose update is being broadcast: Yjs emits afterTransactionCleanup, then update, for each.
  let origin: unknown = null;
  document.on('afterTransactionCleanup', (transaction: Y.Transaction) => {
    origin = transaction.origin;
  });
  internals.broadcastUpdate = (update: Uint8Array) => {
    const sender = isTransactionOrigin(origin) && origin.source === 'connection' ? (origin.connection as Sender) : null;
    const sent = sender?.[SENDING];
    if (sender) sender[SENDING] = undefined;
    const skip = sent && sameBytes(sent, update) ? sender : null;
    broadcast((address) => new OutgoingMessage(address).createSyncMessage().writeUpdate(update).toUint8Array(), skip ? (c) => c !== skip : undefined);
  };
}

/** The extensions of `instance` (its configuration's own hooks included) that define `hook`. */
function definers(instance: Hocuspocus, hook: HookName): Extension[] {
  return instance.configuration.extensions.filter((extension) => typeof extension[hook] === 'function');
}

/**
 * Hocuspocus' path of one update, without the hooks nobody defines. Per message it runs `beforeHandleMessage`,
 * `beforeSync` and `afterHandleMessage` through its hook chain (a payload object with the request's parameters
 * parsed again, then a chain of promises per defining extension, awaited even when no extension defines the hook),
 * and per applied update `onChange` and the debounce of `onStoreDocument` (a payload, a promise chain, a timer
 * cleared and set again). On the typing benchmark these were a tenth of the event loop's time per edit, and each
 * promise also pays async_hooks' bookkeeping (AsyncLocalStorage is on in this process).
 *
 * Once a connection is established, a message hook no extension defines is answered with a settled promise, and
 * `beforeSync`, when one extension alone defines it (the persistence), is called directly with the same payload.
 * Once a document is loaded, its updates skip `onChange` and the store debounce when no extension defines
 * `onChange`, `onStoreDocument` or `afterStoreDocument` (the update log holds every update before it is applied;
 * with REDIS_URL the Redis extension defines them, and Hocuspocus' own path is kept). A document nobody stores on a
 * debounce is unloaded as soon as its last connection closes, as Hocuspocus does when no store is pending.
 *
 * Which extensions define which hook is read from Hocuspocus' configuration, so that an extension added later with
 * one of these hooks gets it called as before.
 */
export class MessagePathExtension implements Extension {
  /** After every other extension's `connected` and `afterLoadDocument`. */
  priority = -1000;

  async connected({ instance, connection, documentName }: connectedPayload<CollabContext>): Promise<void> {
    if (!definers(instance, 'beforeHandleMessage').length) connection.beforeHandleMessage(passed);
    if (!definers(instance, 'afterHandleMessage').length) connection.afterHandleMessage(passed);
    const sync = definers(instance, 'beforeSync');
    const live = connection.document;
    // Noted for withoutEcho: the update this connection's message carries, applied once beforeSync resolves.
    const note = (from: Connection, type: number, payload: Uint8Array) => {
      if ((type === SYNC_UPDATE || type === SYNC_STEP_2) && !from.readOnly) (from as Sender)[SENDING] = payload;
    };
    if (sync.length === 0) {
      connection.beforeSync((from, { type, payload }) => {
        note(from, type, payload);
        return PASSED;
      });
    } else if (sync.length === 1) {
      const extension = sync[0];
      connection.beforeSync((from, { type, payload }) => {
        note(from, type, payload);
        const hookPayload: beforeSyncPayload<CollabContext> = {
          clientsCount: live.getConnectionsCount(),
          context: from.context as CollabContext,
          document: live,
          documentName,
          connection: from,
          type,
          payload,
        };
        return extension.beforeSync!(hookPayload);
      });
    } else {
      const hooks = connection.callbacks.beforeSync;
      connection.beforeSync((from, message) => {
        note(from, message.type, message.payload);
        return hooks(from, message);
      });
    }
  }

  async afterLoadDocument({ instance, document }: afterLoadDocumentPayload<CollabContext>): Promise<void> {
    withoutEcho(document);
    const stored = (['onChange', 'onStoreDocument', 'afterStoreDocument'] as const).some((hook) => definers(instance, hook).length > 0);
    if (stored) return;
    document.onUpdate((updated) => {
      updated.lastChangeTime = Date.now();
    });
  }
}
