import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { TestApp, type As } from '../harness.js';
import { otherTerritoryFacilitator } from './sockets.js';

/**
 * docs/THREAT_MODEL.md #15g. `updateSite` changes a site (its place on the map included) for its organisation's
 * members and the facilitators of its territory only. Another company's member, a stranger who just signed up, the
 * facilitator of another territory, a visitor and a revoked token are refused, and the site does not move; bad
 * values are refused at their field and change nothing.
 */
const UPDATE = `mutation($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { id name city latitude longitude } }`;
const MOVED = { name: 'Site déplacé', city: 'Hayange', latitude: 49.33, longitude: 6.06 };

describe('editing a site', () => {
  let t: TestApp;
  let member: As;
  let facilitator: As;
  let otherMember: As;
  let stranger: As;
  let outsider: As;
  let revoked: As;
  let siteId: string;
  let organizationId: string;
  let original: { name: string; city: string; latitude: number; longitude: number };

  const site = async () => (await t.gql(`query($id: ID!) { node(id: $id) { ... on Organization { sites { id name city latitude longitude } } } }`, { id: organizationId }, member)).data!.node.sites.find((s: any) => s.id === siteId);

  beforeAll(async () => {
    t = await TestApp.start();
    [member, facilitator, otherMember] = await Promise.all(
      [DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.joineryMember].map((a) => t.logIn(a.email)),
    );
    const org = (await t.gql(`{ viewer { memberships { organization { id sites { id name city latitude longitude } } } } }`, {}, member)).data!.viewer.memberships[0].organization;
    organizationId = org.id;
    const { id, ...rest } = org.sites[0];
    siteId = id;
    original = rest;
    await t.gql(`mutation { signUp(input: {email: "curieux@concurrent.example", password: "curieux-secret-1", name: "Curieux"}) { viewer { id } } }`);
    stranger = await t.logIn('curieux@concurrent.example', 'curieux-secret-1');
    outsider = (await otherTerritoryFacilitator(t)).as;
    const made = await t.gql(`mutation { createApiToken(name: "ERP") { token apiToken { id } } }`, {}, member);
    await t.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: made.data!.createApiToken.apiToken.id }, member);
    revoked = { token: made.data!.createApiToken.token };
  });
  afterAll(async () => t?.stop());

  it('is refused to everyone who may not edit the organisation, and the site stays where it was', async () => {
    const cases: [As | undefined, string[]][] = [
      [otherMember, ['FORBIDDEN']],
      [stranger, ['FORBIDDEN', 'NOT_FOUND']],
      [outsider, ['FORBIDDEN', 'NOT_FOUND']],
      [revoked, ['UNAUTHENTICATED']],
      [undefined, ['UNAUTHENTICATED']],
    ];
    for (const [as, codes] of cases) {
      const res = await t.gql(UPDATE, { id: siteId, input: MOVED }, as);
      expect(res.data?.updateSite ?? null).toBeNull();
      expect(codes).toContain(res.errors![0].extensions!.code);
    }
    expect(await site()).toEqual({ id: siteId, ...original });
  });

  it('refuses a bad value at its field and a site that does not exist, changing nothing', async () => {
    const bad = await t.gql(UPDATE, { id: siteId, input: { ...MOVED, latitude: 123 } }, member);
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors![0].extensions)).toContain('latitude');
    const wrongType = await t.gql(UPDATE, { id: organizationId, input: MOVED }, member);
    expect(wrongType.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await site()).toEqual({ id: siteId, ...original });
  });

  it('moves the site for a member, and for the facilitator of its territory', async () => {
    const res = await t.gql(UPDATE, { id: siteId, input: MOVED }, member);
    expect(res.data!.updateSite).toEqual({ id: siteId, ...MOVED });
    expect(await site()).toEqual({ id: siteId, ...MOVED });
    const back = await t.gql(UPDATE, { id: siteId, input: original }, facilitator);
    expect(back.data!.updateSite).toEqual({ id: siteId, ...original });
  });

  it("re-detects a moved site's flows: their synergies follow the new distance, and come back with the site", async () => {
    const pairs = async () => {
      await t.app.synergiesSettled();
      const res = await t.gql(
        `query($o: ID!) { synergies(first: 100, filter: {organizationId: $o}) { nodes { status participants { flow { id } } explanation { transportTonneKm } } } }`,
        { o: organizationId },
        facilitator,
      );
      expect(res.errors).toBeUndefined();
      // By the flows they pair (a synergy withdrawn and suggested again is a new row).
      const key = (n: any) => n.participants.map((p: any) => p.flow?.id ?? '?').sort().join('+');
      return new Map<string, string>(res.data!.synergies.nodes.map((n: any) => [key(n), `${n.status} ${n.explanation?.transportTonneKm}`]));
    };
    const before = await pairs();
    expect(before.size, 'the steelworks has synergies in the demo').toBeGreaterThan(0);
    const far = { ...original, latitude: original.latitude + 0.4, longitude: original.longitude + 0.4 };
    expect((await t.gql(UPDATE, { id: siteId, input: far }, member)).errors).toBeUndefined();
    const moved = await pairs();
    expect(moved, 'some synergy moved with the site (distance, or withdrawn beyond reach)').not.toEqual(before);
    expect((await t.gql(UPDATE, { id: siteId, input: original }, member)).errors).toBeUndefined();
    const back = await pairs();
    for (const [id, state] of before) if (state.startsWith('SUGGESTED')) expect(back.get(id), id).toBe(state);
  });
});
