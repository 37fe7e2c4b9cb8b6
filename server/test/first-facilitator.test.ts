import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp } from './harness.js';
import { setupToken } from './setup-links.js';

/**
 * A fresh instance without demo data: the start prints a single-use link that creates the first facilitator, their
 * territory and facilitating organisation, and signs them in. Bad input changes nothing; the link works once.
 */

const SETUP = `query($t: String!) { firstFacilitatorSetup(token: $t) { expiresAt } }`;
const CREATE = `mutation($i: CreateFirstFacilitatorInput!) { createFirstFacilitator(input: $i) { viewer { email name facilitatedTerritories { name } } } }`;
const VIEWER = `{ viewer { email facilitatedTerritories { id name } memberships { organization { name kind } } } }`;

const input = (token: string, over: Record<string, string> = {}) => ({
  token,
  name: 'Claire Animatrice',
  email: 'Claire@Valolab.example',
  password: 'premier-secret-2026',
  territoryName: 'Val de Fensch',
  organizationName: "VALO'LAB",
  ...over,
});

describe('the first facilitator of a fresh instance', () => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await TestApp.start({ seedDemo: false, log: (line) => lines.push(line), env: { PUBLIC_URL: 'http://fe2i.example/' } });
  });
  afterAll(async () => t?.stop());

  it('prints one link at start, at PUBLIC_URL', () => {
    const token = setupToken(lines);
    expect(lines.join('\n')).toContain(`http://fe2i.example/#/setup/${token}`);
  });

  it('refuses bad input at its fields and changes nothing, then creates the account, territory and organisation once', async () => {
    const token = setupToken(lines);
    const preview = await t.gql(SETUP, { t: token });
    expect(new Date(preview.data!.firstFacilitatorSetup.expiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);

    const bad = await t.gql(CREATE, { i: input(token, { email: 'pas-une-adresse', password: 'court', territoryName: ' ', organizationName: '' }) });
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.problems!.map((p) => p.field).sort()).toEqual(['email', 'organizationName', 'password', 'territoryName']);
    expect((await t.gql(SETUP, { t: token })).errors).toBeUndefined();
    expect((await t.gql(`{ territories { id } }`)).data!.territories).toEqual([]);

    const done = await t.gql(CREATE, { i: input(token) });
    expect(done.errors).toBeUndefined();
    expect(done.data!.createFirstFacilitator.viewer).toEqual({
      email: 'claire@valolab.example',
      name: 'Claire Animatrice',
      facilitatedTerritories: [{ name: 'Val de Fensch' }],
    });
    const cookie = (done.headers.get('set-cookie') ?? '').split(';')[0];
    const viewer = (await t.gql(VIEWER, {}, { cookie })).data!.viewer;
    expect(viewer.facilitatedTerritories.map((x: any) => x.name)).toEqual(['Val de Fensch']);
    expect(viewer.memberships.map((m: any) => m.organization)).toEqual([{ name: "VALO'LAB", kind: 'FACILITATOR' }]);
    const again = await t.logIn('claire@valolab.example', 'premier-secret-2026');
    expect((await t.gql(VIEWER, {}, again)).data!.viewer.email).toBe('claire@valolab.example');

    // Once: the same link, for anyone, is NOT_FOUND, and nothing more is made.
    expect((await t.gql(SETUP, { t: token })).errors![0].extensions!.code).toBe('NOT_FOUND');
    const twice = await t.gql(CREATE, { i: input(token, { email: 'autre@valolab.example', territoryName: 'Ailleurs' }) });
    expect(twice.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await t.gql(`{ territories { name } }`, {}, again)).data!.territories.map((x: any) => x.name)).toEqual(['Val de Fensch']);
  });

  it('prints no link once a facilitator exists (a restart) nor on a start that loads the demo territory', async () => {
    const restartLines: string[] = [];
    const second = await TestApp.start({ sharing: t, seedDemo: false, log: (line) => restartLines.push(line) });
    await second.app.stop();
    expect(restartLines.join('\n')).not.toContain('/#/setup/');
    const demoLines: string[] = [];
    const demo = await TestApp.start({ log: (line) => demoLines.push(line) });
    await demo.stop();
    expect(demoLines.join('\n')).toContain('Val de Fensch demo territory');
    expect(demoLines.join('\n')).not.toContain('/#/setup/');
  });
});
