import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { collect, TestApp, type As } from './harness.js';

/** A company's life on the platform: register, add a site, declare, find, change and archive flows. */
describe('organisations, sites and flows', () => {
  let t: TestApp;
  let owner: As;
  let fensch: string;
  let orgId: string;
  let siteId: string;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.gql(`mutation { signUp(input: {email: "dir@fonderie-uckange.fr", password: "fonderie-secret-1", name: "Léa"}) { viewer { id } } }`);
    owner = await t.logIn('dir@fonderie-uckange.fr', 'fonderie-secret-1');
    fensch = (await t.gql(`{ territories { id name } }`, {}, owner)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
  });
  afterAll(async () => t?.stop());

  it('registers an organisation with a checked SIREN and NAF code, its creator as ADMIN', async () => {
    const res = await t.gql(
      `mutation($t: ID!) { createOrganization(input: {territoryId: $t, name: "Fonderie d'Uckange", kind: COMPANY, naceCode: "2451z", siren: "732 829 320"}) {
        id naceCode siren viewerCanEdit activitySector { code labelFr } territory { name } } }`,
      { t: fensch },
      owner,
    );
    expect(res.errors).toBeUndefined();
    const org = res.data!.createOrganization;
    // Joining is approved (DESIGN.md §6): until a facilitator of the territory approves, the creator edits nothing.
    expect(org).toMatchObject({ naceCode: '24.51Z', siren: '732829320', viewerCanEdit: false, territory: { name: 'Val de Fensch' } });
    expect(org.activitySector.labelFr).toMatch(/fonte/i);
    orgId = org.id;
    const waiting = await t.gql(`{ viewer { memberships { role organization { id } } } }`, {}, owner);
    expect(waiting.data!.viewer.memberships).toEqual([]);
    const facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    const approved = await t.gql(`mutation($o: ID!) { approveOrganization(id: $o) { approval } }`, { o: orgId }, facilitator);
    expect(approved.data?.approveOrganization, JSON.stringify(approved.errors)).toEqual({ approval: 'APPROVED' });
    const me = await t.gql(`{ viewer { memberships { role organization { id viewerCanEdit } } } }`, {}, owner);
    expect(me.data!.viewer.memberships).toEqual([{ role: 'ADMIN', organization: { id: orgId, viewerCanEdit: true } }]);
  });

  it('adds a located site whose SIRET extends the SIREN', async () => {
    const res = await t.gql(
      `mutation($o: ID!) { addSite(organizationId: $o, input: {name: "Fonderie", address: "1 rue de la Fonte", postalCode: "57270", city: "Uckange", latitude: 49.305, longitude: 6.152, siret: "73282932000074"}) { id city siret } }`,
      { o: orgId },
      owner,
    );
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    siteId = res.data!.addSite.id;
    const wrong = await t.gql(
      `mutation($o: ID!) { addSite(organizationId: $o, input: {name: "X", city: "Uckange", latitude: 49.3, longitude: 6.15, siret: "40483304800022"}) { id } }`,
      { o: orgId },
      owner,
    );
    expect(wrong.errors?.[0].extensions?.problems?.[0].message).toMatch(/SIREN/);
  });

  it('declares flows with derived figures, finds them by every filter, and tells subscribers', async () => {
    // The owner has no flow yet: the facilitator edits a PUBLIC flow of the territory, which the owner may see.
    const facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    const seen = await t.gql(`query($t: ID!) { flows(first: 50, filter: {territoryId: $t}) { nodes { id visibility } } }`, { t: fensch }, owner);
    const publicFlow = seen.data!.flows.nodes.find((f: any) => f.visibility === 'PUBLIC').id;
    const client = t.wsClient(owner);
    const sub = collect<any>(client, `subscription($t: ID!) { flowChanged(territoryId: $t) { change flow { label description organization { id } } } }`, { t: fensch });
    await sub.live(t.flowProbe(publicFlow, facilitator));
    const declare = `mutation($input: DeclareFlowInput!) { declareFlow(input: $input) { id hazardous yearlyQuantity unitSymbol wasteCode { labelFr } disclosure } }`;
    const sand = await t.gql(declare, {
      input: { siteId, direction: 'OUTPUT', category: 'WASTE', label: 'Sables de fonderie usagés', ewcCode: '100908', quantity: 40, unit: 'TONNE', period: 'MONTH', visibility: 'TERRITORY', currentDestination: 'LANDFILL', yearlyCostEur: 28000 },
    }, owner);
    expect(sand.errors).toBeUndefined();
    expect(sand.data!.declareFlow).toMatchObject({ hazardous: false, yearlyQuantity: 480, unitSymbol: 't', disclosure: 'FULL' });
    const heat = await t.gql(declare, {
      input: { siteId, direction: 'OUTPUT', category: 'ENERGY', label: 'Chaleur fatale des fours', quantity: 3000, unit: 'MEGAWATT_HOUR', period: 'YEAR', temperatureC: 90, availableMonths: [12, 1, 2, 1], visibility: 'PUBLIC' },
    }, owner);
    expect(heat.errors).toBeUndefined();
    const find = async (filter: Record<string, unknown>) =>
      (await t.gql(`query($f: FlowFilterInput) { flows(first: 100, filter: $f) { nodes { id label availableMonths } } }`, { f: filter }, owner)).data!.flows.nodes.map((n: any) => n.label);
    expect(await find({ ewcCode: '10 09' })).toContain('Sables de fonderie usagés');
    expect(await find({ ewcCode: '10' })).toContain('Sables de fonderie usagés');
    expect(await find({ ewcCode: '17' })).not.toContain('Sables de fonderie usagés');
    expect(await find({ text: 'USAGES fonderie' })).toContain('Sables de fonderie usagés'); // every word, any order
    expect(await find({ text: 'fonderie béton' })).not.toContain('Sables de fonderie usagés');
    expect(await find({ text: 'CHALEUR fatale' })).toContain('Chaleur fatale des fours');
    expect(await find({ near: { latitude: 49.305, longitude: 6.16, radiusKm: 1 } })).toEqual(expect.arrayContaining(['Chaleur fatale des fours', 'Sables de fonderie usagés']));
    expect(await find({ near: { latitude: 49.2, longitude: 6.16, radiusKm: 1 } })).not.toContain('Chaleur fatale des fours');
    expect(await find({ territoryId: fensch, category: 'ENERGY', direction: 'OUTPUT', organizationId: orgId })).toEqual(['Chaleur fatale des fours']);
    const months = (await t.gql(`query($id: ID!) { node(id: $id) { ... on ResourceFlow { availableMonths } } }`, { id: heat.data!.declareFlow.id }, owner)).data!.node;
    expect(months.availableMonths).toEqual([1, 2, 12]);
    const events = await sub.waitFor(2);
    expect(events.map((e) => e.data.flowChanged.change)).toEqual(['DECLARED', 'DECLARED']);
    await client.dispose();
  });

  it('updates a flow partially (null clears), then archives it out of the lists', async () => {
    const mine = (f: string) => `query($o: ID!) { flows(first: 10, filter: {organizationId: $o, text: "sables de fonderie"${f}}) { totalCount nodes { id } } }`;
    const id = (await t.gql(mine(''), { o: orgId }, owner)).data!.flows.nodes[0].id;
    const upd = await t.gql(
      `mutation($id: ID!) { updateFlow(id: $id, input: {quantity: 50, period: WEEK, currentDestination: null}) { quantity yearlyQuantity currentDestination label } }`,
      { id },
      owner,
    );
    expect(upd.data!.updateFlow).toEqual({ quantity: 50, yearlyQuantity: 2600, currentDestination: null, label: 'Sables de fonderie usagés' });
    await t.gql(`mutation($id: ID!) { archiveFlow(id: $id) { status } }`, { id }, owner);
    const active = await t.gql(mine(''), { o: orgId }, owner);
    expect(active.data!.flows.totalCount).toBe(0);
    const archived = await t.gql(mine(', status: ARCHIVED'), { o: orgId }, owner);
    expect(archived.data!.flows.totalCount).toBe(1);
  });

  it("lets the territory's facilitator edit the organisation, and nobody else", async () => {
    const fac = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    const ok = await t.gql(`mutation($o: ID!) { updateOrganization(id: $o, input: {website: "https://fonderie.example"}) { website } }`, { o: orgId }, fac);
    expect(ok.data!.updateOrganization.website).toBe('https://fonderie.example/');
    const other = await t.logIn(DEMO_ACCOUNTS.joineryMember.email);
    const no = await t.gql(`mutation($o: ID!) { updateOrganization(id: $o, input: {name: "Piratée"}) { name } }`, { o: orgId }, other);
    expect(no.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const site = await t.gql(`mutation($o: ID!) { addSite(organizationId: $o, input: {name: "X", city: "Hayange", latitude: 49.3, longitude: 6.06}) { id } }`, { o: orgId }, other);
    expect(site.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
