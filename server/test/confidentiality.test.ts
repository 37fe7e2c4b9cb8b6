import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { collect, TestApp, type As } from './harness.js';

/**
 * docs/THREAT_MODEL.md (rows 1–5), proved through the public API: a company member learns nothing of another company's PRIVATE
 * flows and never who declared, nor where, its TERRITORY flows — through any field, list, count, filter, node
 * lookup or subscription event. The flow fields are read from the schema, so a field added later is checked too.
 */
describe('confidentiality of flows between companies', () => {
  let t: TestApp;
  let facilitator: As;
  let steel: As;
  let flowFields: string;
  let joinery: { id: string; name: string; siren: string | null; sites: any[]; flows: any[] };
  let fenschId: string;

  const identityStrings = () => [
    joinery.id,
    joinery.name,
    ...(joinery.siren ? [joinery.siren] : []),
    ...joinery.sites.flatMap((s) => [s.id, s.name, s.address, s.siret].filter(Boolean)),
  ];

  beforeAll(async () => {
    t = await TestApp.start();
    facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    steel = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
    const intro = await t.gql(`{ __type(name: "ResourceFlow") { fields { name type { kind ofType { kind ofType { kind } } } } } }`);
    // Every field without arguments that is a scalar or enum (or list of them) is requested as is.
    const scalar = (ty: any): boolean => ty && (ty.kind === 'SCALAR' || ty.kind === 'ENUM' || ((ty.kind === 'NON_NULL' || ty.kind === 'LIST') && scalar(ty.ofType)));
    flowFields = intro.data!.__type.fields.filter((f: any) => scalar(f.type)).map((f: any) => f.name).join(' ');
    flowFields += ' organization { id name siren } site { id name city address latitude longitude siret } territory { id }';
    const res = await t.gql(
      `{ territories { id name } organizations(first: 5, filter: {search: "Menuiserie de Knutange"}) { nodes { id name siren
          sites { id name address siret } flows(first: 100) { totalCount nodes { ${flowFields} } } } } }`,
      {},
      facilitator,
    );
    expect(res.errors).toBeUndefined();
    fenschId = res.data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    const org = res.data!.organizations.nodes[0];
    joinery = { id: org.id, name: org.name, siren: org.siren, sites: org.sites, flows: org.flows.nodes };
    for (const v of ['PRIVATE', 'TERRITORY', 'PUBLIC']) expect(joinery.flows.filter((f) => f.visibility === v).length).toBeGreaterThanOrEqual(3);
  });
  afterAll(async () => t?.stop());

  const byVisibility = (v: string) => joinery.flows.filter((f) => f.visibility === v);

  async function everyFlowSeenBy(as: As, filter: Record<string, unknown> = {}) {
    const all: any[] = [];
    let after: string | null = null;
    let total = -1;
    for (;;) {
      const res: any = await t.gql(
        `query($after: String, $filter: FlowFilterInput) { flows(first: 100, after: $after, filter: $filter) {
           totalCount pageInfo { hasNextPage endCursor } nodes { ${flowFields} } } }`,
        { after, filter },
        as,
      );
      expect(res.errors).toBeUndefined();
      total = res.data.flows.totalCount;
      all.push(...res.data.flows.nodes);
      if (!res.data.flows.pageInfo.hasNextPage) break;
      after = res.data.flows.pageInfo.endCursor;
    }
    return { all, total };
  }

  function expectAnonymous(flow: any) {
    expect(flow.disclosure).toBe('ANONYMOUS');
    expect(flow.organization).toBeNull();
    expect(flow.site).toBeNull();
    expect(flow.yearlyCostEur).toBeNull();
    const text = JSON.stringify(flow);
    for (const s of identityStrings()) expect(text).not.toContain(s);
  }

  it('lists: no PRIVATE flow of the joinery; its TERRITORY flows without who or where; counts agree', async () => {
    const { all, total } = await everyFlowSeenBy(steel);
    const ids = new Set(all.map((f) => f.id));
    for (const f of byVisibility('PRIVATE')) expect(ids.has(f.id)).toBe(false);
    for (const f of byVisibility('TERRITORY')) {
      expect(ids.has(f.id)).toBe(true);
      expectAnonymous(all.find((x) => x.id === f.id));
    }
    for (const f of byVisibility('PUBLIC')) {
      const seen = all.find((x) => x.id === f.id);
      expect(seen.organization.id).toBe(joinery.id);
      expect(seen.yearlyCostEur).toBeNull(); // costs stay with the organisation and its facilitators
    }
    expect(total).toBe(all.length);
    const facilitatorView = await everyFlowSeenBy(facilitator);
    const privateOfOthers = facilitatorView.all.filter(
      (f) => f.visibility === 'PRIVATE' && f.organization?.name !== 'Aciéries de la Fensch',
    );
    expect(total).toBe(facilitatorView.total - privateOfOthers.length);
  });

  it('node(id): a PRIVATE flow does not exist, a TERRITORY flow is anonymous', async () => {
    for (const f of byVisibility('PRIVATE')) {
      const res = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: f.id }, steel);
      expect(res.errors).toBeUndefined();
      expect(res.data!.node).toBeNull();
    }
    for (const f of byVisibility('TERRITORY')) {
      const res = await t.gql(`query($id: ID!) { node(id: $id) { ... on ResourceFlow { ${flowFields} } } }`, { id: f.id }, steel);
      expectAnonymous(res.data!.node);
    }
  });

  it('filters: by organisation or distance only match flows whose declarer may be known', async () => {
    const byOrg = await everyFlowSeenBy(steel, { organizationId: joinery.id });
    expect(byOrg.all.map((f) => f.visibility).sort()).toEqual(byVisibility('PUBLIC').map(() => 'PUBLIC'));
    expect(byOrg.total).toBe(byVisibility('PUBLIC').length);
    const site = joinery.sites[0];
    const facilitatorSite = await t.gql(`query($id: ID!) { node(id: $id) { ... on Site { latitude longitude } } }`, { id: site.id }, facilitator);
    const { latitude, longitude } = facilitatorSite.data!.node;
    const near = await everyFlowSeenBy(steel, { near: { latitude, longitude, radiusKm: 0.05 } });
    for (const f of near.all) expect(f.disclosure).toBe('FULL');
    const ids = new Set(near.all.map((f) => f.id));
    for (const f of [...byVisibility('PRIVATE'), ...byVisibility('TERRITORY')]) expect(ids.has(f.id)).toBe(false);
  });

  it('filters: text, EWC code and category never count a PRIVATE flow of another company', async () => {
    for (const f of byVisibility('PRIVATE')) {
      const filters: Record<string, unknown>[] = [{ text: f.label }, { category: f.category, direction: f.direction }];
      if (f.ewcCode) filters.push({ ewcCode: f.ewcCode });
      for (const filter of filters) {
        const { all, total } = await everyFlowSeenBy(steel, filter);
        expect(all.some((x) => x.id === f.id)).toBe(false);
        expect(total).toBe(all.length);
      }
    }
  });

  it("organisation pages list only the joinery's PUBLIC flows to another company", async () => {
    const res = await t.gql(
      `query($s: String) { organizations(first: 5, filter: {search: $s}) { nodes { id flows(first: 100) { totalCount nodes { id visibility } } } } }`,
      { s: joinery.name },
      steel,
    );
    const org = res.data!.organizations.nodes.find((o: any) => o.id === joinery.id);
    expect(org.flows.totalCount).toBe(byVisibility('PUBLIC').length);
    expect(org.flows.nodes.every((f: any) => f.visibility === 'PUBLIC')).toBe(true);
  });

  it('mutations: a PRIVATE flow of another company is "not found", a TERRITORY one "forbidden", and neither changes', async () => {
    const [priv] = byVisibility('PRIVATE');
    const [terr] = byVisibility('TERRITORY');
    const mutation = `mutation($id: ID!) { updateFlow(id: $id, input: {label: "pirate"}) { id } }`;
    expect((await t.gql(mutation, { id: priv.id }, steel)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(mutation, { id: terr.id }, steel)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(`mutation($id: ID!) { archiveFlow(id: $id) { id } }`, { id: priv.id }, steel)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const after = await t.gql(`query($id: ID!) { node(id: $id) { ... on ResourceFlow { label status } } }`, { id: priv.id }, facilitator);
    expect(after.data!.node).toEqual({ label: priv.label, status: 'ACTIVE' });
  });

  it('subscription: no event about a PRIVATE flow; TERRITORY events anonymous; narrowing sends HIDDEN', async () => {
    const own = await t.gql(`{ viewer { memberships { organization { flows(first: 1) { nodes { id } } } } } }`, {}, steel);
    const steelProbe = t.flowProbe(own.data!.viewer.memberships[0].organization.flows.nodes[0].id, steel);
    const client = t.wsClient(steel);
    const sub = collect<any>(
      client,
      `subscription($t: ID!) { flowChanged(territoryId: $t) { change flowId flow { ${flowFields} } } }`,
      { t: fenschId },
    );
    await sub.live(steelProbe);
    const [priv] = byVisibility('PRIVATE');
    const [terr] = byVisibility('TERRITORY');
    const upd = `mutation($id: ID!, $input: UpdateFlowInput!) { updateFlow(id: $id, input: $input) { id visibility } }`;
    expect((await t.gql(upd, { id: priv.id, input: { description: 'modifié en privé' } }, facilitator)).errors).toBeUndefined();
    expect((await t.gql(upd, { id: terr.id, input: { description: 'modifié' } }, facilitator)).errors).toBeUndefined();
    expect((await t.gql(upd, { id: terr.id, input: { visibility: 'PRIVATE' } }, facilitator)).errors).toBeUndefined();
    // Published after the three changes above: whatever of them reaches steel has reached it before this one.
    const events = await sub.before(steelProbe);
    expect(events.map((e) => e.data.flowChanged.change)).toEqual(['UPDATED', 'HIDDEN']);
    expect(events.every((e) => e.data.flowChanged.flowId !== priv.id)).toBe(true);
    expectAnonymous(events[0].data.flowChanged.flow);
    expect(events[1].data.flowChanged.flow).toBeNull();
    await client.dispose();
    await t.gql(upd, { id: terr.id, input: { visibility: 'TERRITORY' } }, facilitator);
  });

  it("the joinery's own member sees its PRIVATE flows and costs in full", async () => {
    const own = await t.logIn(DEMO_ACCOUNTS.joineryMember.email);
    const { all } = await everyFlowSeenBy(own, { organizationId: joinery.id });
    expect(all.length).toBe(joinery.flows.length);
    expect(all.some((f) => f.yearlyCostEur !== null)).toBe(true);
  });

  it('visitors who are not signed in see PUBLIC flows only', async () => {
    const { all } = await everyFlowSeenBy(undefined);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((f) => f.visibility === 'PUBLIC' && f.yearlyCostEur === null)).toBe(true);
  });
});
