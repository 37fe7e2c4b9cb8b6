import { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { collabUrl } from './collab-url';
import { connectionState, type ConnectionFacts, type ConnectionState } from './connection-state';

/** One live document open in this page: the Y.Doc, its provider, and what the reader is told about it. */
export interface LiveDocument {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Changes whenever `state`, `readOnly` or `refused` may have. */
  subscribe(listener: () => void): () => void;
  facts(): LiveDocumentFacts;
}

export interface LiveDocumentFacts {
  state: ConnectionState;
  /** The server opened the document read-only: whatever this browser writes is dropped there. */
  readOnly: boolean;
  /** The server refused the document (signed out, access lost): nothing is sent or received any more. */
  refused: boolean;
}

/**
 * Opens `name` on `/collab` (same origin: the session cookie authenticates the socket), with this browser's copy in
 * IndexedDB under `storageKey` so that edits made offline survive a reload and are sent on reconnection. The key
 * must name the signed-in user: another person on the same browser must never send the first one's edits.
 */
export function useLiveDocument(name: string, storageKey: string): LiveDocument | null {
  const [live, setLive] = useState<LiveDocument | null>(null);
  useEffect(() => {
    const opened = openLiveDocument(name, storageKey);
    setLive(opened.live);
    return () => {
      setLive(null);
      opened.close();
    };
  }, [name, storageKey]);
  return live;
}

const NO_FACTS: LiveDocumentFacts = { state: 'offline', readOnly: false, refused: false };

/** The connection facts of a live document, re-rendered when they change. */
export function useLiveDocumentFacts(live: LiveDocument | null): LiveDocumentFacts {
  return useSyncExternalStore(
    (listener) => live?.subscribe(listener) ?? (() => undefined),
    () => live?.facts() ?? NO_FACTS,
  );
}

function openLiveDocument(name: string, storageKey: string): { live: LiveDocument; close(): void } {
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(storageKey, doc);
  const listeners = new Set<() => void>();
  const connection: ConnectionFacts = { socket: 'connecting', online: navigator.onLine, firstAttempt: true, synced: false, unsyncedChanges: 0 };
  let readOnly = false;
  let reconnectWhenClosed = false;
  let refused = false;
  let facts: LiveDocumentFacts = NO_FACTS;
  const changed = () => {
    const next = { state: connectionState(connection), readOnly, refused };
    if (next.state === facts.state && next.readOnly === facts.readOnly && next.refused === facts.refused) return;
    facts = next;
    for (const listener of listeners) listener();
  };

  const provider = new HocuspocusProvider({
    url: collabUrl(window.location),
    name,
    document: doc,
    // Keystrokes within this window go as one merged update: the server appends each update durably before it
    // relays it, in order per connection, so a burst of single-character updates would queue behind each other.
    flushDelay: 40,
    onStatus: ({ status }) => {
      connection.socket = status as ConnectionFacts['socket'];
      if (status === 'disconnected') connection.firstAttempt = false;
      if (status !== 'connected') connection.synced = false;
      changed();
      // The network came back before the old socket finished closing (see `online` below): reconnect now.
      if (status === 'disconnected' && reconnectWhenClosed && !refused) {
        reconnectWhenClosed = false;
        void provider.connect();
      }
    },
    onSynced: () => {
      connection.synced = true;
      changed();
    },
    onUnsyncedChanges: ({ number }) => {
      connection.unsyncedChanges = number;
      changed();
    },
    onAuthenticated: ({ scope }) => {
      readOnly = scope === 'readonly';
      changed();
    },
    onAuthenticationFailed: () => {
      refused = true;
      provider.disconnect();
      changed();
    },
  });

  // The provider does not watch the network: without one it would retry in the void and only notice after its
  // message timeout. Offline, the socket is closed and edits wait in the document and IndexedDB; online again, it
  // reconnects and the first exchange sends them.
  const offline = () => {
    connection.online = false;
    provider.disconnect();
    changed();
  };
  const online = () => {
    connection.online = true;
    // The provider ignores connect() while its socket still counts as open; it then reconnects when that one closes.
    if (connection.socket === 'disconnected') {
      if (!refused) void provider.connect();
    } else {
      reconnectWhenClosed = true;
    }
    changed();
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);

  const live: LiveDocument = {
    doc,
    provider,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    facts: () => facts,
  };
  changed();
  return {
    live,
    close() {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      listeners.clear();
      provider.destroy();
      void local.destroy();
      doc.destroy();
    },
  };
}
