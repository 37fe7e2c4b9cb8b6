import { Redis } from 'ioredis';

/** One Redis stream per deployment carries every topic: a reader that was away resumes after the last entry it saw. */
export const streamKey = (namespace: string) => `fe2i:${namespace}:events`;
/** Entries kept in Redis for instances that reconnect late (approximate trimming is O(1)). */
const STREAM_LENGTH = 10_000;
/** Events held while Redis is away; beyond it the oldest are dropped and the loss is logged. */
export const MAX_BUFFERED_EVENTS = 10_000;
const RETRY_MS = 250;

export type RedisState = 'up' | 'down';

interface Listener {
  (event: CustomEvent): void;
}

/**
 * An event target for `@graphql-yoga/subscription` that survives Redis outages. Events go to this instance's
 * listeners at once and to the other instances through a Redis stream (XADD / XREAD): while Redis is away they are
 * buffered here and sent when it returns, and each instance reads the stream from the last entry it saw, so what
 * was published while it was cut off reaches it too. Nothing here throws into the publisher: failures are logged
 * and retried.
 */
export function createRedisEventStream(redisUrl: string, namespace: string, instanceId: string, log: Pick<Console, 'error' | 'info'> = console) {
  // No offline queue: a command while disconnected fails at once, and this module decides what to keep.
  const options = { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1 };
  const STREAM_KEY = streamKey(namespace);
  const publisher = new Redis(redisUrl, options);
  const reader = new Redis(redisUrl, options);
  const listeners = new Map<string, Set<Listener>>();
  const pending: string[][] = [];
  let dropped = 0;
  let draining = false;
  let closed = false;

  let outage = false;
  function reportOutage(error: Error) {
    if (outage || closed) return;
    outage = true;
    log.error(`Redis is unreachable (${error.message}): events are delivered on this instance and buffered for the others.`);
  }
  for (const client of [publisher, reader]) {
    client.on('error', reportOutage);
    client.on('ready', () => {
      if (!outage || publisher.status !== 'ready' || reader.status !== 'ready') return;
      outage = false;
      log.info(`Redis is back: sending ${pending.length} buffered event(s)${dropped ? `; ${dropped} were dropped (buffer full)` : ''}.`);
      dropped = 0;
    });
  }
  publisher.on('ready', () => void drain());

  function deliver(topic: string, detail: unknown) {
    for (const listener of listeners.get(topic) ?? []) listener(new CustomEvent(topic, { detail }));
  }

  /**
   * Sends buffered events in order, a pipelined batch per round trip; stops at the first failure and tries again
   * when the publisher is ready (or at the next publish).
   */
  async function drain() {
    if (draining) return;
    draining = true;
    try {
      while (pending.length && publisher.status === 'ready') {
        const batch = pending.slice(0, 100);
        const pipeline = publisher.pipeline();
        for (const fields of batch) pipeline.xadd(STREAM_KEY, 'MAXLEN', '~', STREAM_LENGTH, '*', ...fields);
        const results = (await pipeline.exec()) ?? [];
        const sent = results.findIndex(([error]) => error);
        pending.splice(0, sent === -1 ? batch.length : sent);
        if (sent !== -1) throw results[sent]![0];
      }
    } catch (error) {
      reportOutage(error as Error);
    } finally {
      draining = false;
    }
  }

  async function readLoop() {
    let lastId: string | undefined;
    while (!closed) {
      try {
        if (reader.status !== 'ready') {
          await sleep(RETRY_MS);
          continue;
        }
        // Start after the newest entry: an instance does not replay what was published before it started.
        lastId ??= (await reader.xrevrange(STREAM_KEY, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
        const batches = await reader.xread('COUNT', 500, 'BLOCK', 5000, 'STREAMS', STREAM_KEY, lastId);
        for (const [, entries] of batches ?? []) {
          for (const [id, fields] of entries) {
            lastId = id;
            receive(fields);
          }
        }
      } catch (error) {
        if (closed) return;
        reportOutage(error as Error);
        await sleep(RETRY_MS);
      }
    }
  }

  function receive(fields: string[]) {
    const entry: Record<string, string> = {};
    for (let i = 0; i + 1 < fields.length; i += 2) entry[fields[i]!] = fields[i + 1]!;
    if (entry.origin === instanceId || entry.topic === undefined) return; // delivered locally when published
    try {
      deliver(entry.topic, entry.payload ? JSON.parse(entry.payload) : null);
    } catch (error) {
      log.error(`Dropping an unreadable event on ${entry.topic}:`, error);
    }
  }

  const reading = readLoop();

  const eventTarget = {
    addEventListener(topic: string, listener: Listener | { handleEvent: Listener } | null) {
      if (!listener) return;
      const callback = 'handleEvent' in listener ? listener.handleEvent : listener;
      listeners.set(topic, (listeners.get(topic) ?? new Set()).add(callback));
    },
    removeEventListener(topic: string, listener: Listener | { handleEvent: Listener } | null) {
      if (!listener) return;
      const callback = 'handleEvent' in listener ? listener.handleEvent : listener;
      listeners.get(topic)?.delete(callback);
    },
    dispatchEvent(event: Event) {
      const detail = (event as CustomEvent).detail as unknown;
      deliver(event.type, detail);
      pending.push(['topic', event.type, 'origin', instanceId, 'payload', JSON.stringify(detail ?? null)]);
      if (pending.length > MAX_BUFFERED_EVENTS) {
        pending.shift();
        dropped++;
      }
      void drain();
      return true;
    },
  } as unknown as EventTarget;

  return {
    eventTarget,
    state: (): RedisState => (publisher.status === 'ready' && reader.status === 'ready' && !outage ? 'up' : 'down'),
    async close() {
      await drain();
      closed = true;
      reader.disconnect();
      await reading;
      if (pending.length) log.error(`Closing with ${pending.length} event(s) Redis never received.`);
      await publisher.quit().catch(() => publisher.disconnect());
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
