import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisEventStream, MAX_BUFFERED_EVENTS, streamKey } from '../../src/pubsub/redis-event-stream.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { canRunRedisServer, OwnRedis } from './redis-server.js';

/** What docs/THREAT_MODEL.md promises for events published while Redis is away, at the edge of the buffer. */
describe.runIf(canRunRedisServer)('events published during a Redis outage', () => {
  let redis: OwnRedis | undefined;
  afterAll(async () => redis?.kill());

  it('are sent in order when Redis returns; beyond the buffer the oldest are dropped and the loss is logged', async () => {
    redis = await OwnRedis.start();
    await redis.kill();
    const lines: string[] = [];
    const log = { error: (...args: unknown[]) => lines.push(args.join(' ')), info: (...args: unknown[]) => lines.push(args.join(' ')) };
    const stream = createRedisEventStream(redis.url, 'outage-test', 'instance-a', log);
    const received: number[] = [];
    stream.eventTarget.addEventListener('T', (event) => received.push((event as CustomEvent<{ i: number }>).detail.i));
    const extra = 5;
    for (let i = 0; i < MAX_BUFFERED_EVENTS + extra; i++) stream.eventTarget.dispatchEvent(new CustomEvent('T', { detail: { i } }));
    expect(received).toHaveLength(MAX_BUFFERED_EVENTS + extra); // this instance's own listeners, at once
    expect(stream.state()).toBe('down');

    await redis.restart();
    const reader = new Redis(redis.url);
    try {
      const until = Date.now() + 15_000;
      while ((await reader.xlen(streamKey('outage-test'))) < MAX_BUFFERED_EVENTS && Date.now() < until) await sleep(100);
      const entries = await reader.xrange(streamKey('outage-test'), '-', '+');
      const sent = entries.map(([, fields]) => (JSON.parse(fields[fields.indexOf('payload') + 1]!) as { i: number }).i);
      expect(sent).toEqual(Array.from({ length: MAX_BUFFERED_EVENTS }, (_, k) => k + extra));
      expect(lines.some((line) => line.includes(`${extra} were dropped`))).toBe(true);
      expect(stream.state()).toBe('up');
    } finally {
      reader.disconnect();
      await stream.close();
    }
  });
});
