import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/db/seeders/demo-accounts.js';
import { THROTTLE_LIMITS } from '../../src/auth/login-throttle.js';
import { TestApp } from '../harness.js';
import { OwnRedis } from './redis-server.js';

/**
 * Issue 8: parallel wrong passwords got past the log-in budget (45 verified against 10), ten wrong attempts by
 * anyone locked the real user out for 15 minutes, and sign-up had no throttle. Two instances share PostgreSQL and a
 * redis-server of this test's own; the attacker's address is set through X-Forwarded-For (the server trusts it
 * from loopback, as from a reverse proxy).
 */
const enabled = Boolean(process.env.DATABASE_URL);

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

  it('60 parallel wrong passwords over both instances: only the free attempts are verified, the rest refused before', async () => {
    const email = DEMO_ACCOUNTS.steelMember.email;
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => logIn(i % 2 ? a : b, email, `mauvais-mot-de-passe-${i}`, '198.51.100.7')),
    );
    const counts = tally(answers);
    expect(counts.UNAUTHENTICATED).toBe(THROTTLE_LIMITS.accountAtAddress.free);
    expect(counts.RATE_LIMITED).toBe(60 - THROTTLE_LIMITS.accountAtAddress.free);
    expect(answers.find((x) => x.code === 'RATE_LIMITED')?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('a stranger failing on purpose does not lock the real user out', async () => {
    const email = DEMO_ACCOUNTS.joineryMember.email;
    const attacker = await Promise.all(Array.from({ length: 60 }, (_, i) => logIn(i % 2 ? a : b, email, `faux-${i}`, '198.51.100.66')));
    expect(tally(attacker).RATE_LIMITED).toBeGreaterThan(50);
    expect(await logIn(b, email, DEMO_PASSWORD, '192.0.2.10')).toEqual({ code: 'OK' });
    // …and the attacker's wait does not end because the owner signed in elsewhere.
    expect((await logIn(a, email, 'encore-faux', '198.51.100.66')).code).toBe('RATE_LIMITED');
  });

  it('an account guessed from many addresses slows new addresses only; its owner still signs in from a known one', async () => {
    const email = DEMO_ACCOUNTS.authorityMember.email;
    expect(await logIn(a, email, DEMO_PASSWORD, '192.0.2.20')).toEqual({ code: 'OK' });
    const spread = THROTTLE_LIMITS.accountFromNewAddresses.free;
    const guesses = await Promise.all(Array.from({ length: spread + 10 }, (_, i) => logIn(i % 2 ? a : b, email, `faux-${i}`, `203.0.113.${i}`)));
    expect(tally(guesses)).toEqual({ UNAUTHENTICATED: spread, RATE_LIMITED: 10 });
    expect(await logIn(b, email, DEMO_PASSWORD, '192.0.2.20')).toEqual({ code: 'OK' });
    expect((await logIn(b, email, DEMO_PASSWORD, '192.0.2.21')).code).toBe('RATE_LIMITED');
  });

  it('throttles sign-ups per address, across instances', async () => {
    const signUp = (app: TestApp, i: number, address: string) =>
      send(app, `mutation($e: String!) { signUp(input: {email: $e, password: "un-long-mot-de-passe", name: "Essai"}) { viewer { id } } }`, { e: `essai-${address}-${i}@exemple.fr` }, address);
    const free = THROTTLE_LIMITS.signUpAtAddress.free;
    const answers = await Promise.all(Array.from({ length: free + 5 }, (_, i) => signUp(i % 2 ? a : b, i, '198.51.100.99')));
    expect(tally(answers)).toEqual({ OK: free, RATE_LIMITED: 5 });
    expect(await signUp(a, 0, '198.51.100.100')).toEqual({ code: 'OK' });
  });

  it('with Redis down, counts attempts in each instance instead (fail-safe), and recovers', async () => {
    await redis.kill();
    const email = DEMO_ACCOUNTS.facilitator.email;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => logIn(a, email, `faux-${i}`, '198.51.100.200')));
    expect(tally(answers)).toEqual({ UNAUTHENTICATED: THROTTLE_LIMITS.accountAtAddress.free, RATE_LIMITED: 20 - THROTTLE_LIMITS.accountAtAddress.free });
    expect(await logIn(b, email, DEMO_PASSWORD, '192.0.2.30')).toEqual({ code: 'OK' });
    await redis.restart();
    const until = Date.now() + 15_000;
    while ((await fetch(`${a.url}/readyz`).then((r) => r.json() as Promise<{ status: string }>)).status !== 'ready' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 2500)); // the throttle's own connection retries at most every 2 s
    // Shared again: the attempts of a fresh pair are counted once for both instances.
    const shared = await Promise.all(Array.from({ length: 20 }, (_, i) => logIn(i % 2 ? a : b, email, `faux-${i}`, '198.51.100.201')));
    expect(tally(shared).UNAUTHENTICATED).toBe(THROTTLE_LIMITS.accountAtAddress.free);
  });
});
