import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { COUNTERFACTUAL_FIELDS } from '../../src/synergy/engine/engine.types.js';
import { TestApp, type As } from '../harness.js';

/**
 * docs/THREAT_MODEL.md (declared counterfactuals). A heat taker declares how its need is met today — here the
 * agglomeration's heating network declares its published CO2 content. That is diagnostic data, confidential like a
 * cost: the organisation and its facilitators read it, and the figures built on it. The other party of the synergy
 * (the steelworks' member) and a stranger who signs up read neither the fields nor a figure that moves with them:
 * the synergy's impacts and the territory's totals they read are the same before and after the declaration.
 */
describe('declared counterfactuals stay with the organisation and its facilitators', () => {
  let t: TestApp;
  let facilitator: As;
  let steel: As;
  let authority: As;
  let stranger: As;
  let fensch: string;
  let synergyId: string;
  let needId: string;

  /** Every declared counterfactual a flow has (the one list: a counterfactual added later is read here too). */
  const supplyFields = COUNTERFACTUAL_FIELDS.join(' ');
  const impacts = async (as: As) => {
    const res = await t.gql(`query($id: ID!) { node(id: $id) { ... on Synergy { impacts { indicator low central high formula factors { id } } } } }`, { id: synergyId }, as);
    return res.data?.node?.impacts ?? null;
  };
  const co2 = async (as: As) => ((await impacts(as)) ?? []).find((f: any) => f.indicator === 'CO2E_AVOIDED_T');
  const totals = async (as: As) => (await t.gql(`query($t: ID!) { territoryImpact(territoryId: $t) { suggested { totals { indicator low central high } expectedTotals { indicator low central high } grossTotals { indicator low central high } } } }`, { t: fensch }, as)).data?.territoryImpact ?? null;
  const needSeenBy = async (as: As) => (await t.gql(`query($id: ID!) { node(id: $id) { ... on ResourceFlow { id ${supplyFields} } } }`, { id: needId }, as)).data?.node ?? null;

  beforeAll(async () => {
    t = await TestApp.start();
    [facilitator, steel, authority] = await Promise.all([DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.authorityMember].map((a) => t.logIn(a.email)));
    fensch = (await t.gql(`{ territories { id name } }`, {}, facilitator)).data!.territories.find((x: { name: string }) => x.name === 'Val de Fensch').id;
    const steelOrg = (await t.gql(`{ viewer { memberships { organization { id } } } }`, {}, steel)).data!.viewer.memberships[0].organization.id;
    const all = await t.gql(
      `query($o: ID!) { synergies(first: 100, filter: {kinds: [SUBSTITUTION], organizationId: $o}) { nodes { id pathway { id } participants { role organization { name } flow { id } } } } }`,
      { o: steelOrg },
      facilitator,
    );
    expect(all.errors).toBeUndefined();
    const heat = all.data!.synergies.nodes.find(
      (s: any) =>
        s.pathway?.id === 'heat-flue-gas-district-heating' &&
        s.participants.some((p: any) => p.role === 'OUTPUT' && p.organization.name === 'Aciéries de la Fensch') &&
        s.participants.some((p: any) => p.role === 'INPUT' && p.organization.name.startsWith("Communauté d'Agglomération")),
    );
    expect(heat, 'the demo has the steelworks’ flue-gas heat suggested to the agglomeration’s heating network').toBeDefined();
    synergyId = heat.id;
    needId = heat.participants.find((p: any) => p.role === 'INPUT').flow.id;
    await t.gql(`mutation { signUp(input: {email: "curieux@chaleur.example", password: "curieux-secret-1", name: "Curieux"}) { viewer { id } } }`);
    stranger = await t.logIn('curieux@chaleur.example', 'curieux-secret-1');
  });
  afterAll(async () => t?.stop());

  it('the network declares its CO2 content: its figures follow it, no one else reads or infers it', async () => {
    const before = { steel: await impacts(steel), steelTotals: await totals(steel), stranger: await impacts(stranger), facilitatorCo2: await co2(facilitator) };
    expect(before.steel, 'the steelworks, a party, reads the synergy’s impacts').not.toBeNull();
    expect(before.facilitatorCo2.formula).toContain('not declared');

    const declared = await t.gql(
      `mutation($id: ID!, $i: UpdateFlowInput!) { updateFlow(id: $id, input: $i) { ${supplyFields} } }`,
      { id: needId, i: { heatSupply: 'HEATING_NETWORK', heatNetworkName: 'Réseau de Hayange', heatNetworkCo2GPerKwh: 61 } },
      authority,
    );
    expect(declared.errors).toBeUndefined();
    expect(declared.data!.updateFlow).toMatchObject({ heatSupply: 'HEATING_NETWORK', heatNetworkCo2GPerKwh: 61 });

    // Poll for the re-detection: the facilitator's figure follows the declaration.
    let after = await co2(facilitator);
    for (let k = 0; k < 200 && !after.formula.includes('Réseau de Hayange'); k++) {
      await t.app.synergiesSettled();
      after = await co2(facilitator);
    }
    expect(after.formula).toContain('61 g CO2e/kWh');
    expect(after.central).toBeLessThan(before.facilitatorCo2.central);
    expect(after.factors.map((f: any) => f.id)).toContain('declared-heating-network-co2');
    // The network's member reads its declared figure too, rounded until consent (one significant digit).
    expect((await co2(authority)).central).toBe(Number(after.central.toPrecision(1)));

    // Its own organisation and the facilitator read the fields; the other party and the stranger do not.
    expect(await needSeenBy(authority)).toMatchObject({ heatSupply: 'HEATING_NETWORK', heatNetworkName: 'Réseau de Hayange', heatNetworkCo2GPerKwh: 61 });
    expect(await needSeenBy(facilitator)).toMatchObject({ heatNetworkCo2GPerKwh: 61 });
    for (const reader of [steel, stranger]) {
      const seen = await needSeenBy(reader);
      if (seen) expect(COUNTERFACTUAL_FIELDS.map((f) => seen[f])).toEqual(COUNTERFACTUAL_FIELDS.map(() => null));
    }

    // Nor from a number: what they read of the synergy and of the territory did not move.
    expect(await impacts(steel)).toEqual(before.steel);
    expect(JSON.stringify(await impacts(steel))).not.toContain('Hayange');
    expect(await totals(steel)).toEqual(before.steelTotals);
    expect(await impacts(stranger)).toEqual(before.stranger);
  });

  it('refuses a network without its CO2 content, and supply fields on an output', async () => {
    const res = await t.gql(`mutation($id: ID!, $i: UpdateFlowInput!) { updateFlow(id: $id, input: $i) { id } }`, { id: needId, i: { heatSupply: 'HEATING_NETWORK', heatNetworkCo2GPerKwh: null } }, authority);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await needSeenBy(authority)).toMatchObject({ heatNetworkCo2GPerKwh: 61 });
  });
});
