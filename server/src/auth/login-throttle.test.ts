import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-errors.js';
import { delayAfter, MemoryAttemptStore } from './attempt-store.js';
import { LoginThrottle, THROTTLE_LIMITS } from './login-throttle.js';

const limits = (free: { accountAtAddress?: number; address?: number; accountFromNewAddresses?: number }) => ({
  accountAtAddress: { free: free.accountAtAddress ?? 100, baseMs: 100, maxMs: 800, idleMs: 10_000 },
  address: { free: free.address ?? 100, baseMs: 100, maxMs: 800, idleMs: 10_000 },
  accountFromNewAddresses: { free: free.accountFromNewAddresses ?? 100, baseMs: 100, maxMs: 800, idleMs: 10_000 },
  signUpAtAddress: { free: 2, baseMs: 100, maxMs: 800, idleMs: 10_000 },
});

/** The RATE_LIMITED error an attempt throws, or null when it is allowed. */
async function refusal(attempt: Promise<unknown>): Promise<DomainError | null> {
  try {
    await attempt;
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('RATE_LIMITED');
    return error as DomainError;
  }
}

describe('log-in throttle', () => {
  it('slows an e-mail tried from one address after its free attempts, until the wait passes', async () => {
    let now = 0;
    const throttle = new LoginThrottle(new MemoryAttemptStore(() => now), limits({ accountAtAddress: 3 }));
    for (let i = 0; i < 3; i++) expect(await refusal(throttle.reserveLogIn('a@b.fr', '1.2.3.4'))).toBeNull();
    const refused = await refusal(throttle.reserveLogIn('a@b.fr', '1.2.3.4'));
    expect(refused?.retryAfterSeconds).toBe(1);
    expect(await refusal(throttle.reserveLogIn('other@b.fr', '1.2.3.4'))).toBeNull();
    // Another address is not slowed by these guesses: a stranger cannot lock the real user out.
    expect(await refusal(throttle.reserveLogIn('a@b.fr', '5.6.7.8'))).toBeNull();
    now = 101;
    expect(await refusal(throttle.reserveLogIn('a@b.fr', '1.2.3.4'))).toBeNull();
    // Each further attempt doubles the wait.
    expect(await refusal(throttle.reserveLogIn('a@b.fr', '1.2.3.4'))).not.toBeNull();
    now = 101 + 199;
    expect(await refusal(throttle.reserveLogIn('a@b.fr', '1.2.3.4'))).not.toBeNull();
    now = 101 + 200;
    expect(await refusal(throttle.reserveLogIn('a@b.fr', '1.2.3.4'))).toBeNull();
  });

  it('blocks an address that tries many e-mails', async () => {
    const throttle = new LoginThrottle(new MemoryAttemptStore(() => 0), limits({ address: 5 }));
    for (let i = 0; i < 5; i++) await throttle.reserveLogIn(`u${i}@b.fr`, '1.2.3.4');
    expect(await refusal(throttle.reserveLogIn('new@b.fr', '1.2.3.4'))).not.toBeNull();
    expect(await refusal(throttle.reserveLogIn('new@b.fr', '9.9.9.9'))).toBeNull();
  });

  it('slows an account guessed from many addresses, except from addresses its owner signed in from', async () => {
    const throttle = new LoginThrottle(new MemoryAttemptStore(() => 0), limits({ accountFromNewAddresses: 5 }));
    const owner = await throttle.reserveLogIn('a@b.fr', '10.0.0.1');
    await throttle.loggedIn(owner);
    for (let i = 0; i < 5; i++) await throttle.reserveLogIn('a@b.fr', `203.0.113.${i}`);
    expect(await refusal(throttle.reserveLogIn('a@b.fr', '203.0.113.99'))).not.toBeNull();
    expect(await refusal(throttle.reserveLogIn('a@b.fr', '10.0.0.1'))).toBeNull();
  });

  it('gives back the reservation of a log-in that succeeds', async () => {
    const throttle = new LoginThrottle(new MemoryAttemptStore(() => 0), limits({ accountAtAddress: 3, address: 3 }));
    for (let i = 0; i < 10; i++) await throttle.loggedIn(await throttle.reserveLogIn('a@b.fr', '1.2.3.4'));
    expect(await refusal(throttle.reserveLogIn('a@b.fr', '1.2.3.4'))).toBeNull();
  });

  it('throttles sign-ups per address', async () => {
    const throttle = new LoginThrottle(new MemoryAttemptStore(() => 0), limits({}));
    await throttle.reserveSignUp('1.2.3.4');
    await throttle.reserveSignUp('1.2.3.4');
    expect(await refusal(throttle.reserveSignUp('1.2.3.4'))).not.toBeNull();
    expect(await refusal(throttle.reserveSignUp('5.6.7.8'))).toBeNull();
  });

  it('doubles the wait up to its ceiling', () => {
    const backoff = THROTTLE_LIMITS.accountAtAddress;
    expect([4, 5, 6, 7, 100].map((n) => delayAfter(n, backoff))).toEqual([0, 1000, 2000, 4000, backoff.maxMs]);
  });
});
