import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { TestApp, type As } from '../harness.js';
import { otherTerritoryFacilitator } from './sockets.js';

/**
 * docs/THREAT_MODEL.md #15d. `Organization.viewerCanInvite` tells the page whether to show the invite form: it must
 * be true exactly where `inviteToOrganization` succeeds — for the organisation's (approved) admins and its
 * territory's facilitators — and false for another company's member, a stranger who just signed up (even on the
 * organisation they registered, still pending), the facilitator of another territory, and a revoked token.
 */
describe('viewerCanInvite says what inviteToOrganization does, for each person', () => {
  let t: TestApp;
  const people: Record<string, As> = {};
  const orgs: Record<string, string> = {};
  let revokedToken: string;

  const CAN = `query($id: ID!) { node(id: $id) { ... on Organization { viewerCanInvite } } }`;
  const INVITE = `mutation($o: ID!, $e: String!) { inviteToOrganization(organizationId: $o, email: $e) { email } }`;

  beforeAll(async () => {
    t = await TestApp.start();
    people.facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    people.steel = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
    people.joinery = await t.logIn(DEMO_ACCOUNTS.joineryMember.email);
    const signUp = async (email: string, name: string) => {
      const res = await t.gql(`mutation($e: String!, $n: String!) { signUp(input: {email: $e, password: "un-secret-assez-long", name: $n}) { viewer { id } } }`, { e: email, n: name });
      return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] };
    };
    people.stranger = await signUp('inconnu@example.org', 'Inconnu');
    const paysHaut = await otherTerritoryFacilitator(t);
    people.outsider = paysHaut.as;

    const territories = (await t.gql(`{ territories { id name } }`, {}, people.facilitator)).data!.territories;
    const fensch = territories.find((x: any) => x.name === 'Val de Fensch').id;
    const find = async (search: string) =>
      (await t.gql(`query($t: ID!, $s: String!) { organizations(first: 1, filter: {territoryId: $t, search: $s}) { nodes { id } } }`, { t: fensch, s: search }, people.facilitator)).data!
        .organizations.nodes[0].id;
    orgs.steel = await find('Aciéries de la Fensch');
    orgs.joinery = await find('Menuiserie de Knutange');
    const create = async (as: As, territoryId: string, name: string) => {
      const res = await t.gql(`mutation($t: ID!, $n: String!) { createOrganization(input: {territoryId: $t, name: $n, kind: COMPANY}) { id viewerCanInvite } }`, { t: territoryId, n: name }, as);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data!.createOrganization as { id: string; viewerCanInvite: boolean };
    };
    const pending = await create(people.stranger, fensch, 'Société Inconnue');
    // The creation's own answer says no either: the stranger's membership is not approved yet.
    expect(pending.viewerCanInvite).toBe(false);
    orgs.strangers = pending.id;
    orgs.paysHaut = (await create(people.outsider, paysHaut.territoryId, 'Aciérie du Pays-Haut')).id;

    // The steel member's own API token, then revoked.
    const made = await t.gql(`mutation { createApiToken(name: "ERP") { token apiToken { id } } }`, {}, people.steel);
    revokedToken = made.data!.createApiToken.token;
    await t.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: made.data!.createApiToken.apiToken.id }, people.steel);
    people.revoked = { token: revokedToken };
  });
  afterAll(async () => t?.stop());

  /** true / false as the field says, or null when the organisation does not exist for them (or they are refused). */
  const fieldSays = async (as: As, org: string): Promise<boolean | null> => {
    const res = await t.gql(CAN, { id: org }, as);
    return res.data?.node?.viewerCanInvite ?? null;
  };
  let n = 0;
  const inviteWorks = async (as: As, org: string): Promise<boolean> => {
    const res = await t.gql(INVITE, { o: org, e: `invite-${++n}@example.org` }, as);
    if (res.errors) expect(['NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN']).toContain(res.errors[0].extensions!.code);
    return !res.errors && Boolean(res.data?.inviteToOrganization);
  };

  const EXPECTED: Record<string, Record<string, boolean>> = {
    facilitator: { steel: true, joinery: true, strangers: true, paysHaut: false },
    steel: { steel: true, joinery: false, strangers: false, paysHaut: false },
    joinery: { steel: false, joinery: true, strangers: false, paysHaut: false },
    stranger: { steel: false, joinery: false, strangers: false, paysHaut: false },
    outsider: { steel: false, joinery: false, strangers: false, paysHaut: true },
    revoked: { steel: false, joinery: false, strangers: false, paysHaut: false },
  };

  for (const [who, expected] of Object.entries(EXPECTED)) {
    it(`${who}: true exactly where the invitation goes through`, async () => {
      for (const [org, allowed] of Object.entries(expected)) {
        const says = await fieldSays(people[who], orgs[org]);
        const works = await inviteWorks(people[who], orgs[org]);
        expect({ org, says: says === true, works }).toEqual({ org, says: allowed, works: allowed });
      }
    });
  }

  it('a revoked token is refused outright, not read as anyone', async () => {
    const res = await t.gql(CAN, { id: orgs.steel }, people.revoked);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
