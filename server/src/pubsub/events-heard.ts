import { filter, pipe } from '@graphql-yoga/subscription';
import type { AppPubSub, Topics } from './pubsub.js';

/**
 * The events of `topic` that one subscriber hears: those `heard` accepts, judged as each is delivered (so on the
 * viewer's facts of that moment: the socket reads them again for every operation).
 */
export function eventsHeard<T extends keyof Topics>(
  pubSub: AppPubSub['pubSub'],
  topic: T,
  heard: (payload: Topics[T][0]) => boolean | Promise<boolean>,
): AsyncIterable<Topics[T][0]> {
  // Every topic carries one payload, never undefined: what the pub/sub yields is that payload (its type, generic
  // over the topic, cannot say so).
  const events = pubSub.subscribe(topic as keyof Topics) as AsyncIterableIterator<Topics[T][0]>;
  const heardEvents = pipe(events, filter(heard)) as AsyncIterableIterator<Topics[T][0]>;
  // The filter returns its source only once it was iterated; a subscriber that leaves before its first event (GraphQL
  // returns this iterator) ends its subscription too, which the pub/sub counts (AppPubSub.mayBeHeard).
  const leave = heardEvents.return?.bind(heardEvents);
  heardEvents.return = async (value?: unknown) => {
    await events.return?.();
    return leave ? leave(value) : { done: true, value: undefined };
  };
  return heardEvents;
}
