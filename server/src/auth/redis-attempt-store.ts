import { once } from 'node:events';
import { Redis } from 'ioredis';
import { MemoryAttemptStore, type AttemptStore, type Bucket, type Reservation } from './attempt-store.js';

// Same rules as MemoryAttemptStore, in one script so that checking and counting every bucket is one atomic step
// shared by all instances. Redis' own clock: instances' clocks may differ.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local wait = 0
for _, key in ipairs(KEYS) do
  local nextAt = tonumber(redis.call('HGET', key, 'next') or '0')
  if nextAt - now > wait then wait = nextAt - now end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  local free, base, max, idle = tonumber(ARGV[4*i-3]), tonumber(ARGV[4*i-2]), tonumber(ARGV[4*i-1]), tonumber(ARGV[4*i])
  local n = redis.call('HINCRBY', key, 'n', 1)
  local delay = 0
  if n >= free then delay = math.min(max, base * 2 ^ (n - free)) end
  redis.call('HSET', key, 'next', string.format('%d', now + math.floor(delay)))
  redis.call('PEXPIRE', key, idle)
end
return 0`;

const REFUND = `
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('HGET', key, 'n') or '0') > 0 then
    if redis.call('HINCRBY', key, 'n', -1) < tonumber(ARGV[i]) then redis.call('HSET', key, 'next', 0) end
  end
end
return 0`;

type ScriptedRedis = Redis & {
  reserveAttempts(count: number, ...args: (string | number)[]): Promise<number>;
  refundAttempts(count: number, ...args: (string | number)[]): Promise<number>;
};

/**
 * Attempts counted in Redis, shared by every instance. While Redis is unreachable the count falls back to this
 * process (logged): log-ins keep working, with each instance's own budget, rather than refusing everyone.
 */
export class RedisAttemptStore implements AttemptStore {
  private readonly redis: ScriptedRedis;
  private readonly fallback = new MemoryAttemptStore();
  private outage = false;

  constructor(redisUrl: string, namespace: string, private readonly log: Pick<Console, 'error' | 'info'> = console) {
    this.redis = new Redis(redisUrl, {
      keyPrefix: `fe2i:${namespace}:throttle:`,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 1000,
    }) as ScriptedRedis;
    this.redis.defineCommand('reserveAttempts', { lua: RESERVE });
    this.redis.defineCommand('refundAttempts', { lua: REFUND });
    this.redis.on('error', (error: Error) => this.reportOutage(error));
    this.redis.on('ready', () => {
      if (!this.outage) return;
      this.outage = false;
      this.log.info('Redis is back: log-in attempts are counted across instances again.');
    });
  }

  reserve(buckets: Bucket[]): Promise<Reservation> {
    const args = buckets.flatMap(({ backoff: b }) => [b.free, b.baseMs, b.maxMs, b.idleMs]);
    return this.either(
      async () => {
        const wait = await this.redis.reserveAttempts(buckets.length, ...buckets.map((b) => b.key), ...args);
        return wait > 0 ? { allowed: false, retryAfterMs: wait } : { allowed: true };
      },
      () => this.fallback.reserve(buckets),
    );
  }

  async refund(buckets: Bucket[]): Promise<void> {
    const keys = buckets.map((b) => b.key);
    await this.either(
      async () => void (await this.redis.refundAttempts(buckets.length, ...keys, ...buckets.map((b) => b.backoff.free))),
      () => this.fallback.refund(buckets),
    );
  }

  async forget(keys: string[]): Promise<void> {
    await this.either(
      async () => void (await this.redis.del(...keys)),
      () => this.fallback.forget(keys),
    );
  }

  async remember(key: string, ttlMs: number): Promise<void> {
    await this.either(
      async () => void (await this.redis.set(key, '1', 'PX', ttlMs)),
      () => this.fallback.remember(key, ttlMs),
    );
  }

  remembers(key: string): Promise<boolean> {
    return this.either(
      async () => (await this.redis.exists(key)) === 1,
      () => this.fallback.remembers(key),
    );
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private async either<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    if (!(await this.connected())) return local();
    try {
      return await shared();
    } catch (error) {
      this.reportOutage(error as Error);
      return local();
    }
  }

  /**
   * While the first connection is being made (an instance starting), waits a moment for it rather than count
   * apart from the other instances; once Redis is known to be away, does not wait.
   */
  private async connected(): Promise<boolean> {
    if (this.redis.status === 'ready') return true;
    if (this.outage || !['connecting', 'connect'].includes(this.redis.status)) return false;
    try {
      await once(this.redis, 'ready', { signal: AbortSignal.timeout(1000) });
      return true;
    } catch {
      return false;
    }
  }

  private reportOutage(error: Error) {
    if (this.outage) return;
    this.outage = true;
    this.log.error(`Redis is unreachable (${error.message}): log-in attempts are counted per instance meanwhile.`);
  }
}
