import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { TestApp, type As } from '../harness.js';

/**
 * docs/THREAT_MODEL.md #26, for members: someone who asks to join an existing organisation sees what a visitor sees
 * until the organisation's admin or a facilitator of its territory approves; nobody else can approve, or even see
 * the request.
 */
describe('joining an organisation is approved by its admin or a facilitator', () => {
  let t: TestApp;
  let facilitator: As;
  let joineryAdmin: As;
  let steelAdmin: As;
  let joinery: string;
  let fensch: string;

  const signUp = async (email: string) => {
    await t.gql(`mutation($e: String!) { signUp(input: {email: $e, password: "nouveau-secret-1", name: "Nouveau"}) { viewer { id } } }`, { e: email });
    return t.logIn(email, 'nouveau-secret-1');
  };
  const territoryFlows = async (as: As) =>
    (await t.gql(`query($t: ID!) { flows(first: 100, filter: {territoryId: $t}) { totalCount nodes { id } } }`, { t: fensch }, as)).data;
  const request = `mutation($o: ID!) { requestMembership(organizationId: $o) { id approval role organization { id } } }`;
  const review = (verb: 'approve' | 'reject') => `mutation($id: ID!) { ${verb}Membership(id: $id) { id approval userEmail } }`;

  beforeAll(async () => {
    t = await TestApp.start();
    [facilitator, joineryAdmin, steelAdmin] = await Promise.all(
      [DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.joineryMember, DEMO_ACCOUNTS.steelMember].map((a) => t.logIn(a.email)),
    );
    const me = await t.gql(`{ territories { id name } viewer { memberships { role organization { id } } } }`, {}, joineryAdmin);
    fensch = me.data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    expect(me.data!.viewer.memberships[0].role, 'the demo members administer their organisation').toBe('ADMIN');
    joinery = me.data!.viewer.memberships[0].organization.id;
  });
  afterAll(async () => t?.stop());

  it('a request waits, seen and decided by the admin and the facilitators only', async () => {
    const newcomer = await signUp('nouveau@menuiserie.example');
    const asked = await t.gql(request, { o: joinery }, newcomer);
    expect(asked.data!.requestMembership).toMatchObject({ approval: 'PENDING', role: 'MEMBER', organization: { id: joinery } });
    const id = asked.data!.requestMembership.id;
    expect((await t.gql(request, { o: joinery }, newcomer)).errors?.[0].extensions?.code).toBe('CONFLICT');

    // Waiting: a visitor's view.
    expect((await t.gql(`{ viewer { memberships { role } } }`, {}, newcomer)).data!.viewer.memberships).toEqual([]);
    expect(await territoryFlows(newcomer)).toEqual(await territoryFlows(undefined));

    const listed = async (as: As) => (await t.gql(`{ pendingMemberships { id userEmail } }`, {}, as)).data!.pendingMemberships;
    expect(await listed(joineryAdmin)).toEqual([{ id, userEmail: 'nouveau@menuiserie.example' }]);
    expect(await listed(facilitator)).toEqual([{ id, userEmail: 'nouveau@menuiserie.example' }]);
    expect(await listed(steelAdmin)).toEqual([]);
    expect((await t.gql(review('approve'), { id }, steelAdmin)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(review('approve'), { id }, newcomer)).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const approved = await t.gql(review('approve'), { id }, joineryAdmin);
    expect(approved.data!.approveMembership).toMatchObject({ id, approval: 'APPROVED' });
    expect((await t.gql(`{ viewer { memberships { role organization { id } } } }`, {}, newcomer)).data!.viewer.memberships).toEqual([
      { role: 'MEMBER', organization: { id: joinery } },
    ]);
    expect((await territoryFlows(newcomer))!.flows.totalCount).toBeGreaterThan((await territoryFlows(undefined))!.flows.totalCount);

    // A plain member reviews nobody; a facilitator may refuse, and the refused user stays a visitor.
    const other = await signUp('autre@menuiserie.example');
    const second = (await t.gql(request, { o: joinery }, other)).data!.requestMembership.id;
    expect((await t.gql(review('approve'), { id: second }, newcomer)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(review('reject'), { id: second }, facilitator)).data!.rejectMembership.approval).toBe('REJECTED');
    expect(await territoryFlows(other)).toEqual(await territoryFlows(undefined));
    expect(await listed(joineryAdmin)).toEqual([]);
  });
});
