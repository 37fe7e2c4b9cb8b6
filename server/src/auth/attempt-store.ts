/**
 * How a bucket of attempts slows down: `free` attempts without delay, then each attempt doubles the wait before
 * the next one (base, 2×base, 4×base… up to max). A bucket left alone for `idleMs` is forgotten.
 */
export interface Backoff {
  free: number;
  baseMs: number;
  maxMs: number;
  idleMs: number;
}

export interface Bucket {
  key: string;
  backoff: Backoff;
}

export type Reservation = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Where attempts are counted: in this process, or in Redis so that every instance shares the count. An attempt is
 * counted when it is reserved, before the work it guards, so that attempts made in parallel all count.
 */
export interface AttemptStore {
  /** Counts one attempt in every bucket, or in none when one of them asks to wait; all at once. */
  reserve(buckets: Bucket[]): Promise<Reservation>;
  /** Takes one attempt back (a log-in that succeeded was not a guess), and its delay when under the free ones. */
  refund(buckets: Bucket[]): Promise<void>;
  forget(keys: string[]): Promise<void>;
  /** Marks a key for a while (an address this account signed in from). */
  remember(key: string, ttlMs: number): Promise<void>;
  remembers(key: string): Promise<boolean>;
  close(): Promise<void>;
}

/** The wait imposed after the n-th attempt of a bucket. */
export function delayAfter(n: number, { free, baseMs, maxMs }: Backoff): number {
  return n < free ? 0 : Math.min(maxMs, baseMs * 2 ** (n - free));
}

interface BucketState {
  n: number;
  /** Earliest time of the next attempt. */
  next: number;
  expires: number;
}

/** Attempts counted in this process: without Redis, and while Redis is away. Synchronous inside, so atomic. */
export class MemoryAttemptStore implements AttemptStore {
  private readonly buckets = new Map<string, BucketState>();
  private readonly marks = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  async reserve(buckets: Bucket[]): Promise<Reservation> {
    const t = this.now();
    const states = buckets.map((bucket) => this.live(bucket.key, t));
    const wait = Math.max(0, ...states.map((state) => (state ? state.next - t : 0)));
    if (wait > 0) return { allowed: false, retryAfterMs: wait };
    buckets.forEach(({ key, backoff }, i) => {
      const n = (states[i]?.n ?? 0) + 1;
      this.buckets.set(key, { n, next: t + delayAfter(n, backoff), expires: t + backoff.idleMs });
    });
    if (this.buckets.size > 100_000) this.prune(t);
    return { allowed: true };
  }

  async refund(buckets: Bucket[]): Promise<void> {
    for (const { key, backoff } of buckets) {
      const state = this.live(key, this.now());
      if (!state || state.n === 0) continue;
      state.n -= 1;
      if (state.n < backoff.free) state.next = 0;
    }
  }

  async forget(keys: string[]): Promise<void> {
    for (const key of keys) this.buckets.delete(key);
  }

  async remember(key: string, ttlMs: number): Promise<void> {
    this.marks.set(key, this.now() + ttlMs);
  }

  async remembers(key: string): Promise<boolean> {
    return (this.marks.get(key) ?? 0) > this.now();
  }

  async close(): Promise<void> {}

  private live(key: string, t: number): BucketState | undefined {
    const state = this.buckets.get(key);
    if (state && state.expires <= t) {
      this.buckets.delete(key);
      return undefined;
    }
    return state;
  }

  private prune(t: number): void {
    for (const [key, state] of this.buckets) if (state.expires <= t) this.buckets.delete(key);
    for (const [key, expires] of this.marks) if (expires <= t) this.marks.delete(key);
  }
}
