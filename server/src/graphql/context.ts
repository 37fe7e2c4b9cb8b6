import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal.loader.js';
import type { MaybeViewer } from '../policy/viewer.js';
import type { Services } from './services.js';
import type { Loaders } from './loaders.js';
import type { AppPubSub } from '../pubsub/pubsub.js';
import type { KnowledgeBase } from '../synergy/knowledge/knowledge-base.types.js';

/** What every resolver receives, over HTTP and over WebSocket alike. */
export interface GraphQLContext {
  principal: Principal | null;
  viewer: MaybeViewer;
  em: EntityManager;
  services: Services;
  loaders: Loaders;
  pubSub: AppPubSub['pubSub'];
  knowledgeBase: KnowledgeBase;
  /** Over HTTP: lets log-in and log-out set the session cookie. Absent over WebSocket. */
  http?: {
    clientAddress: string;
    sessionToken?: string;
    setSessionCookie(token: string, expiresAt: Date): void;
    clearSessionCookie(): void;
  };
}
