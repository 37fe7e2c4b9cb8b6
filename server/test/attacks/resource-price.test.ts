import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { TestApp, type As } from '../harness.js';

/**
 * docs/THREAT_MODEL.md row 50. Net economics (issue 14): the taker of a recycled material pays the producer the
 * resource's price, credited in the producer's euros. The taker's declared purchase cost is confidential (its
 * organisation and facilitators); the producer — the synergy's other party — must read no euro that moves with it.
 * A zone nested in the demo territory, imported by its facilitator: a shop landfills 100 t of PE film, a converter
 * 5 km away buys recycled PE. Each gets a member by invitation; the converter's member changes its declared cost.
 */
const site = (ref: string, org: string, latitude: number, longitude: number) => ({ ref, organizationRef: org, name: `Site ${ref}`, city: 'Thionville', latitude, longitude });
const DOCUMENT = {
  format: 'fe2i-import',
  version: 1,
  territories: [{ ref: 'zone-price', name: 'Zone test prix', parentRef: 'val-de-fensch' }],
  organizations: [
    { ref: 'p-shop', name: 'Zone prix magasin', kind: 'COMPANY', territoryRef: 'zone-price', naceCode: '47.11F' },
    { ref: 'p-converter', name: 'Zone prix plasturgiste', kind: 'COMPANY', territoryRef: 'zone-price', naceCode: '22.21Z' },
  ],
  sites: [site('p-shop-s', 'p-shop', 49.95, 6.95), site('p-converter-s', 'p-converter', 49.99, 6.95)],
  flows: [
    {
      ref: 'p-film',
      siteRef: 'p-shop-s',
      direction: 'OUTPUT',
      category: 'WASTE',
      label: 'Films plastique PE usagés (housses de palettes)',
      ewcCode: '15 01 02',
      quantity: 100,
      unit: 'TONNE',
      period: 'YEAR',
      currentDestination: 'LANDFILL',
      yearlyCostEur: 15_000,
      visibility: 'TERRITORY',
    },
    {
      ref: 'p-pe-need',
      siteRef: 'p-converter-s',
      direction: 'INPUT',
      category: 'MATERIAL',
      label: 'Polyéthylène recyclé pour films',
      needCode: 'recycled-pe',
      quantity: 100,
      unit: 'TONNE',
      period: 'YEAR',
      yearlyCostEur: 90_000,
      visibility: 'TERRITORY',
    },
  ],
};

const INVITE = `mutation($o: ID!, $e: String!) { inviteToOrganization(organizationId: $o, email: $e, role: MEMBER) { path } }`;
const ACCEPT = `mutation($t: String!, $n: String!, $p: String!) { acceptInvitation(input: {token: $t, name: $n, password: $p}) { viewer { email } } }`;

describe("the resource's price never reveals the taker's declared cost to the producer", () => {
  let t: TestApp;
  let facilitator: As;
  let shop: As;
  let converter: As;
  let synergyId: string;
  let needId: string;

  const euros = async (as: As) => {
    const res = await t.gql(`query($id: ID!) { node(id: $id) { ... on Synergy { impacts { indicator low central high formula } } } }`, { id: synergyId }, as);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return ((res.data!.node?.impacts ?? []) as any[]).filter((f) => f.indicator === 'EUROS_SAVED');
  };
  const member = async (organizationId: string, email: string): Promise<As> => {
    const invited = await t.gql(INVITE, { o: organizationId, e: email }, facilitator);
    expect(invited.errors).toBeUndefined();
    const token = invited.data!.inviteToOrganization.path.replace('/#/join/', '');
    const joined = await t.gql(ACCEPT, { t: token, n: email, p: 'membre-secret-2026' });
    expect(joined.errors).toBeUndefined();
    return t.logIn(email, 'membre-secret-2026');
  };

  beforeAll(async () => {
    t = await TestApp.start();
    facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    const imported = await t.gql(`mutation($f: String!, $c: String!) { importData(fileName: $f, content: $c) { flows { created } } }`, { f: 'zone.json', c: JSON.stringify(DOCUMENT) }, facilitator);
    expect(imported.errors).toBeUndefined();
    const listed = await t.gql(`{ organizations(first: 50, filter: {search: "Zone prix"}) { nodes { id name } } }`, {}, facilitator);
    expect(listed.errors).toBeUndefined();
    const orgs = listed.data!.organizations.nodes as { id: string; name: string }[];
    const shopOrg = orgs.find((o) => o.name === 'Zone prix magasin')!.id;
    const converterOrg = orgs.find((o) => o.name === 'Zone prix plasturgiste')!.id;
    const find = async () => {
      const res = await t.gql(
        `query($o: ID!) { synergies(first: 50, filter: {kinds: [SUBSTITUTION], organizationId: $o}) { nodes { id pathway { id } participants { role organization { name } flow { id } } } } }`,
        { o: shopOrg },
        facilitator,
      );
      // The film may also be suggested to a demo converter: the one with the zone's converter is the one to read.
      return (res.data?.synergies.nodes as any[] | undefined)?.find(
        (s) => s.pathway?.id === 'pe-film-recycling' && s.participants.some((p: any) => p.role === 'INPUT' && p.organization?.name === 'Zone prix plasturgiste'),
      );
    };
    let found = await find();
    for (let k = 0; k < 40 && !found; k++) {
      await t.app.synergiesSettled();
      found = await find();
    }
    expect(found, 'the film is suggested to the converter through pe-film-recycling').toBeDefined();
    synergyId = found.id;
    needId = found.participants.find((p: any) => p.role === 'INPUT').flow.id;
    [shop, converter] = await Promise.all([member(shopOrg, 'gerant@zone-prix-magasin.example'), member(converterOrg, 'achats@zone-prix-plasturgiste.example')]);
  });
  afterAll(async () => t?.stop());

  it("the converter's member changes its declared purchase: its own euros move, the shop's do not", async () => {
    const before = { shop: await euros(shop), facilitator: await euros(facilitator) };
    expect(before.shop, 'the shop reads its own euros only').toHaveLength(1);
    expect(before.facilitator.map((f) => f.formula).join(' ')).toContain('321 EUR/t resource price');

    const updated = await t.gql(`mutation($id: ID!, $i: UpdateFlowInput!) { updateFlow(id: $id, input: $i) { yearlyCostEur } }`, { id: needId, i: { yearlyCostEur: 100 } }, converter);
    expect(updated.errors).toBeUndefined();
    // Wait until the facilitator reads the converter's new figure: the change reached the synergy.
    let after = await euros(facilitator);
    for (let k = 0; k < 200 && JSON.stringify(after) === JSON.stringify(before.facilitator); k++) {
      await t.app.synergiesSettled();
      after = await euros(facilitator);
    }
    expect(after.map((f) => f.formula).join(' ')).toContain('100 EUR/yr declared purchase');

    // Before issue 14's fix the price was capped by the taker's declared cost (1 EUR/t here): the shop's credit fell
    // from 85 t × 321 EUR/t to 85 EUR, which its figure showed even rounded. Now it does not move.
    expect(await euros(shop)).toEqual(before.shop);
    const stranger = await (async () => {
      await t.gql(`mutation { signUp(input: {email: "curieux@prix.example", password: "curieux-secret-1", name: "Curieux"}) { viewer { id } } }`);
      return t.logIn('curieux@prix.example', 'curieux-secret-1');
    })();
    expect(await euros(stranger)).toEqual([]);
  });
});
