import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { TestApp, type As } from '../harness.js';

/**
 * docs/THREAT_MODEL.md #59. A mutualisation pool that gains or loses a member keeps its identity (its id, its
 * page, the links to it) as long as nobody has answered on it; a pool that was answered on keeps its answers for
 * the membership they were given for. A member who joins a pool whose other members had consented to each other
 * must not learn their identities through it, nor may the consents move to the new membership.
 */
describe('a pool that gains or loses a member', () => {
  let t: TestApp;
  let facilitator: As;
  let steel: As;
  let joinery: As;
  let authority: As;
  const names: Record<string, string> = {};
  const sites: Record<string, string> = {};
  const flows: Record<string, string> = {};
  let poolId: string;

  let watch: Awaited<ReturnType<TestApp['detectionWatch']>>;
  const settle = () => watch.settle();

  const POOL = `query($id: ID!) { synergy(id: $id, language: EN) { id kind status identitiesRevealed
    participants { isYours consent organization { id name } flow { id label } } } }`;
  const poolOf = async (id: string, as: As) => (await t.gql(POOL, { id }, as)).data?.synergy;
  let steelOrgId: string;
  /** The current pools holding `flowId` (all of them have the steelworks in), as the facilitator sees them. */
  const poolsWith = async (flowId: string) => {
    const list = await t.gql(
      `query($o: ID!) { synergies(first: 100, filter: {kinds: [MUTUALISATION], organizationId: $o}) { nodes { id status participants { flow { id } } } } }`,
      { o: steelOrgId },
      facilitator,
    );
    expect(list.errors).toBeUndefined();
    return list.data!.synergies.nodes.filter((n: any) => n.participants.some((p: any) => p.flow?.id === flowId));
  };
  const declareGuarding = async (who: string, as: As, label: string) => {
    const r = await t.gql(`mutation($input: DeclareFlowInput!) { declareFlow(input: $input) { id } }`, { input: {
      siteId: sites[who], direction: 'INPUT', category: 'SERVICE', label, needCode: 'security-guarding', quantity: 1500, unit: 'HOUR',
      period: 'YEAR', visibility: 'TERRITORY' } }, as);
    expect(r.errors).toBeUndefined();
    return r.data!.declareFlow.id as string;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    [facilitator, steel, joinery, authority] = await Promise.all(
      [DEMO_ACCOUNTS.facilitator, DEMO_ACCOUNTS.steelMember, DEMO_ACCOUNTS.joineryMember, DEMO_ACCOUNTS.authorityMember].map((a) => t.logIn(a.email)),
    );
    const fensch = (await t.gql(`{ territories { id name } }`)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    const orgs: Record<string, any> = {};
    for (const [who, as] of [['steel', steel], ['joinery', joinery], ['authority', authority]] as const) {
      orgs[who] = (await t.gql(`{ viewer { memberships { organization { id name sites { latitude longitude } } } } }`, {}, as)).data!.viewer.memberships[0].organization;
      names[who] = orgs[who].name;
    }
    steelOrgId = orgs.steel.id;
    // Three new sites side by side, 15 km north of the steelworks: the guarding pool there is ours alone (reach 5 km).
    const base = orgs.steel.sites[0];
    for (const [k, who, as] of [[0, 'steel', steel], [1, 'joinery', joinery], [2, 'authority', authority]] as const) {
      const site = await t.gql(
        `mutation($o: ID!, $lat: Float!, $lon: Float!) { addSite(organizationId: $o, input: {name: "Zone Nord ${k}", city: "Thionville", latitude: $lat, longitude: $lon}) { id } }`,
        { o: orgs[who].id, lat: base.latitude + 0.135 + 0.002 * k, lon: base.longitude + 0.001 * k },
        as,
      );
      expect(site.errors).toBeUndefined();
      sites[who] = site.data!.addSite.id;
    }
    const others = await t.gql(`query($t: ID!) { flows(first: 50, filter: {territoryId: $t}) { nodes { id organization { id } } } }`, { t: fensch }, facilitator);
    const bystander = others.data!.flows.nodes.find((f: any) => f.organization && !Object.values(orgs).some((o) => o.id === f.organization.id));
    watch = await t.detectionWatch(bystander.id, facilitator, fensch);

    flows.steel = await declareGuarding('steel', steel, 'Gardiennage de nuit ZN');
    flows.joinery = await declareGuarding('joinery', joinery, 'Rondes de surveillance ZN');
    await settle();
    const found = await poolsWith(flows.steel);
    expect(found).toHaveLength(1);
    poolId = found[0].id;
    expect(found[0].participants.map((p: any) => p.flow.id).sort()).toEqual([flows.steel, flows.joinery].sort());
  });
  afterAll(async () => {
    await watch?.dispose();
    await t?.stop();
  });

  it('gaining a member, it keeps its id, with the new member added', async () => {
    flows.authority = await declareGuarding('authority', authority, 'Télésurveillance ZN');
    await settle();
    const found = await poolsWith(flows.steel);
    expect(found.map((n: any) => n.id)).toEqual([poolId]);
    expect(found[0].participants.map((p: any) => p.flow.id).sort()).toEqual([flows.steel, flows.joinery, flows.authority].sort());
    // The new member sees the pool, its own side only, the others anonymous.
    const seen = await poolOf(poolId, authority);
    expect(seen.status).toBe('SUGGESTED');
    expect(seen.participants.filter((p: any) => !p.isYours).every((p: any) => p.organization === null)).toBe(true);
  });

  it('losing a member, it keeps its id, and the member that left no longer sees it', async () => {
    const archived = await t.gql(`mutation($id: ID!) { archiveFlow(id: $id) { id } }`, { id: flows.authority }, authority);
    expect(archived.errors).toBeUndefined();
    await settle();
    const found = await poolsWith(flows.steel);
    expect(found.map((n: any) => n.id)).toEqual([poolId]);
    expect(found[0].participants.map((p: any) => p.flow.id).sort()).toEqual([flows.steel, flows.joinery].sort());
    expect(await poolOf(poolId, authority)).toBeNull();
  });

  it('consents given on a membership stay with it: a new member learns no identity and the others consent again', async () => {
    expect((await t.gql(`mutation($id: ID!) { requestContact(id: $id) { status } }`, { id: poolId }, steel)).data!.requestContact.status).toBe('CONTACT_REQUESTED');
    const yes = await t.gql(`mutation($id: ID!) { respondToContact(id: $id, accept: true) { status identitiesRevealed } }`, { id: poolId }, joinery);
    expect(yes.data!.respondToContact).toEqual({ status: 'ACCEPTED', identitiesRevealed: true });

    const joined = await declareGuarding('authority', authority, 'Poste de garde ZN');
    await settle();
    // The accepted pool stays as it was answered (stale: its membership no longer holds); the new membership is a new pool.
    const old = await poolOf(poolId, facilitator);
    expect(old.status).toBe('STALE');
    expect(old.participants.map((p: any) => p.flow.id).sort()).toEqual([flows.steel, flows.joinery].sort());
    const current = (await poolsWith(joined)).filter((n: any) => n.id !== poolId);
    expect(current).toHaveLength(1);
    const fresh = current[0];
    expect(fresh.status).toBe('SUGGESTED');

    // The newcomer: not a party of the answered pool, anonymous counterparts in the new one, no name anywhere.
    expect(await poolOf(poolId, authority)).toBeNull();
    const seen = await poolOf(fresh.id, authority);
    expect(seen.identitiesRevealed).toBe(false);
    expect(seen.participants.filter((p: any) => !p.isYours).every((p: any) => p.organization === null)).toBe(true);
    const listed = JSON.stringify((await t.gql(`{ synergies(first: 100) { nodes { id participants { organization { name } } } } }`, {}, authority)).data);
    for (const name of [names.steel, names.joinery]) expect(listed).not.toContain(name);
    // The consenting members themselves: nothing answered on the new pool, each other anonymous there.
    for (const as of [steel, joinery]) {
      const theirs = await poolOf(fresh.id, as);
      expect(theirs.identitiesRevealed).toBe(false);
      expect(theirs.participants.every((p: any) => p.consent === 'PENDING')).toBe(true);
      expect(theirs.participants.filter((p: any) => !p.isYours).every((p: any) => p.organization === null)).toBe(true);
    }
  });
});
