import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { collect, TestApp, type As } from '../harness.js';
import { otherTerritoryFacilitator } from './sockets.js';

/**
 * docs/THREAT_MODEL.md #20d. `detectionProgress` tells how a territory's detection goes and, at the end, how many
 * synergies were found, refreshed, made stale or withdrawn — facilitators' figures. Another company's member, a
 * stranger who just signed up, the facilitator of another territory and a revoked token are refused, and the other
 * territory's facilitator, following their own territory, never receives an event of Val de Fensch.
 */
const PROGRESS = `subscription($t: ID!) { detectionProgress(territoryId: $t) { territoryId phase percent report { detected } } }`;
const DETECT = `mutation($t: ID!) { detectSynergies(territoryId: $t) { detected } }`;

describe('detection progress is the facilitators’ own', () => {
  let t: TestApp;
  let facilitator: As;
  let outsider: As;
  const people: Record<string, As> = {};
  let fensch: string;
  let paysHaut: string;

  beforeAll(async () => {
    t = await TestApp.start();
    facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    people.member = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
    const signUp = await t.gql(`mutation { signUp(input: {email: "curieux@example.org", password: "un-secret-assez-long", name: "Curieux"}) { viewer { id } } }`);
    people.stranger = { cookie: (signUp.headers.get('set-cookie') ?? '').split(';')[0] };
    ({ as: outsider, territoryId: paysHaut } = await otherTerritoryFacilitator(t));
    people.outsider = outsider;
    fensch = (await t.gql(`{ territories { id name } }`, {}, facilitator)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    const made = await t.gql(`mutation { createApiToken(name: "ERP") { token apiToken { id } } }`, {}, facilitator);
    await t.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: made.data!.createApiToken.apiToken.id }, facilitator);
    people.revoked = { token: made.data!.createApiToken.token };
  });
  afterAll(async () => t?.stop());

  it('refuses to subscribe to Val de Fensch: another company’s member, a stranger, another territory’s facilitator, a revoked token', async () => {
    const expected: Record<string, string> = { member: 'FORBIDDEN', stranger: 'FORBIDDEN', outsider: 'FORBIDDEN', revoked: 'UNAUTHENTICATED' };
    const refused = Object.keys(expected).map((who) => ({ who, sub: collect(t.wsClient(people[who]), PROGRESS, { t: fensch }) }));
    await t.gql(DETECT, { t: fensch }, facilitator);
    for (const { who, sub } of refused) {
      await Promise.race([sub.done, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      // A refusal comes as an error result (FORBIDDEN), or for a revoked credential as the socket closed with 4401.
      const codes = JSON.stringify([sub.all, sub.error, (sub.error as { code?: number } | undefined)?.code]);
      expect(codes, who).toMatch(who === 'revoked' ? /UNAUTHENTICATED|4401|Unauthenticated|Unauthorized/i : /FORBIDDEN/);
      expect(sub.all.some((e: any) => e.data?.detectionProgress), who).toBe(false);
    }
  });

  it('another territory’s facilitator, following their own, receives their runs and none of Val de Fensch', async () => {
    const own = collect<{ detectionProgress: { territoryId: string; phase: string } }>(t.wsClient(outsider), PROGRESS, { t: paysHaut });
    const runOwn = () => t.gql(DETECT, { t: paysHaut }, outsider);
    await own.live(runOwn, (event) => event.data?.detectionProgress.phase === 'DONE', { everyMs: 2_000, ms: 30_000 });
    expect((await t.gql(DETECT, { t: fensch }, facilitator)).errors).toBeUndefined();
    // Events of one subscription come in order: their next run's events come after anything of Fensch's run.
    await runOwn();
    for (let i = 0; i < 100 && !own.events.some((e) => e.data?.detectionProgress.phase === 'DONE'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(own.events.length).toBeGreaterThan(0);
    expect(own.events.every((e) => e.data?.detectionProgress.territoryId === paysHaut)).toBe(true);
    // And they may not run Fensch's detection either.
    expect((await t.gql(DETECT, { t: fensch }, outsider)).errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
