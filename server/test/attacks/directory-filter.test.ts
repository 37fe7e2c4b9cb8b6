import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { TestApp, type As } from '../harness.js';
import { otherTerritoryFacilitator } from './sockets.js';

/**
 * docs/THREAT_MODEL.md #57. The directory's search and filters (name, a site's commune, a sector's label, sector,
 * commune, kind, paging) must not find an organisation the viewer may not see: an organisation waiting for approval
 * is listed to its territory's facilitators only, so its commune, its sector and its name reach nobody else, not
 * even by a count. The pending organisation here is alone in the demo territory with a hotel's sector (section I)
 * and a site in Ottange.
 */
describe('the directory filters find nothing the viewer may not see', () => {
  let t: TestApp;
  let facilitator: As;
  let pendingId: string;
  const others: Record<string, As> = {};

  const signUp = async (email: string, password = 'nouveau-secret-1') => {
    await t.gql(`mutation($e: String!, $p: String!) { signUp(input: {email: $e, password: $p, name: "Nouveau"}) { viewer { id } } }`, { e: email, p: password });
    return t.logIn(email, password);
  };
  const find = (as: As, filter: Record<string, unknown>, first = 50, after: string | null = null) =>
    t.gql(
      `query($f: OrganizationFilterInput, $first: Int!, $after: String) { organizations(first: $first, after: $after, filter: $f) { totalCount nodes { id name sites { city } } } }`,
      { f: filter, first, after },
      as,
    );
  const FILTERS: Record<string, unknown>[] = [
    { commune: 'Ottange' },
    { commune: 'OTTANGE', kind: 'COMPANY' },
    { search: 'ottange' },
    { search: 'Hôtel' },
    { search: 'Discrète' },
    { sector: 'I' },
    { sector: '55' },
    { sector: '55.10' },
    { sector: '55.10Z', commune: 'Ottange' },
  ];

  beforeAll(async () => {
    t = await TestApp.start();
    facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    const fensch = (await t.gql(`{ territories { id name } }`)).data!.territories.find((x: any) => x.name === 'Val de Fensch').id;
    // A stranger registers an organisation: it waits for the facilitator; she gives it a site (she may edit it).
    const creator = await signUp('hotel@discret.example');
    const created = await t.gql(
      `mutation($t: ID!) { createOrganization(input: {territoryId: $t, name: "Hôtel Discrète", kind: COMPANY, naceCode: "55.10Z"}) { id approval } }`,
      { t: fensch },
      creator,
    );
    expect(created.data!.createOrganization.approval).toBe('PENDING');
    pendingId = created.data!.createOrganization.id;
    const site = await t.gql(
      `mutation($o: ID!) { addSite(organizationId: $o, input: {name: "Hôtel", city: "Ottange", latitude: 49.44, longitude: 6.02}) { id } }`,
      { o: pendingId },
      facilitator,
    );
    expect(site.errors).toBeUndefined();
    others['its own creator'] = creator;
    others['another company\'s member'] = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
    others['a stranger who just signed up'] = await signUp('curieux@ailleurs.example');

    others['the facilitator of another territory'] = (await otherTerritoryFacilitator(t)).as;
  });
  afterAll(async () => t?.stop());

  it('the facilitator of its territory finds it by each filter (the probe works)', async () => {
    for (const filter of FILTERS) {
      const res = await find(facilitator, filter);
      expect(res.errors, JSON.stringify(filter)).toBeUndefined();
      expect(res.data!.organizations.nodes.map((o: any) => o.id), JSON.stringify(filter)).toContain(pendingId);
    }
  });

  it('nobody else finds it, nor counts it, by any filter, on any page', async () => {
    for (const [who, as] of Object.entries(others)) {
      for (const filter of FILTERS) {
        const res = await find(as, filter);
        expect(res.errors, `${who} ${JSON.stringify(filter)}`).toBeUndefined();
        const ids = res.data!.organizations.nodes.map((o: any) => o.id);
        expect(ids, `${who} ${JSON.stringify(filter)}`).not.toContain(pendingId);
        // What remains is what the same filter finds among the organisations they may see: none here is a hotel in Ottange.
        expect(res.data!.organizations.totalCount, `${who} ${JSON.stringify(filter)}`).toBe(0);
        // Past the end (the count is asked separately there): still nothing counted.
        const after = Buffer.from('o:10').toString('base64url');
        expect((await find(as, filter, 5, after)).data!.organizations.totalCount, `${who} page 3 ${JSON.stringify(filter)}`).toBe(0);
      }
    }
  });

  it('a commune of no site, a sector of no organisation and a hidden one answer alike', async () => {
    const stranger = others['a stranger who just signed up'];
    const hidden = await find(stranger, { commune: 'Ottange' });
    const none = await find(stranger, { commune: 'Audun-le-Tiche' });
    expect(hidden.data).toEqual(none.data);
    expect((await find(stranger, { sector: 'I' })).data).toEqual((await find(stranger, { sector: 'K' })).data);
  });

  it('a malformed filter is refused at its field and finds nothing', async () => {
    const stranger = others['a stranger who just signed up'];
    for (const [filter, field] of [
      [{ sector: 'Z' }, 'filter.sector'],
      [{ sector: "55' or 1=1 --" }, 'filter.sector'],
      [{ commune: 'x'.repeat(201) }, 'filter.commune'],
      [{ search: 'x'.repeat(201) }, 'filter.search'],
    ] as const) {
      const res = await find(stranger, filter);
      expect(res.errors?.[0].extensions?.code, JSON.stringify(filter)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.problems?.map((p) => p.field)).toEqual([field]);
      expect(res.data?.organizations ?? null).toBeNull();
    }
  });

  it('refuses the filtered directory to a visitor who is not signed in', async () => {
    expect((await find(undefined, { commune: 'Ottange' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
