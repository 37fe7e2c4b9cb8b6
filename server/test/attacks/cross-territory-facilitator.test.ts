import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { TestApp, type As } from '../harness.js';
import { otherTerritoryFacilitator } from './sockets.js';

/**
 * docs/THREAT_MODEL.md #28. The attack of issue 8: the facilitator of another territory records a synergy naming
 * organisations and flows of Val de Fensch, and the answer names their owners. Now every mutation refuses what lies
 * outside the territories the caller facilitates, and its answer names nothing the caller could not see before.
 */
describe('a facilitator acts only inside the territories they facilitate', () => {
  let t: TestApp;
  let outsider: As;
  let paysHaut: string;
  let fensch: string;
  let ownOrg: string;
  let joinery: { id: string; name: string; flows: { id: string; label: string; visibility: string }[] };
  let steel: { id: string; name: string };

  beforeAll(async () => {
    t = await TestApp.start();
    const facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    ({ as: outsider, territoryId: paysHaut } = await otherTerritoryFacilitator(t));
    fensch = (await t.gql(`{ territories { id name } }`)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    const created = await t.gql(`mutation($t: ID!) { createOrganization(input: {territoryId: $t, name: "Aciérie du Pays-Haut", kind: COMPANY}) { id approval } }`, { t: paysHaut }, outsider);
    expect(created.data!.createOrganization.approval, 'a facilitator registering in their own territory needs no approval').toBe('APPROVED');
    ownOrg = created.data!.createOrganization.id;
    const orgs = await t.gql(
      `query($t: ID!) { a: organizations(first: 1, filter: {territoryId: $t, search: "Menuiserie de Knutange"}) { nodes { id name flows(first: 100) { nodes { id label visibility } } } }
         b: organizations(first: 1, filter: {territoryId: $t, search: "Acier"}) { nodes { id name } } }`,
      { t: fensch },
      facilitator,
    );
    joinery = { ...orgs.data!.a.nodes[0], flows: orgs.data!.a.nodes[0].flows.nodes };
    steel = orgs.data!.b.nodes[0];
  });
  afterAll(async () => t?.stop());

  const secrets = () => [joinery.name, steel.name, ...joinery.flows.filter((f) => f.visibility !== 'PUBLIC').flatMap((f) => [f.id, f.label])];
  const expectRefused = (res: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }, code: string) => {
    expect(res.errors?.[0].extensions?.code, JSON.stringify(res)).toBe(code);
    const text = JSON.stringify(res);
    for (const secret of secrets()) expect(text).not.toContain(secret);
  };

  it('recordSynergy: organisations and flows of another territory do not exist for them', async () => {
    const rec = `mutation($input: RecordSynergyInput!) { recordSynergy(input: $input) { id participants { organization { id name } flow { id label } } } }`;
    const privateFlow = joinery.flows.find((f) => f.visibility === 'PRIVATE')!;
    const tries = [
      { territoryId: paysHaut, kind: 'SUBSTITUTION', organizationIds: [ownOrg, joinery.id] },
      { territoryId: paysHaut, kind: 'SUBSTITUTION', organizationIds: [steel.id, joinery.id], flowIds: [privateFlow.id] },
      { territoryId: paysHaut, kind: 'SUBSTITUTION', organizationIds: [ownOrg, steel.id], status: 'SUGGESTED' },
    ];
    for (const input of tries) expectRefused(await t.gql(rec, { input }, outsider), 'NOT_FOUND');
    // Naming a PRIVATE flow of theirs answers as naming one that never existed.
    const ghost = await t.gql(rec, { input: { territoryId: paysHaut, kind: 'SUBSTITUTION', organizationIds: [ownOrg, joinery.id], flowIds: [Buffer.from(`ResourceFlow:${randomUUID()}`).toString('base64url')] } }, outsider);
    const real = await t.gql(rec, { input: { territoryId: paysHaut, kind: 'SUBSTITUTION', organizationIds: [ownOrg, joinery.id], flowIds: [privateFlow.id] } }, outsider);
    expect(real.errors?.map((e) => [e.message, e.extensions?.code])).toEqual(ghost.errors?.map((e) => [e.message, e.extensions?.code]));
    // In the territory they do not facilitate, nothing at all.
    expectRefused(await t.gql(rec, { input: { territoryId: fensch, kind: 'SUBSTITUTION', organizationIds: [steel.id, joinery.id] } }, outsider), 'FORBIDDEN');
    const none = await t.gql(`{ synergies(first: 100) { totalCount } }`, {}, outsider);
    expect(none.data!.synergies.totalCount).toBe(0);
  });

  it('flows, organisations, detection, import and approvals of another territory: refused, naming nothing', async () => {
    const privateFlow = joinery.flows.find((f) => f.visibility === 'PRIVATE')!;
    expectRefused(await t.gql(`mutation($id: ID!) { updateFlow(id: $id, input: {quantity: 1}) { id } }`, { id: privateFlow.id }, outsider), 'NOT_FOUND');
    expectRefused(await t.gql(`mutation($id: ID!) { archiveFlow(id: $id) { id } }`, { id: privateFlow.id }, outsider), 'NOT_FOUND');
    // The directory is open to every signed-in user: refusing to edit one of its entries tells nothing new.
    expectRefused(await t.gql(`mutation($id: ID!) { updateOrganization(id: $id, input: {description: "x"}) { id } }`, { id: joinery.id }, outsider), 'FORBIDDEN');
    expectRefused(await t.gql(`mutation($id: ID!) { addSite(organizationId: $id, input: {name: "x", city: "x", latitude: 49.3, longitude: 6.1}) { id } }`, { id: joinery.id }, outsider), 'FORBIDDEN');
    expectRefused(await t.gql(`mutation($t: ID!) { detectSynergies(territoryId: $t) { detected } }`, { t: fensch }, outsider), 'FORBIDDEN');
    expectRefused(await t.gql(`mutation($id: ID!) { approveOrganization(id: $id) { id } }`, { id: joinery.id }, outsider), 'NOT_FOUND');
    const pending = await t.gql(`{ pendingOrganizations { id } pendingMemberships { id } }`, {}, outsider);
    expect(pending.data).toEqual({ pendingOrganizations: [], pendingMemberships: [] });
    const impact = await t.gql(`query($t: ID!) { territoryImpact(territoryId: $t) { suggested { synergyCount } } }`, { t: fensch }, outsider);
    expectRefused(impact, 'FORBIDDEN');
    // The expected totals (× the stage's probability) are refused the same way: no partial answer.
    const expected = await t.gql(`query($t: ID!) { territoryImpact(territoryId: $t) { suggested { expectedTotals { indicator central } } inProgress { expectedTotals { indicator central } } } }`, { t: fensch }, outsider);
    expectRefused(expected, 'FORBIDDEN');
    expect(expected.data?.territoryImpact ?? null).toBeNull();
  });
});
