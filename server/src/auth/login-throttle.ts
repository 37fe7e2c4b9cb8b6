import { createHash } from 'node:crypto';
import { DomainError } from '../errors/domain-errors.js';
import { MemoryAttemptStore, type AttemptStore, type Backoff, type Bucket } from './attempt-store.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Backoff instead of lock-out: nobody can shut the real user out by failing on purpose, because what slows down
 * is the pair (account, address) the guesses come from, the address, and — for addresses this account never
 * signed in from — the account. Reasoning and numbers in docs/THREAT_MODEL.md.
 */
export const THROTTLE_LIMITS = {
  /** One account from one address: a guesser at one place, or the real user mistyping. */
  accountAtAddress: { free: 5, baseMs: 1000, maxMs: 15 * MINUTE, idleMs: 24 * HOUR },
  /** One address, any account: a common password sprayed over many accounts. Offices share an address. */
  address: { free: 30, baseMs: 1000, maxMs: 15 * MINUTE, idleMs: HOUR },
  /** One account from addresses it never signed in from: a guess spread over many addresses. */
  accountFromNewAddresses: { free: 50, baseMs: 1000, maxMs: 15 * MINUTE, idleMs: 24 * HOUR },
  /** Accounts created from one address (a workshop signs up a room together). */
  signUpAtAddress: { free: 20, baseMs: 5000, maxMs: HOUR, idleMs: HOUR },
} satisfies Record<string, Backoff>;

/** An address this account signed in from stays known this long, and skips the account-wide backoff. */
const KNOWN_ADDRESS_MS = 90 * 24 * HOUR;

/** A log-in attempt, reserved before its password is checked. */
export interface LogInAttempt {
  account: string;
  address: string;
  buckets: Bucket[];
}

/**
 * Limits log-in and sign-up attempts. Each attempt is reserved before the password is checked (parallel guesses
 * all count); a log-in that succeeds gives its reservation back. Shared by the instances through Redis when it is
 * configured (see RedisAttemptStore), in this process otherwise.
 */
export class LoginThrottle {
  constructor(
    private readonly store: AttemptStore = new MemoryAttemptStore(),
    private readonly limits: Record<keyof typeof THROTTLE_LIMITS, Backoff> = THROTTLE_LIMITS,
  ) {}

  /** Reserves a log-in attempt, or throws RATE_LIMITED with the seconds to wait. */
  async reserveLogIn(email: string, address: string): Promise<LogInAttempt> {
    const account = accountKey(email);
    const buckets: Bucket[] = [
      { key: `login:${account}:${address}`, backoff: this.limits.accountAtAddress },
      { key: `login-address:${address}`, backoff: this.limits.address },
    ];
    if (!(await this.store.remembers(`known:${account}:${address}`))) {
      buckets.push({ key: `login:${account}`, backoff: this.limits.accountFromNewAddresses });
    }
    await this.reserve(buckets, 'Too many log-in attempts');
    return { account, address, buckets };
  }

  /** The attempt was the account's owner: it was no guess, and this address becomes known. */
  async loggedIn({ account, address, buckets }: LogInAttempt): Promise<void> {
    const [own, ...shared] = buckets;
    await this.store.forget([own!.key]);
    await this.store.refund(shared);
    await this.store.remember(`known:${account}:${address}`, KNOWN_ADDRESS_MS);
  }

  /** Reserves a sign-up from this address, or throws RATE_LIMITED. */
  async reserveSignUp(address: string): Promise<void> {
    await this.reserve([{ key: `signup:${address}`, backoff: this.limits.signUpAtAddress }], 'Too many sign-ups from your address');
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private async reserve(buckets: Bucket[], what: string): Promise<void> {
    const reservation = await this.store.reserve(buckets);
    if (reservation.allowed) return;
    const seconds = Math.ceil(reservation.retryAfterMs / 1000);
    throw new DomainError('RATE_LIMITED', `${what}: try again in ${seconds} s.`, [], seconds);
  }
}

/** Accounts are named by a digest in the store: Redis keys carry no e-mail address. */
function accountKey(email: string): string {
  return createHash('sha256').update(email).digest('base64url').slice(0, 22);
}
