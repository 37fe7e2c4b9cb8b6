import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { collect, TestApp, type As, type GraphQLResponse } from '../harness.js';
import { otherTerritoryFacilitator } from './sockets.js';

/**
 * docs/THREAT_MODEL.md #52–53. The facilitators' tools on a synergy (putting the parties in touch, who answered,
 * internal notes, assignment) belong to the facilitators of its territory. Another company's member, a stranger who
 * just signed up, the facilitator of another territory, a party's own API token and a revoked facilitator token
 * neither use them nor learn anything from them: not a note, not who follows it, not who answered, not that the
 * synergy exists (NOT_FOUND as for one that does not, FORBIDDEN only to a party, who knows it does).
 */
describe('facilitator tools: nobody else uses or reads them', () => {
  let t: TestApp;
  let facilitator: As;
  let party: As;
  let partyToken: As;
  let otherMember: As;
  let stranger: As;
  let outsider: As;
  let revoked: As;
  let fensch: string;
  let paysHaut: string;
  let synergyId: string;
  let facilitatorId: string;
  let outsiderId: string;
  const NOTE = 'Confidentiel : la menuiserie hésite à cause du prix, relancer Julien.';

  const expectRefused = (res: GraphQLResponse, codes: string[]) => {
    expect(codes, JSON.stringify(res)).toContain(res.errors?.[0].extensions?.code);
    const text = JSON.stringify(res);
    for (const secret of [NOTE, DEMO_ACCOUNTS.facilitator.name, 'NO_ANSWER', 'askedAt']) expect(text).not.toContain(secret);
  };

  beforeAll(async () => {
    t = await TestApp.start();
    [facilitator, party, otherMember] = await Promise.all(
      [DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.authorityMember].map((a) => t.logIn(a.email)),
    );
    partyToken = { token: (await t.gql(`mutation { createApiToken(name: "script") { token } }`, {}, party)).data!.createApiToken.token };
    await t.gql(`mutation { signUp(input: {email: "curieux@concurrent.example", password: "curieux-secret-1", name: "Curieux"}) { viewer { id } } }`);
    stranger = await t.logIn('curieux@concurrent.example', 'curieux-secret-1');
    ({ as: outsider, userId: outsiderId, territoryId: paysHaut } = await otherTerritoryFacilitator(t));
    fensch = (await t.gql(`{ territories { id name } }`)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;

    const orgOf = async (as: As) => (await t.gql(`{ viewer { memberships { organization { id } } } }`, {}, as)).data!.viewer.memberships[0].organization.id;
    const joinery = await t.logIn(DEMO_ACCOUNTS.joineryMember.email);
    const rec = await t.gql(
      `mutation($input: RecordSynergyInput!) { recordSynergy(input: $input) { id } }`,
      { input: { territoryId: fensch, kind: 'SUBSTITUTION', organizationIds: [await orgOf(party), await orgOf(joinery)], status: 'SUGGESTED' } },
      facilitator,
    );
    synergyId = rec.data!.recordSynergy.id;
    facilitatorId = (await t.gql(`{ viewer { id } }`, {}, facilitator)).data!.viewer.id;
    await t.gql(`mutation($id: ID!, $text: String!) { addSynergyNote(id: $id, text: $text) { id } }`, { id: synergyId, text: NOTE }, facilitator);
    await t.gql(`mutation($id: ID!, $a: ID) { assignSynergy(id: $id, assigneeId: $a) { id } }`, { id: synergyId, a: facilitatorId }, facilitator);
    await t.gql(`mutation($id: ID!) { putPartiesInTouch(id: $id) { id } }`, { id: synergyId }, facilitator);

    const created = await t.gql(`mutation { createApiToken(name: "poste animatrice") { token apiToken { id } } }`, {}, facilitator);
    revoked = { token: created.data!.createApiToken.token };
    await t.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: created.data!.createApiToken.apiToken.id }, facilitator);
  });
  afterAll(async () => t?.stop());

  const read = `query($id: ID!) { synergy(id: $id) { id viewerCanFacilitate notes { text authorName } responses { organizationName state askedAt }
    assignee { name } assignableFacilitators { name } } }`;
  const mutations = (id: string) => [
    (as: As) => t.gql(`mutation($id: ID!) { putPartiesInTouch(id: $id) { id status } }`, { id }, as),
    (as: As) => t.gql(`mutation($id: ID!) { addSynergyNote(id: $id, text: "intrus") { text } }`, { id }, as),
    (as: As) => t.gql(`mutation($id: ID!, $a: ID) { assignSynergy(id: $id, assigneeId: $a) { id } }`, { id, a: outsiderId }, as),
    (as: As) => t.gql(`mutation($id: ID!) { assignSynergy(id: $id, assigneeId: null) { id } }`, { id }, as),
  ];

  it('a party (by session or by its API token) sees the synergy without the tools, and is refused them as FORBIDDEN', async () => {
    for (const as of [party, partyToken]) {
      const seen = await t.gql(read, { id: synergyId }, as);
      expect(seen.data!.synergy).toEqual({ id: synergyId, viewerCanFacilitate: false, notes: null, responses: null, assignee: null, assignableFacilitators: null });
      for (const m of mutations(synergyId)) expectRefused(await m(as), ['FORBIDDEN']);
    }
  });

  it('another company’s member, a stranger and the facilitator of another territory: the synergy does not exist for them', async () => {
    const ghost = Buffer.from(`Synergy:${randomUUID()}`).toString('base64url');
    for (const as of [otherMember, stranger, outsider]) {
      expect((await t.gql(read, { id: synergyId }, as)).data!.synergy).toBeNull();
      const real = await Promise.all(mutations(synergyId).map((m) => m(as)));
      const none = await Promise.all(mutations(ghost).map((m) => m(as)));
      for (const res of real) expectRefused(res, ['NOT_FOUND']);
      expect(real.map((r) => r.errors?.map((e) => [e.message, e.extensions?.code]))).toEqual(none.map((r) => r.errors?.map((e) => [e.message, e.extensions?.code])));
      const mine = await t.gql(`{ synergies(first: 100, filter: {assignedToMe: true}) { totalCount } }`, {}, as);
      expect(mine.data!.synergies.totalCount).toBe(0);
    }
  });

  it('a revoked facilitator token is refused before anything is read', async () => {
    expectRefused(await t.gql(read, { id: synergyId }, revoked), ['UNAUTHENTICATED']);
    for (const m of mutations(synergyId)) expectRefused(await m(revoked), ['UNAUTHENTICATED']);
  });

  it('the facilitator of another territory cannot be assigned; nothing changes', async () => {
    const res = await t.gql(`mutation($id: ID!, $a: ID) { assignSynergy(id: $id, assigneeId: $a) { id } }`, { id: synergyId, a: outsiderId }, facilitator);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const still = await t.gql(`query($id: ID!) { synergy(id: $id) { assignee { name } notes { text } } }`, { id: synergyId }, facilitator);
    expect(still.data!.synergy).toEqual({ assignee: { name: DEMO_ACCOUNTS.facilitator.name }, notes: [{ text: NOTE }] });
  });

  it('notes and assignments are not told live to a party, another member or another territory’s facilitator', async () => {
    const query = `subscription { synergyChanged { synergyId change synergy { id notes { text } assignee { name } } } }`;
    // Sentinels each listener may hear: a synergy of the Pays-Haut for its facilitator, one of each member's own.
    const [a, b] = await Promise.all(['Fonderie du Pays-Haut', 'Scierie du Pays-Haut'].map((name) =>
      t.gql(`mutation($t: ID!, $n: String!) { createOrganization(input: {territoryId: $t, name: $n, kind: COMPANY}) { id } }`, { t: paysHaut, n: name }, outsider)));
    const outsiderSynergy = (await t.gql(`mutation($input: RecordSynergyInput!) { recordSynergy(input: $input) { id } }`,
      { input: { territoryId: paysHaut, kind: 'SUBSTITUTION', organizationIds: [a.data!.createOrganization.id, b.data!.createOrganization.id], status: 'SUGGESTED' } }, outsider)).data!.recordSynergy.id;
    const orgOf = async (as: As) => (await t.gql(`{ viewer { memberships { organization { id } } } }`, {}, as)).data!.viewer.memberships[0].organization.id;
    const memberSynergy = (await t.gql(`mutation($input: RecordSynergyInput!) { recordSynergy(input: $input) { id } }`,
      { input: { territoryId: fensch, kind: 'MUTUALISATION', organizationIds: [await orgOf(otherMember), await orgOf(party)], status: 'SUGGESTED' } }, facilitator)).data!.recordSynergy.id;
    // Each listener's sentinel is an event it does hear, of another synergy; events of one subscription arrive in the
    // order they were published, so once the sentinel is back, anything about the synergy would have arrived.
    const listeners = [
      { as: outsider, sentinelId: outsiderSynergy, sentinel: () => t.gql(`mutation($id: ID!) { addSynergyNote(id: $id, text: "repère") { id } }`, { id: outsiderSynergy }, outsider) },
      { as: otherMember, sentinelId: memberSynergy, sentinel: () => t.gql(`mutation($id: ID!) { putPartiesInTouch(id: $id) { id } }`, { id: memberSynergy }, facilitator) },
      { as: partyToken, sentinelId: memberSynergy, sentinel: () => t.gql(`mutation($id: ID!) { putPartiesInTouch(id: $id) { id } }`, { id: memberSynergy }, facilitator) },
    ];
    for (const { as, sentinelId, sentinel } of listeners) {
      const client = t.wsClient(as);
      const events = collect<any>(client, query, {});
      const isSentinel = (e: any) => e.data?.synergyChanged?.synergyId === sentinelId;
      await events.live(sentinel, isSentinel);
      await t.gql(`mutation($id: ID!, $text: String!) { addSynergyNote(id: $id, text: $text) { id } }`, { id: synergyId, text: `${NOTE} (bis)` }, facilitator);
      await t.gql(`mutation($id: ID!, $a: ID) { assignSynergy(id: $id, assigneeId: $a) { id } }`, { id: synergyId, a: facilitatorId }, facilitator);
      const seen = events.all.length;
      await sentinel();
      const until = Date.now() + 10_000;
      while (!events.all.slice(seen).some(isSentinel) && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      expect(events.all.slice(seen).some(isSentinel), 'the sentinel came back').toBe(true);
      expect(events.all.filter((e: any) => e.data?.synergyChanged?.synergyId === synergyId)).toEqual([]);
      expect(JSON.stringify(events.all)).not.toContain(NOTE);
      await client.dispose();
    }
  });
});
