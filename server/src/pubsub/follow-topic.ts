import type { AppPubSub, Topics } from './pubsub.js';

/** A loop over a topic's events, until stopped. */
export interface TopicFollower {
  stop(): Promise<void>;
}

/**
 * Calls `heard` with every event of `topic`, in order, until stopped: how an instance applies to its own state what
 * any instance published (Redis carries it to all). An event whose handling fails is logged under `failing` and the
 * loop goes on: a follower that stopped at one failure would leave every later event unheard.
 */
export function followTopic<T extends keyof Topics>(
  pubSub: AppPubSub['pubSub'],
  topic: T,
  failing: string,
  heard: (payload: Topics[T][0]) => unknown,
): TopicFollower {
  const log = (error: unknown) => console.error(`${failing}:`, error instanceof Error ? error.message : error);
  // Every topic carries one payload, never undefined: what the pub/sub yields is that payload (its type, generic
  // over the topic, cannot say so).
  const iterator = (pubSub.subscribe(topic as keyof Topics) as AsyncIterable<Topics[T][0]>)[Symbol.asyncIterator]();
  const loop = (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      try {
        const handled = heard(next.value);
        if (handled instanceof Promise) handled.catch(log);
      } catch (error) {
        log(error);
      }
    }
  })();
  return {
    async stop() {
      await iterator.return?.();
      await loop.catch(() => {});
    },
  };
}
