import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo/demo-accounts.js';
import type { Backoff } from '../../src/auth/attempt-store.js';
import { THROTTLE_LIMITS } from '../../src/auth/login-throttle.js';
import { TestApp } from '../harness.js';
import { canRunRedisServer, OwnRedis } from './redis-server.js';

/**
 * Issue 8: parallel wrong passwords got past the log-in budget (45 verified against 10), ten wrong attempts by
 * anyone locked the real user out for 15 minutes, and sign-up had no throttle. Two instances share PostgreSQL and a
 * redis-server of this test's own; the attacker's address is set through X-Forwarded-For (the server trusts it
 * from loopback, as from a reverse proxy).
 */
const enabled = Boolean(process.env.DATABASE_URL) && canRunRedisServer;

interface Answer {
  code?: string;
  retryAfterSeconds?: number;
}

async function send(app: TestApp, query: string, variables: Record<string, unknown>, address: string): Promise<Answer> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors?: { extensions?: Answer }[] };
  return { code: body.errors?.[0]?.extensions?.code ?? 'OK', retryAfterSeconds: body.errors?.[0]?.extensions?.retryAfterSeconds };
}

const LOG_IN = `mutation($e: String!, $p: String!) { logIn(input: {email: $e, password: $p}) { viewer { email } } }`;
const logIn = (app: TestApp, email: string, password: string, address: string) => send(app, LOG_IN, { e: email, p: password }, address);
const tally = (answers: Answer[]) => {
  const counts: Record<string, number> = {};
  for (const { code } of answers) counts[code!] = (counts[code!] ?? 0) + 1;
  return counts;
};

/** Sends attempts all at once; how many of each answer came back, and how long the burst lasted. */
async function burst(count: number, attempt: (i: number) => Promise<Answer>) {
  const started = Date.now();
  const answers = await Promise.all(Array.from({ length: count }, (_, i) => attempt(i)));
  return { answers, counts: tally(answers), ms: Date.now() - started };
}

/**
 * The most attempts a bucket may let through in a burst of `ms`: its free ones, then one more after each doubled
 * wait (1 s, then 2 s…) that the burst outlasted. A loaded machine spreads a burst of 60 requests over a second or two.
 */
const allowedWithin = (backoff: Backoff, ms: number) => backoff.free + Math.floor(Math.log2(ms / backoff.baseMs + 1));

/**
 * Keeps guessing, waiting each time as told, until the wait is at least `seconds`: the checks that follow then do
 * not depend on how fast a loaded machine runs them.
 */
async function deepen(guess: () => Promise<Answer>, seconds: number) {
  for (;;) {
    const answer = await guess();
    if (answer.code === 'RATE_LIMITED' && answer.retryAfterSeconds! >= seconds) return;
    if (answer.code === 'RATE_LIMITED') await new Promise((r) => setTimeout(r, answer.retryAfterSeconds! * 1000));
  }
}

describe.runIf(enabled)('log-in and sign-up throttle, two instances sharing Redis', () => {
  let redis: OwnRedis;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    redis = await OwnRedis.start();
    a = await TestApp.start({ redisUrl: redis.url });
    b = await TestApp.start({ redisUrl: redis.url, sharing: a, seedDemo: false });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await redis?.kill();
  });

  it('60 parallel wrong passwords over both instances: verified within the budget, the rest refused before verification', async () => {
    const email = DEMO_ACCOUNTS.steelMember.email;
    const { answers, counts, ms } = await burst(60, (i) => logIn(i % 2 ? a : b, email, `mauvais-mot-de-passe-${i}`, '198.51.100.7'));
    expect(counts.UNAUTHENTICATED).toBeGreaterThanOrEqual(THROTTLE_LIMITS.accountAtAddress.free);
    expect(counts.UNAUTHENTICATED).toBeLessThanOrEqual(allowedWithin(THROTTLE_LIMITS.accountAtAddress, ms));
    expect(counts.RATE_LIMITED).toBe(60 - counts.UNAUTHENTICATED!);
    expect(answers.find((x) => x.code === 'RATE_LIMITED')?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('a stranger failing on purpose does not lock the real user out', async () => {
    const email = DEMO_ACCOUNTS.joineryMember.email;
    const attacker = await Promise.all(Array.from({ length: 60 }, (_, i) => logIn(i % 2 ? a : b, email, `faux-${i}`, '198.51.100.66')));
    expect(tally(attacker).RATE_LIMITED).toBeGreaterThan(50);
    expect(await logIn(b, email, DEMO_PASSWORD, '192.0.2.10')).toEqual({ code: 'OK' });
    await deepen(() => logIn(a, email, 'encore-faux', '198.51.100.66'), 4);
    expect(await logIn(b, email, DEMO_PASSWORD, '192.0.2.10')).toEqual({ code: 'OK' });
    // …and the attacker's wait does not end because the owner signed in elsewhere.
    expect((await logIn(a, email, 'encore-faux', '198.51.100.66')).code).toBe('RATE_LIMITED');
  });

  it('an account guessed from many addresses slows new addresses only; its owner still signs in from a known one', async () => {
    const email = DEMO_ACCOUNTS.authorityMember.email;
    expect(await logIn(a, email, DEMO_PASSWORD, '192.0.2.20')).toEqual({ code: 'OK' });
    const spread = THROTTLE_LIMITS.accountFromNewAddresses.free;
    const guesses = await burst(spread + 10, (i) => logIn(i % 2 ? a : b, email, `faux-${i}`, `203.0.113.${i}`));
    expect(guesses.counts.UNAUTHENTICATED).toBeLessThanOrEqual(allowedWithin(THROTTLE_LIMITS.accountFromNewAddresses, guesses.ms));
    expect(guesses.counts.RATE_LIMITED).toBe(spread + 10 - guesses.counts.UNAUTHENTICATED!);
    let next = 100;
    await deepen(() => logIn(a, email, 'faux', `203.0.113.${next++}`), 4);
    expect(await logIn(b, email, DEMO_PASSWORD, '192.0.2.20')).toEqual({ code: 'OK' });
    expect(await logIn(b, email, DEMO_PASSWORD, '192.0.2.21')).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('throttles sign-ups per address, across instances', async () => {
    const signUp = (app: TestApp, i: number, address: string) =>
      send(app, `mutation($e: String!) { signUp(input: {email: $e, password: "un-long-mot-de-passe", name: "Essai"}) { viewer { id } } }`, { e: `essai-${address}-${i}@exemple.fr` }, address);
    const free = THROTTLE_LIMITS.signUpAtAddress.free;
    const { counts, ms } = await burst(free + 5, (i) => signUp(i % 2 ? a : b, i, '198.51.100.99'));
    expect(counts.OK).toBeLessThanOrEqual(allowedWithin(THROTTLE_LIMITS.signUpAtAddress, ms));
    expect(counts.RATE_LIMITED).toBe(free + 5 - counts.OK!);
    expect(await signUp(a, 0, '198.51.100.100')).toEqual({ code: 'OK' });
  });

  it('with Redis down, counts attempts in each instance instead (fail-safe), and recovers', async () => {
    await redis.kill();
    const email = DEMO_ACCOUNTS.facilitator.email;
    const alone = await burst(20, (i) => logIn(a, email, `faux-${i}`, '198.51.100.200'));
    expect(alone.counts.UNAUTHENTICATED).toBeLessThanOrEqual(allowedWithin(THROTTLE_LIMITS.accountAtAddress, alone.ms));
    expect(alone.counts.RATE_LIMITED).toBe(20 - alone.counts.UNAUTHENTICATED!);
    expect(await logIn(b, email, DEMO_PASSWORD, '192.0.2.30')).toEqual({ code: 'OK' });
    await redis.restart();
    const until = Date.now() + 15_000;
    while ((await fetch(`${a.url}/readyz`).then((r) => r.json() as Promise<{ status: string }>)).status !== 'ready' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 2500)); // the throttle's own connection retries at most every 2 s
    // Shared again: the attempts of a fresh pair are counted once for both instances.
    const shared = await burst(20, (i) => logIn(i % 2 ? a : b, email, `faux-${i}`, '198.51.100.201'));
    expect(shared.counts.UNAUTHENTICATED).toBeLessThanOrEqual(allowedWithin(THROTTLE_LIMITS.accountAtAddress, shared.ms));
    expect(shared.counts.UNAUTHENTICATED).toBeLessThan(2 * THROTTLE_LIMITS.accountAtAddress.free); // not a budget per instance
  });
});
