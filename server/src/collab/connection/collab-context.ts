import type { Principal } from '../../auth/principal.loader.js';
import type { CollabSocket } from './collab-socket.js';

/** What Hocuspocus carries for each document connection: its socket and, once authenticated, who is behind it. */
export interface CollabContext {
  socket: CollabSocket;
  principal?: Principal;
}

/** Access to one document, as the owning domain's policy decides it. */
export type DocumentAccessLevel = 'WRITE' | 'READ' | 'NONE';
