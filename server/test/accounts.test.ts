import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_INTEGRATOR_TOKEN } from '../src/demo/demo-accounts.js';
import { collect, TestApp } from './harness.js';

describe('accounts, sessions and API tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => t?.stop());

  it('signs up, is signed in by an HttpOnly SameSite cookie, and logs out', async () => {
    const res = await t.gql(`mutation { signUp(input: {email: "Nouveau@Exemple.fr", password: "un-long-mot-de-passe", name: "Nouveau"}) { viewer { email } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.signUp.viewer.email).toBe('nouveau@exemple.fr');
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0];
    expect((await t.gql(`{ viewer { email } }`, {}, { cookie })).data!.viewer.email).toBe('nouveau@exemple.fr');
    await t.gql(`mutation { logOut }`, {}, { cookie });
    expect((await t.gql(`{ viewer { email } }`, {}, { cookie })).data!.viewer).toBeNull();
  });

  it('refuses a duplicate e-mail and a short password with clear codes', async () => {
    const dup = await t.gql(`mutation { signUp(input: {email: "${DEMO_ACCOUNTS.steelMember.email}", password: "un-long-mot-de-passe", name: "X"}) { viewer { id } } }`);
    expect(dup.errors?.[0].extensions?.code).toBe('CONFLICT');
    const short = await t.gql(`mutation { signUp(input: {email: "a@b.fr", password: "court", name: "X"}) { viewer { id } } }`);
    expect(short.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('does not tell a wrong password from an unknown e-mail, and rate-limits guesses', async () => {
    const attempt = (email: string) => t.gql(`mutation { logIn(input: {email: "${email}", password: "wrong-password"}) { viewer { id } } }`);
    const wrong = await attempt(DEMO_ACCOUNTS.authorityMember.email);
    const unknown = await attempt('personne@nulle-part.fr');
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) codes.push((await attempt(DEMO_ACCOUNTS.authorityMember.email)).errors![0].extensions!.code!);
    expect(codes).toContain('RATE_LIMITED');
  });

  it('creates an API token shown once, authenticates with it, and revokes it', async () => {
    const as = await t.logIn(DEMO_ACCOUNTS.joineryMember.email);
    const created = await t.gql(`mutation { createApiToken(name: "ERP") { token apiToken { id name prefix } } }`, {}, as);
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data!.createApiToken;
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    expect((await t.gql(`{ viewer { email } }`, {}, { token })).data!.viewer.email).toBe(DEMO_ACCOUNTS.joineryMember.email);
    const listed = await t.gql(`{ viewer { apiTokens { id name prefix } } }`, {}, as);
    expect(JSON.stringify(listed.data)).not.toContain(token);
    await t.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: apiToken.id }, as);
    const after = await t.gql(`{ viewer { email } }`, {}, { token });
    expect(after.status).toBe(401);
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("cannot revoke someone else's token", async () => {
    const a = await t.logIn(DEMO_ACCOUNTS.joineryMember.email);
    const created = await t.gql(`mutation { createApiToken(name: "mine") { apiToken { id } } }`, {}, a);
    const b = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
    const res = await t.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: created.data!.createApiToken.apiToken.id }, b);
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('authenticates graphql-ws connection_init with the same credentials, and closes 4401 on a bad token', async () => {
    const good = t.wsClient({ token: DEMO_INTEGRATOR_TOKEN });
    const viewer = await new Promise<any>((resolve, reject) =>
      good.subscribe({ query: '{ viewer { email } }' }, { next: resolve, error: reject, complete: () => {} }),
    );
    expect(viewer.data.viewer.email).toBe('integration@valolab.demo');
    await good.dispose();
    const cookie = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
    const byCookie = t.wsClient(cookie);
    const v2 = await new Promise<any>((resolve, reject) =>
      byCookie.subscribe({ query: '{ viewer { email } }' }, { next: resolve, error: reject, complete: () => {} }),
    );
    expect(v2.data.viewer.email).toBe(DEMO_ACCOUNTS.steelMember.email);
    await byCookie.dispose();
    const bad = t.wsClient({ token: 'fe2i_t_not-a-token' });
    const sub = collect(bad, '{ viewer { email } }', {});
    await sub.done;
    expect((sub.error as { code?: number }).code).toBe(4401);
  });

  it('refuses WebSocket upgrades from another site', async () => {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(t.url.replace('http', 'ws') + '/graphql', 'graphql-transport-ws', { headers: { origin: 'https://evil.example' } });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => {});
    });
    expect(status).toBe(403);
  });

  it('answers health and readiness probes', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
