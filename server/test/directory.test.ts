import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryCounter } from '../src/db/query-counter.js';
import { DEMO_ACCOUNTS, DEMO_INTEGRATOR_TOKEN } from '../src/demo/demo-accounts.js';
import { TestApp } from './harness.js';

const DIRECTORY_PAGE = `query($first: Int!) {
  organizations(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id name kind naceCode sites { id name city latitude longitude }
      flows(first: 20) { totalCount nodes { id label direction category visibility quantity unit } } } }
  }
}`;

describe('the directory of the demo territory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => t?.stop());

  it('shows a facilitator at least 25 organisations with their sites and flows', async () => {
    const as = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    const res = await t.gql(DIRECTORY_PAGE, { first: 50 }, as);
    expect(res.errors).toBeUndefined();
    const orgs = res.data!.organizations.edges.map((e: any) => e.node);
    expect(orgs.length).toBeGreaterThanOrEqual(25);
    expect(orgs.every((o: any) => o.sites.length >= 1)).toBe(true);
    const flowCount = orgs.reduce((n: number, o: any) => n + o.flows.totalCount, 0);
    expect(flowCount).toBeGreaterThanOrEqual(120);
  });

  it('costs at most 4 SQL statements for a page of 50 organisations with their sites and flows', async () => {
    const as = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    const { result, statements } = await queryCounter.measure(() => t.gql(DIRECTORY_PAGE, { first: 50 }, as));
    expect(result.errors).toBeUndefined();
    console.log(`SQL statements for a directory page of 50 organisations with sites and flows: ${statements}`);
    expect(statements).toBeLessThanOrEqual(4);
  });

  it('pages with cursors until the end, every organisation once', async () => {
    const as = { token: DEMO_INTEGRATOR_TOKEN };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await t.gql(
        `query($after: String) { organizations(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
        { after },
        as,
      );
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.organizations.nodes.map((n: any) => n.id));
      if (!res.data.organizations.pageInfo.hasNextPage) {
        expect(seen.length).toBe(res.data.organizations.totalCount);
        break;
      }
      after = res.data.organizations.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses the directory to visitors who are not signed in', async () => {
    const res = await t.gql(`{ organizations(first: 5) { totalCount } }`);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('nests territories and filters organisations by territory, kind and accent-free name', async () => {
    const as = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    const res = await t.gql(`{ territories { id name parent { name } } }`, {}, as);
    const fensch = res.data!.territories.find((x: any) => x.name === 'Val de Fensch');
    expect(fensch.parent.name).toBe('Lorraine Nord');
    const filtered = await t.gql(
      `query($t: ID!) { organizations(first: 50, filter: {territoryId: $t, kind: COMPANY, search: "acieries"}) { nodes { name kind } } }`,
      { t: fensch.id },
      as,
    );
    expect(filtered.errors).toBeUndefined();
    expect(filtered.data!.organizations.nodes.map((o: any) => o.name)).toContain('Aciéries de la Fensch');
  });

  it('searches by name, by a site\'s commune and by a sector\'s label, and filters by kind AND sector AND commune', async () => {
    const as = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    const find = async (filter: Record<string, unknown>) => {
      const res = await t.gql(
        `query($f: OrganizationFilterInput) { organizations(first: 100, filter: $f) { totalCount nodes { name kind naceCode activitySector { sectionCode } sites { city } } } }`,
        { f: filter },
        as,
      );
      expect(res.errors, JSON.stringify(filter)).toBeUndefined();
      return res.data!.organizations as { totalCount: number; nodes: { name: string; kind: string; naceCode: string | null; activitySector: { sectionCode: string } | null; sites: { city: string }[] }[] };
    };
    const everyone = (await find({})).nodes;
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

    // A commune: whole name, accents and case aside; exactly the organisations with a site there.
    const inFlorange = await find({ commune: 'FLORANGE' });
    const expected = everyone.filter((o) => o.sites.some((s) => s.city === 'Florange')).map((o) => o.name);
    expect(expected.length).toBeGreaterThan(1);
    expect(inFlorange.nodes.map((o) => o.name)).toEqual(expected);
    expect((await find({ commune: 'seremange erzange' })).totalCount).toBe(0); // a whole name, hyphen included
    expect((await find({ commune: 'serémange-erzange' })).totalCount).toBeGreaterThan(0);
    expect((await find({ commune: 'Flor' })).totalCount).toBe(0);

    // The search also reads the communes (a part of one) and the sectors' French labels.
    const searched = await find({ search: 'seremange' });
    expect(searched.nodes.map((o) => o.name)).toEqual(everyone.filter((o) => o.sites.some((s) => fold(s.city).includes('seremange'))).map((o) => o.name));
    expect((await find({ search: 'sidérurgie' })).nodes.map((o) => o.name)).toContain('Aciéries de la Fensch');

    // A sector: a section letter, a division, a class (with its NAF sub-classes) or a sub-class.
    const manufacturing = await find({ sector: 'c' });
    expect(manufacturing.nodes.length).toBeGreaterThan(5);
    expect(manufacturing.nodes.every((o) => o.activitySector?.sectionCode === 'C')).toBe(true);
    expect(manufacturing.totalCount).toBe(everyone.filter((o) => o.activitySector?.sectionCode === 'C').length);
    expect((await find({ sector: '25' })).nodes.every((o) => o.naceCode!.startsWith('25.'))).toBe(true);
    expect((await find({ sector: '24.10' })).nodes.map((o) => o.name)).toEqual(['Aciéries de la Fensch']);
    expect((await find({ sector: '2410Z' })).nodes.map((o) => o.name)).toEqual(['Aciéries de la Fensch']);
    expect((await find({ sector: '25.62A' })).nodes.every((o) => o.naceCode === '25.62A')).toBe(true);

    // Every part narrows.
    const both = await find({ sector: 'C', kind: 'COMPANY', commune: 'Florange' });
    expect(both.nodes.map((o) => o.name)).toEqual(
      everyone.filter((o) => o.activitySector?.sectionCode === 'C' && o.kind === 'COMPANY' && o.sites.some((s) => s.city === 'Florange')).map((o) => o.name),
    );
    expect((await find({ sector: 'C', kind: 'AUTHORITY' })).totalCount).toBe(0);
  });

  it('pages through a filtered directory, every match once', async () => {
    const as = await t.logIn(DEMO_ACCOUNTS.joineryMember.email);
    const all = await t.gql(`{ organizations(first: 100, filter: {sector: "C"}) { totalCount nodes { id } } }`, {}, as);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await t.gql(
        `query($after: String) { organizations(first: 3, after: $after, filter: {sector: "C"}) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
        { after },
        as,
      );
      expect(res.data.organizations.totalCount).toBe(all.data!.organizations.totalCount);
      seen.push(...res.data.organizations.nodes.map((n: any) => n.id));
      if (!res.data.organizations.pageInfo.hasNextPage) break;
      after = res.data.organizations.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.data!.organizations.nodes.map((n: any) => n.id));
  });

  it('lists the NACE sections, A to U, in French', async () => {
    const res = await t.gql(`{ activitySections { code labelFr labelEn } }`);
    expect(res.data!.activitySections).toHaveLength(21);
    expect(res.data!.activitySections[2]).toEqual({ code: 'C', labelFr: 'Industrie manufacturière', labelEn: 'Manufacturing' });
  });

  it('answers the nomenclatures to anyone, accent-insensitively', async () => {
    const res = await t.gql(`{ wasteCodes(search: "laitier", first: 5) { code hazardous labelFr } activitySectors(search: "siderurgie", first: 3) { code labelFr } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.wasteCodes.map((w: any) => w.code)).toContain('10 02 01');
    expect(res.data!.activitySectors.length).toBeGreaterThan(0);
  });
});
