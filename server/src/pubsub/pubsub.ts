import { randomUUID } from 'node:crypto';
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
  /** The instance that published it (stamped by the pub/sub): derived work is done once, where the change was made. */
  origin?: string;
}

/** A synergy was suggested to (or came back for) these organisations. */
export interface SynergySuggestedPayload {
  synergyId: string;
  organizationIds: string[];
}

/** Something happened to a project; each subscriber's event is built for them at delivery time. */
export interface ProjectChangedPayload {
  projectId: string;
  change: 'STAGE_CHANGED' | 'PARTICIPANT_INVITED' | 'INVITATION_ACCEPTED' | 'INVITATION_DECLINED' | 'PARTICIPANT_REMOVED';
}

export type Topics = {
  FLOW_CHANGED: [FlowChangedPayload];
  SYNERGY_SUGGESTED: [SynergySuggestedPayload];
  PROJECT_CHANGED: [ProjectChangedPayload];
};

export interface AppPubSub {
  pubSub: PubSub<Topics>;
  /** Identifies this process among the instances sharing Redis. */
  instanceId: string;
  close(): Promise<void>;
}

/** Stamps FLOW_CHANGED events with the publishing instance. */
function stamped(pubSub: PubSub<Topics>, instanceId: string): PubSub<Topics> {
  const publish = pubSub.publish.bind(pubSub) as (topic: string, payload: unknown) => void;
  return Object.assign(pubSub, {
    publish: (topic: keyof Topics, payload: Topics[keyof Topics][0]) =>
      publish(topic, topic === 'FLOW_CHANGED' ? { ...payload, origin: instanceId } : payload),
  }) as PubSub<Topics>;
}

/**
 * In-process by default; through Redis when REDIS_URL is set, so that a mutation served by one instance reaches
 * subscribers connected to another.
 */
export function createAppPubSub(redisUrl: string | undefined): AppPubSub {
  const instanceId = randomUUID();
  if (!redisUrl) {
    return { pubSub: stamped(createPubSub<Topics>(), instanceId), instanceId, close: async () => {} };
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  for (const client of [publishClient, subscribeClient]) {
    client.on('error', (error) => console.error('Redis pub/sub:', error.message));
  }
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubSub: stamped(createPubSub<Topics>({ eventTarget }), instanceId),
    instanceId,
    async close() {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
