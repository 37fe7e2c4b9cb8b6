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

  it('answers the nomenclatures to anyone, accent-insensitively', async () => {
    const res = await t.gql(`{ wasteCodes(search: "laitier", first: 5) { code hazardous labelFr } activitySectors(search: "siderurgie", first: 3) { code labelFr } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.wasteCodes.map((w: any) => w.code)).toContain('10 02 01');
    expect(res.data!.activitySectors.length).toBeGreaterThan(0);
  });
});
