import { randomUUID } from 'node:crypto';
import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { createRedisEventStream, type RedisState } from './redis-event-stream.js';

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

/**
 * Something happened to a synergy: detection suggested it as flows changed (SUGGESTED, told to the territory's
 * facilitators; the parties hear SYNERGY_SUGGESTED), a contact request or an answer, facilitators putting the
 * parties in touch, a note, an assignment. IDs only; each subscriber's event is built for them at delivery time,
 * and notes and assignments are told to the territory's facilitators only (policy/facilitation-policy.ts).
 */
export interface SynergyChangedPayload {
  synergyId: string;
  change: 'SUGGESTED' | 'CONTACT_REQUESTED' | 'ANSWERED' | 'PUT_IN_TOUCH' | 'NOTE_ADDED' | 'ASSIGNED';
  territoryId: string;
  organizationIds: string[];
  facilitatorsOnly: boolean;
}

/**
 * A credential ended or what its user may see changed: every instance closes the live connections it concerns
 * (auth/live-connections.ts). `id` is the session's (SESSION_ENDED; PASSWORD_CHANGED: a session the change ended),
 * the API token's, or the user's (ACCESS_CHANGED: every connection of the user).
 */
export interface CredentialChangedPayload {
  change: 'SESSION_ENDED' | 'API_TOKEN_REVOKED' | 'PASSWORD_CHANGED' | 'ACCESS_CHANGED';
  id: string;
}

/** Something happened to a project; each subscriber's event is built for them at delivery time. */
export interface ProjectChangedPayload {
  projectId: string;
  change: 'STAGE_CHANGED' | 'PARTICIPANT_INVITED' | 'INVITATION_ACCEPTED' | 'INVITATION_DECLINED' | 'PARTICIPANT_REMOVED';
}

/** Ids of plan items added, removed or changed (indicators by `indicator|unit`). */
export interface PlanItemIds {
  added: string[];
  removed: string[];
  changed: string[];
}

/**
 * A project's plan changed, from the API or a browser: who (users, and the organisations they act for) and which
 * parts, by id. Published once, by the instance where the change was made; each subscriber's event is built for
 * them at delivery time.
 */
export interface PlanChangedPayload {
  projectId: string;
  authors: { userId: string; organizationId: string | null }[];
  actions: PlanItemIds;
  budget: PlanItemIds;
  indicators: PlanItemIds;
  summaryChanged: boolean;
  notesChanged: boolean;
}

/**
 * A detection run's progress in a territory (synergy/detection/detection-progress.ts): only its phase, how far it
 * is, and at the end its counts — no synergy, flow or organisation; told to the territory's facilitators only.
 */
export interface DetectionProgressPayload {
  runId: string;
  territoryId: string;
  phase: 'READING' | 'DETECTING' | 'RECONCILING' | 'ANNOUNCING' | 'DONE' | 'FAILED';
  percent: number;
  report: { detected: number; suggested: number; updated: number; stale: number; withdrawn: number } | null;
}

export type Topics = {
  FLOW_CHANGED: [FlowChangedPayload];
  SYNERGY_SUGGESTED: [SynergySuggestedPayload];
  SYNERGY_CHANGED: [SynergyChangedPayload];
  CREDENTIAL_CHANGED: [CredentialChangedPayload];
  PROJECT_CHANGED: [ProjectChangedPayload];
  PLAN_CHANGED: [PlanChangedPayload];
  DETECTION_PROGRESS: [DetectionProgressPayload];
};

/** An event as it crosses processes: its topic and its (stamped) payload. */
export type RelayedEvent = { [T in keyof Topics]: { topic: T; payload: Topics[T][0] } }[keyof Topics];

export interface AppPubSub {
  pubSub: PubSub<Topics>;
  /** Identifies this process among the instances sharing Redis. */
  instanceId: string;
  /** Publishes an event another process published (stamped already), to this process's subscribers. */
  relay(event: RelayedEvent): void;
  /** Whether Redis carries events between instances right now; null when events stay in this process. */
  redisState(): RedisState | null;
  /**
   * Whether `topic` may have a subscriber now: always with Redis (one may be on another instance); otherwise,
   * whether a subscription to it was made in this process and has not ended (counted from `subscribe` to the
   * iterator's `return`; one never returned counts on, which errs on the side of telling).
   */
  mayBeHeard(topic: keyof Topics): boolean;
  close(): Promise<void>;
}

function relayTo(pubSub: PubSub<Topics>): AppPubSub['relay'] {
  // Taken before `stamped` replaces publish: the event keeps the origin of the process that made the change.
  const publish = pubSub.publish.bind(pubSub) as (topic: string, payload: unknown) => void;
  return (event) => publish(event.topic, event.payload);
}

/** Stamps FLOW_CHANGED events with the publishing instance. */
function stamped(pubSub: PubSub<Topics>, instanceId: string): PubSub<Topics> {
  const publish = pubSub.publish.bind(pubSub) as (topic: string, payload: unknown) => void;
  return Object.assign(pubSub, {
    publish: (topic: keyof Topics, payload: Topics[keyof Topics][0]) =>
      publish(topic, topic === 'FLOW_CHANGED' ? { ...payload, origin: instanceId } : payload),
  }) as PubSub<Topics>;
}

/** Counts each topic's subscriptions from `subscribe` until their iterator is returned (the subscriber left). */
function counted(pubSub: PubSub<Topics>, counts: Map<keyof Topics, number>): PubSub<Topics> {
  const subscribe = pubSub.subscribe.bind(pubSub) as (topic: keyof Topics) => AsyncIterableIterator<unknown>;
  return Object.assign(pubSub, {
    subscribe: (topic: keyof Topics) => {
      const events = subscribe(topic);
      counts.set(topic, (counts.get(topic) ?? 0) + 1);
      let ended = false;
      const end = events.return?.bind(events);
      events.return = (value?: unknown) => {
        if (!ended) counts.set(topic, (counts.get(topic) ?? 1) - 1);
        ended = true;
        return end ? end(value) : Promise.resolve({ done: true, value: undefined });
      };
      return events;
    },
  }) as PubSub<Topics>;
}

/**
 * In-process by default; through Redis when REDIS_URL is set, so that a mutation served by one instance reaches
 * subscribers connected to another. A Redis outage never fails a publish: see redis-event-stream.ts.
 */
export function createAppPubSub(redisUrl: string | undefined, namespace = 'embedded'): AppPubSub {
  const instanceId = randomUUID();
  const counts = new Map<keyof Topics, number>();
  if (!redisUrl) {
    const pubSub = createPubSub<Topics>();
    return {
      relay: relayTo(pubSub),
      pubSub: counted(stamped(pubSub, instanceId), counts),
      instanceId,
      redisState: () => null,
      mayBeHeard: (topic) => (counts.get(topic) ?? 0) > 0,
      close: async () => {},
    };
  }
  const stream = createRedisEventStream(redisUrl, namespace, instanceId);
  const pubSub = createPubSub<Topics>({ eventTarget: stream.eventTarget });
  return {
    relay: relayTo(pubSub),
    pubSub: stamped(pubSub, instanceId),
    instanceId,
    redisState: stream.state,
    mayBeHeard: () => true,
    close: stream.close,
  };
}
