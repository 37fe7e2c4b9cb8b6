import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';

/** Topics and their payloads. Payloads are plain JSON: they may cross Redis between instances. */
export interface FlowChangedPayload {
  change: 'DECLARED' | 'UPDATED' | 'ARCHIVED';
  flowId: string;
  organizationId: string;
  territoryId: string;
  /** The flow's territory and every territory enclosing it: subscribers of any of them are concerned. */
  territoryChain: string[];
  visibility: 'PRIVATE' | 'TERRITORY' | 'PUBLIC';
  /** Before the change, to tell subscribers who could see the flow that they no longer can. */
  previousVisibility: 'PRIVATE' | 'TERRITORY' | 'PUBLIC' | null;
}

export type Topics = {
  FLOW_CHANGED: [FlowChangedPayload];
};

export interface AppPubSub {
  pubSub: PubSub<Topics>;
  close(): Promise<void>;
}

/**
 * In-process by default; through Redis when REDIS_URL is set, so that a mutation served by one instance reaches
 * subscribers connected to another.
 */
export function createAppPubSub(redisUrl: string | undefined): AppPubSub {
  if (!redisUrl) {
    return { pubSub: createPubSub<Topics>(), close: async () => {} };
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  for (const client of [publishClient, subscribeClient]) {
    client.on('error', (error) => console.error('Redis pub/sub:', error.message));
  }
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubSub: createPubSub<Topics>({ eventTarget }),
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
