import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SetupLink } from '../../src/setup/setup-link.entity.js';
import { TestApp } from '../harness.js';
import { setupToken } from '../setup-links.js';

/**
 * docs/THREAT_MODEL.md #15e. The setup link of a fresh instance makes a facilitator, who sees every flow of their
 * territory: a stranger must not make one with a forged, expired or spent link, nor with a second instance's link
 * once a facilitator exists, nor two at once.
 */

const SETUP = `query($t: String!) { firstFacilitatorSetup(token: $t) { expiresAt } }`;
const CREATE = `mutation($i: CreateFirstFacilitatorInput!) { createFirstFacilitator(input: $i) { viewer { email } } }`;
const input = (token: string, n: number) => ({
  token,
  name: `Personne ${n}`,
  email: `personne${n}@example.org`,
  password: 'un-secret-assez-long',
  territoryName: `Territoire ${n}`,
  organizationName: `Structure ${n}`,
});

describe('setup links cannot be forged, replayed or raced', () => {
  let first: TestApp;
  let second: TestApp;
  const firstLines: string[] = [];
  const secondLines: string[] = [];

  beforeAll(async () => {
    first = await TestApp.start({ seedDemo: false, log: (line) => firstLines.push(line) });
    // A second instance on the same database starts before anyone used the first link: it prints a link of its own.
    second = await TestApp.start({ sharing: first, seedDemo: false, log: (line) => secondLines.push(line) });
  });
  afterAll(async () => {
    await second?.app.stop();
    await first?.stop();
  });

  const facilitators = async () => Number((await first.app.orm.em.fork().execute('select count(*)::int as n from territory_facilitator'))[0].n);

  it('a stranger who signed up cannot use a forged link, and an expired link is refused', async () => {
    const signUp = await first.gql(`mutation { signUp(input: {email: "intrus@example.org", password: "un-secret-assez-long", name: "Intrus"}) { viewer { email } } }`);
    const stranger = { cookie: (signUp.headers.get('set-cookie') ?? '').split(';')[0] };
    for (const forged of ['fe2i_f_forged', '', setupToken(firstLines).slice(0, -1)]) {
      expect((await first.gql(SETUP, { t: forged }, stranger)).errors![0].extensions!.code).toBe('NOT_FOUND');
      expect((await first.gql(CREATE, { i: input(forged, 1) }, stranger)).errors![0].extensions!.code).toBe('NOT_FOUND');
    }
    const em = first.app.orm.em.fork();
    const all = await em.find(SetupLink, {});
    expect(all).toHaveLength(2);
    const kept = all.map((l) => ({ id: l.id, expiresAt: l.expiresAt }));
    await em.nativeUpdate(SetupLink, {}, { expiresAt: new Date(Date.now() - 1000) });
    expect((await first.gql(CREATE, { i: input(setupToken(firstLines), 2) })).errors![0].extensions!.code).toBe('NOT_FOUND');
    for (const { id, expiresAt } of kept) await em.nativeUpdate(SetupLink, { id }, { expiresAt });
    expect(await facilitators()).toBe(0);
  });

  it('two links used at once make one facilitator; the other link is refused for good', async () => {
    const [a, b] = await Promise.all([
      first.gql(CREATE, { i: input(setupToken(firstLines), 3) }),
      second.gql(CREATE, { i: input(setupToken(secondLines), 4) }),
    ]);
    const codes = [a, b].map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['NOT_FOUND', 'OK']);
    expect(await facilitators()).toBe(1);
    for (const token of [setupToken(firstLines), setupToken(secondLines)]) {
      expect((await first.gql(SETUP, { t: token })).errors![0].extensions!.code).toBe('NOT_FOUND');
      expect((await second.gql(CREATE, { i: input(token, 5) })).errors![0].extensions!.code).toBe('NOT_FOUND');
    }
    expect(await facilitators()).toBe(1);
  });
});
