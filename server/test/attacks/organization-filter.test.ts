import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { TestApp, type As } from '../harness.js';

/**
 * docs/THREAT_MODEL.md #25. The attack of issue 8: a member asks `synergies(filter: {organizationId})` once per
 * directory entry; every entry that answers with one of its synergies is an anonymous counterpart identified (41 of
 * 41 for a company member, 13 of 13 for the authority's member before the fix). Now: 0.
 */
describe('the synergies filter by organisation names no anonymous counterpart', () => {
  let t: TestApp;
  let facilitator: As;
  let directory: { id: string; name: string }[];

  const synergyIds = async (as: As, filter: Record<string, unknown>) => {
    const res = await t.gql(`query($f: SynergyFilterInput) { synergies(first: 100, filter: $f) { totalCount nodes { id participants { organization { id } } } } }`, { f: filter }, as);
    return res;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    const res = await t.gql(`{ organizations(first: 100) { nodes { id name } } }`, {}, facilitator);
    directory = res.data!.organizations.nodes;
    expect(directory.length).toBeGreaterThan(20);
  });
  afterAll(async () => t?.stop());

  for (const account of [DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.authorityMember]) {
    it(`identifies 0 anonymous counterparts of ${account.email} through the directory`, async () => {
      const member = await t.logIn(account.email);
      const own = (await t.gql(`{ viewer { memberships { organization { id } } } }`, {}, member)).data!.viewer.memberships.map((m: any) => m.organization.id);
      const mine = (await synergyIds(member, {})).data!.synergies.nodes;
      const anonymous = mine.filter((s: any) => s.participants.some((p: any) => p.organization === null));
      expect(anonymous.length, 'the member has anonymous counterparts to protect').toBeGreaterThan(0);

      let identified = 0;
      const refusals = new Set<string>();
      for (const org of directory) {
        const res = await synergyIds(member, { organizationId: org.id });
        if (own.includes(org.id)) {
          expect(res.errors).toBeUndefined();
          continue;
        }
        if (res.errors) refusals.add(JSON.stringify(res.errors.map((e) => [e.message, e.extensions?.code, e.extensions?.problems])));
        else if (res.data!.synergies.totalCount > 0) identified++;
      }
      expect(identified).toBe(0);
      // One answer for every other organisation, counterpart or not: the refusal itself tells nothing.
      expect([...refusals]).toHaveLength(1);
      expect([...refusals][0]).toContain('BAD_USER_INPUT');
    });
  }

  it('still filters for the facilitators of the territory and for the members of the organisation', async () => {
    const steel = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
    const steelOrg = (await t.gql(`{ viewer { memberships { organization { id } } } }`, {}, steel)).data!.viewer.memberships[0].organization.id;
    const own = await synergyIds(steel, { organizationId: steelOrg });
    expect(own.data!.synergies.totalCount).toBeGreaterThan(0);
    const byFacilitator = await synergyIds(facilitator, { organizationId: steelOrg });
    expect(byFacilitator.data!.synergies.totalCount).toBeGreaterThan(0);
    for (const s of byFacilitator.data!.synergies.nodes) expect(s.participants.map((p: any) => p.organization.id)).toContain(steelOrg);
  });
});
