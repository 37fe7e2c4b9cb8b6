import type { afterLoadDocumentPayload, beforeSyncPayload, connectedPayload, Extension, Hocuspocus } from '@hocuspocus/server';
import type { CollabContext } from '../connection/collab-context.js';

/** What a skipped hook hands back: one settled promise, not a new one per message. */
const PASSED = Promise.resolve();
const passed = () => PASSED;

type HookName = keyof Extension;

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
    if (sync.length === 0) connection.beforeSync(passed);
    else if (sync.length === 1) {
      const extension = sync[0];
      const live = connection.document;
      connection.beforeSync((from, { type, payload }) => {
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
    }
  }

  async afterLoadDocument({ instance, document }: afterLoadDocumentPayload<CollabContext>): Promise<void> {
    const stored = (['onChange', 'onStoreDocument', 'afterStoreDocument'] as const).some((hook) => definers(instance, hook).length > 0);
    if (stored) return;
    document.onUpdate((updated) => {
      updated.lastChangeTime = Date.now();
    });
  }
}
