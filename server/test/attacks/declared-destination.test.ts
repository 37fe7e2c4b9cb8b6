import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { fromGlobalId } from '../../src/graphql/global-id.js';
import { territoryImpact } from '../../src/synergy/view/territory-impact.js';
import { TestApp, type As } from '../harness.js';
import { otherTerritoryFacilitator } from './sockets.js';

/**
 * docs/THREAT_MODEL.md #62. Where an output goes today (`currentDestination`: burnt with energy recovery, landfilled,
 * incinerated, recycled) is declared by its organisation about its own operations, during the diagnostic: a
 * declared counterfactual like its heat supply or the share of a source already used (#49). It sets the synergy's
 * baseline — the share diverted, the disposal factor, and process terms such as the heat a burnt stream no longer
 * gives (`ef-wood-heat-lost`), present only when the stream is burnt today — so every figure built on it would tell
 * a reader what the organisation does with its stream.
 *
 * The joinery declares its solid-wood offcuts (a pair with the recyclerie), its cardboard (a pool with the
 * steelworks) and its plastic film (a PUBLIC flow, in a pool) one way, then another. The pair's other party, a pool
 * member, a stranger who just signed up and the facilitator of another territory read the flows, the synergies
 * (figures, ranges, factor lists, formulas, explanation and its sentences, score) and the territory's totals in both
 * states: they must read the same. The joinery's member and the territory's facilitator read the declared variant.
 */
describe('an output’s declared destination stays with its organisation and its facilitators', () => {
  let t: TestApp;
  let facilitator: As;
  let joinery: As;
  let steel: As;
  let recyclerie: As;
  let stranger: As;
  let outsider: As;
  let fensch: string;
  let outsiderTerritory: string;
  const flows = { offcuts: '', cardboard: '', film: '' };
  const synergies = { offcutsPair: '', cardboardPool: '', filmPool: '' };

  const item = 'code params sentence';
  const synergyFields = `id kind score
    impacts { indicator low central high unit formula basis factors { id kind value unit sourceId } }
    explanation { unit matchedQuantity distanceKm transportTonneKm inputCoverage outputCoverage sentences
      reasons { ${item} } conditionsMet { ${item} } conditionsToCheck { ${item} }
      score { availability compatibility distance hazard quality quantity } }`;
  const totals = 'synergyCount totals { indicator low central high } expectedTotals { indicator low central high } grossTotals { indicator low central high }';

  /** Everything a reader can read that a destination could move. */
  const view = async (as: As) => {
    const read: Record<string, unknown> = {};
    for (const [name, id] of Object.entries(synergies)) {
      const res = await t.gql(`query($id: ID!) { synergy(id: $id) { ${synergyFields} } }`, { id }, as);
      read[name] = res.data?.synergy ?? res.errors?.map((e) => e.extensions?.code);
    }
    for (const [name, id] of Object.entries(flows)) {
      const res = await t.gql(`query($id: ID!) { node(id: $id) { ... on ResourceFlow { id currentDestination } } }`, { id }, as);
      read[`flow:${name}`] = res.data?.node ?? null;
    }
    const list = await t.gql(`query($t: ID!) { synergies(first: 100, filter: {territoryId: $t}) { totalCount nodes { ${synergyFields} } } }`, { t: fensch }, as);
    read.list = list.data?.synergies ?? list.errors?.map((e) => e.extensions?.code);
    const impact = await t.gql(`query($t: ID!) { territoryImpact(territoryId: $t) { suggested { ${totals} } inProgress { ${totals} } operational { ${totals} } } }`, { t: fensch }, as);
    read.territory = impact.data?.territoryImpact ?? impact.errors?.map((e) => e.extensions?.code);
    return read;
  };

  /**
   * What a member's totals sum before they are rounded (withEuros false: not a facilitator): rounding to one digit
   * could hide a moved total in this small demo, so the sums themselves must not move.
   */
  const membersSums = async () => {
    const sums = await territoryImpact(t.app.orm.em.fork(), [fromGlobalId(fensch)!.id], false, () => 'EXACT');
    // To 9 digits: the rows come in the order the database keeps them, which a re-detection moves (the last bits).
    return JSON.parse(JSON.stringify(sums), (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(9)) : v));
  };

  const co2Factors = async (as: As, id: string) => {
    const res = await t.gql(`query($id: ID!) { synergy(id: $id) { impacts { indicator factors { id } } } }`, { id }, as);
    return ((res.data?.synergy?.impacts ?? []) as { indicator: string; factors: { id: string }[] }[]).find((f) => f.indicator === 'CO2E_AVOIDED_T')?.factors.map((f) => f.id) ?? [];
  };

  /** The joinery declares its three destinations; waits until the facilitator reads the offcuts' heat term follow. */
  const declare = async (d: { offcuts: string; cardboard: string; film: string }) => {
    for (const name of ['cardboard', 'film', 'offcuts'] as const) {
      const res = await t.gql(`mutation($id: ID!, $d: CurrentDestination) { updateFlow(id: $id, input: {currentDestination: $d}) { currentDestination } }`, { id: flows[name], d: d[name] }, joinery);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data!.updateFlow.currentDestination).toBe(d[name]);
    }
    const burnt = d.offcuts === 'ENERGY_RECOVERY';
    for (let k = 0; k < 200 && (await co2Factors(facilitator, synergies.offcutsPair)).includes('ef-wood-heat-lost') !== burnt; k++) await t.app.synergiesSettled();
    await t.app.synergiesSettled();
    expect((await co2Factors(facilitator, synergies.offcutsPair)).includes('ef-wood-heat-lost'), 'the facilitator reads the declared baseline').toBe(burnt);
  };

  const member = async (organization: string, email: string) => {
    await t.gql(`mutation($e: String!) { signUp(input: {email: $e, password: "curieux-secret-1", name: "Curieux"}) { viewer { id } } }`, { e: email });
    const as = await t.logIn(email, 'curieux-secret-1');
    const asked = await t.gql(`mutation($o: ID!) { requestMembership(organizationId: $o) { id } }`, { o: organization }, as);
    const approved = await t.gql(`mutation($id: ID!) { approveMembership(id: $id) { approval } }`, { id: asked.data!.requestMembership.id }, facilitator);
    expect(approved.data?.approveMembership.approval, JSON.stringify(approved.errors)).toBe('APPROVED');
    return as;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    [facilitator, joinery, steel] = await Promise.all([DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.joineryMember, DEMO_ACCOUNTS.steelMember].map((a) => t.logIn(a.email)));
    fensch = (await t.gql(`{ territories { id name } }`, {}, facilitator)).data!.territories.find((x: { name: string }) => x.name === 'Val de Fensch').id;
    const joineryOrg = (await t.gql(`{ viewer { memberships { organization { id } } } }`, {}, joinery)).data!.viewer.memberships[0].organization.id;
    const all = await t.gql(
      `query($o: ID!) { synergies(first: 100, filter: {organizationId: $o}) { nodes { id kind pathway { id } participants { role organization { id name } flow { id label } } } } }`,
      { o: joineryOrg },
      facilitator,
    );
    expect(all.errors).toBeUndefined();
    type Found = { id: string; pathway: { id: string } | null; participants: { role: string; organization: { id: string; name: string }; flow: { id: string; label: string } }[] };
    const nodes = all.data!.synergies.nodes as Found[];
    const ofJoinery = (s: Found, label: string) => s.participants.find((p) => p.organization.id === joineryOrg && p.flow.label === label);
    const pair = nodes.find((s) => s.pathway?.id === 'solid-wood-offcuts-reuse' && ofJoinery(s, 'Chutes de bois massif'));
    const cardboard = nodes.find((s) => s.pathway?.id === 'pool-cardboard-collection' && s.participants.some((p) => p.organization.name === 'Aciéries de la Fensch'));
    const film = nodes.find((s) => s.pathway?.id === 'pool-plastic-film-collection' && ofJoinery(s, "Films plastiques d'emballage"));
    expect([pair, cardboard, film].map(Boolean), 'the demo suggests the offcuts to the recyclerie, and two pools with the joinery').toEqual([true, true, true]);
    synergies.offcutsPair = pair!.id;
    synergies.cardboardPool = cardboard!.id;
    synergies.filmPool = film!.id;
    flows.offcuts = ofJoinery(pair!, 'Chutes de bois massif')!.flow.id;
    flows.cardboard = cardboard!.participants.find((p) => p.organization.id === joineryOrg)!.flow.id;
    flows.film = ofJoinery(film!, "Films plastiques d'emballage")!.flow.id;
    recyclerie = await member(pair!.participants.find((p) => p.role === 'INPUT')!.organization.id, 'curieux@recyclerie.example');
    await t.gql(`mutation { signUp(input: {email: "curieux@destination.example", password: "curieux-secret-1", name: "Curieux"}) { viewer { id } } }`);
    stranger = await t.logIn('curieux@destination.example', 'curieux-secret-1');
    ({ as: outsider, territoryId: outsiderTerritory } = await otherTerritoryFacilitator(t, 'animation@destination.example'));
  });
  afterAll(async () => t?.stop());

  it('burnt or landfilled today: the other party, a pool member, a stranger and another territory read the same', async () => {
    const readers = { recyclerie, steel, stranger, outsider };
    await declare({ offcuts: 'ENERGY_RECOVERY', cardboard: 'RECYCLING', film: 'INCINERATION' });
    const burnt: Record<string, Record<string, unknown>> = {};
    for (const [name, as] of Object.entries(readers)) burnt[name] = await view(as);
    const own = { joinery: await view(joinery), facilitator: await view(facilitator) };
    const sums = await membersSums();
    expect(await co2Factors(joinery, synergies.offcutsPair), 'the joinery reads its own declared baseline').toContain('ef-wood-heat-lost');

    await declare({ offcuts: 'LANDFILL', cardboard: 'INCINERATION', film: 'ENERGY_RECOVERY' });
    for (const [name, as] of Object.entries(readers)) expect(await view(as), `${name} tells the destinations apart`).toEqual(burnt[name]);
    expect(await membersSums(), 'the sums behind the members’ rounded totals').toEqual(sums);
    expect(JSON.stringify(burnt)).not.toMatch(/ENERGY_RECOVERY|INCINERATION|LANDFILL|RECYCLING|burnt today/);

    // They read something: the pair's other party and the pool member read the synergies they take part in.
    expect((burnt.recyclerie.offcutsPair as { impacts: unknown[] }).impacts.length).toBeGreaterThan(0);
    expect((burnt.steel.cardboardPool as { impacts: unknown[] }).impacts.length).toBeGreaterThan(0);
    // The declaring organisation and the facilitators read the declared variant: it moves.
    expect(await view(joinery)).not.toEqual(own.joinery);
    expect(await view(facilitator)).not.toEqual(own.facilitator);
    expect(await co2Factors(joinery, synergies.offcutsPair)).not.toContain('ef-wood-heat-lost');
    expect((await view(facilitator))['flow:offcuts']).toMatchObject({ currentDestination: 'LANDFILL' });
    expect(outsiderTerritory).toBeTruthy();
  });
});
