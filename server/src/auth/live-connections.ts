import { SOCKET_CLOSE } from '../errors/domain-errors.js';
import type { AppPubSub, CredentialChangedPayload } from '../pubsub/pubsub.js';
import { followTopic } from '../pubsub/follow-topic.js';
import type { Principal } from './principal.loader.js';

/** A live connection as the registry sees it: a graphql-ws socket or a /collab connection alike. */
export interface LiveConnection {
  close(code: number, reason: string): void;
}

type CloseReason = { code: number; reason: string };
type Holder = Pick<Principal, 'via' | 'credentialId'> & { user: { id: string } };

/** How long a change is remembered, for connections that authenticated just before it and register just after. */
const CHANGE_MEMORY_MS = 60_000;

const KEY_PREFIX: Record<CredentialChangedPayload['change'], string> = {
  SESSION_ENDED: 'SESSION',
  PASSWORD_CHANGED: 'SESSION',
  API_TOKEN_REVOKED: 'API_TOKEN',
  ACCESS_CHANGED: 'USER',
};
const CLOSE_REASON: Record<CredentialChangedPayload['change'], CloseReason> = {
  SESSION_ENDED: SOCKET_CLOSE.CREDENTIAL_REVOKED,
  PASSWORD_CHANGED: SOCKET_CLOSE.PASSWORD_CHANGED,
  API_TOKEN_REVOKED: SOCKET_CLOSE.CREDENTIAL_REVOKED,
  ACCESS_CHANGED: SOCKET_CLOSE.ACCESS_CHANGED,
};
const keyOf = (change: CredentialChangedPayload): string => `${KEY_PREFIX[change.change]}:${change.id}`;

/**
 * This instance's open connections, by the credential and the user behind each, so that a change of credentials
 * heard on the pub/sub closes exactly the connections it concerns (every instance keeps its own registry and
 * closes its own). Anonymous connections are not registered: there is nothing of theirs to revoke.
 */
export class LiveConnections {
  private readonly byKey = new Map<string, Set<LiveConnection>>();
  /** Key → when a change concerning it was heard here, and how it closes connections; oldest first. */
  private readonly changes = new Map<string, { at: number; why: CloseReason }>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Registers a connection whose principal was read at `authenticatedAt`; returns the function that unregisters it
   * (call it when the connection closes). A change heard since that read closes the connection at once: its
   * principal may predate the change.
   */
  register(holder: Holder, connection: LiveConnection, authenticatedAt: number): () => void {
    const keys = [`${holder.via}:${holder.credentialId}`, `USER:${holder.user.id}`];
    for (const key of keys) {
      const change = this.changes.get(key);
      if (change && change.at >= authenticatedAt) {
        connection.close(change.why.code, change.why.reason);
        return () => {};
      }
    }
    for (const key of keys) {
      let set = this.byKey.get(key);
      if (!set) this.byKey.set(key, (set = new Set()));
      set.add(connection);
    }
    return () => {
      for (const key of keys) {
        const set = this.byKey.get(key);
        set?.delete(connection);
        if (set?.size === 0) this.byKey.delete(key);
      }
    };
  }

  /** Closes every connection a change concerns; returns how many were closed. */
  apply(change: CredentialChangedPayload): number {
    const key = keyOf(change);
    const why = CLOSE_REASON[change.change];
    this.forgetOldChanges();
    this.changes.delete(key); // re-inserted last: the map stays in time order
    this.changes.set(key, { at: this.now(), why });
    const connections = [...(this.byKey.get(key) ?? [])];
    for (const connection of connections) connection.close(why.code, why.reason);
    return connections.length;
  }

  /** Open registered connections (tests, metrics). */
  get size(): number {
    const all = new Set<LiveConnection>();
    for (const set of this.byKey.values()) for (const c of set) all.add(c);
    return all.size;
  }

  private forgetOldChanges(): void {
    const before = this.now() - CHANGE_MEMORY_MS;
    for (const [key, { at }] of this.changes) {
      if (at >= before) break;
      this.changes.delete(key);
    }
  }
}

/** Publishes a change of credentials to every instance (this one included). */
export function announceCredentialChange(pubSub: AppPubSub['pubSub'], change: CredentialChangedPayload): void {
  pubSub.publish('CREDENTIAL_CHANGED', change);
}

/** Applies every change heard on the pub/sub to this instance's registry, until stopped. */
export function followCredentialChanges(pubSub: AppPubSub['pubSub'], connections: LiveConnections) {
  // One connection failing to close must not stop the follower: the next revocation would go unheard.
  return followTopic(pubSub, 'CREDENTIAL_CHANGED', 'Closing connections after a credential change failed', (change) => connections.apply(change));
}
