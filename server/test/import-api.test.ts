import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { TestApp } from './harness.js';

/** The number of rows of every table of the app's database: what any import, even a partial one, would change. */
async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  await t.app.synergiesSettled(); // detection after earlier imports writes rows of its own
  const em = t.app.orm.em.fork();
  const tables: { name: string }[] = await em.execute(
    `select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await em.execute(`select count(*) as n from "${name}"`);
    counts[name] = Number(row.n);
  }
  return counts;
}

const CSV = [
  'territory_ref;organization_ref;organization_name;organization_kind;naf;site_ref;site_name;city;latitude;longitude;flow_ref;direction;category;label;ewc_code;quantity;unit;period;visibility',
  'val-de-fensch;garage-test;Garage Test;COMPANY;45.20A;garage-test-1;Atelier;Fameck;49,301;6,108;garage-huiles;OUTPUT;WASTE;Huiles usagées;13 02 05;1,5;t;YEAR;TERRITORY',
  'val-de-fensch;garage-test;Garage Test;COMPANY;45.20A;garage-test-1;Atelier;Fameck;49,301;6,108;garage-pneus;OUTPUT;WASTE;Pneus usagés;16 01 03;300;unit;YEAR;PUBLIC',
].join('\n');

const IMPORT = `mutation($f: String!, $c: String!) { importData(fileName: $f, content: $c) {
  organizations { created updated unchanged } flows { created updated unchanged } } }`;

describe('importData through GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(async () => t?.stop());

  it('lets the facilitator import a CSV, idempotently', async () => {
    const as = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    const first = await t.gql(IMPORT, { f: 'garage.csv', c: CSV }, as);
    expect(first.errors).toBeUndefined();
    expect(first.data!.importData.flows).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const again = await t.gql(IMPORT, { f: 'garage.csv', c: CSV }, as);
    expect(again.data!.importData.flows).toEqual({ created: 0, updated: 0, unchanged: 2 });
    const flows = await t.gql(`{ flows(first: 10, filter: {text: "pneus usages"}) { nodes { label hazardous yearlyQuantity } } }`, {}, as);
    expect(flows.data!.flows.nodes).toContainEqual({ label: 'Pneus usagés', hazardous: false, yearlyQuantity: 300 });
  });

  it('reports every bad row with its number and imports nothing, not even the good rows', async () => {
    const as = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    // A new organisation whose one good row would be imported by an importer that skipped the bad ones.
    const bad = [
      CSV.replace('13 02 05', '99 99 99').replace('300;unit', '-3;unit').replace(/garage-test/g, 'garage-bis').replace(/Garage Test/g, 'Garage Bis'),
      'val-de-fensch;garage-bis;Garage Bis;COMPANY;45.20A;garage-bis-1;Atelier;Fameck;49,301;6,108;garage-bis-batteries;OUTPUT;WASTE;Batteries;16 06 01*;2;t;YEAR;TERRITORY',
    ].join('\n');
    const before = await rowCounts(t);
    const res = await t.gql(IMPORT, { f: 'bad.csv', c: bad }, as);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const problems = res.errors![0].extensions!.problems as { row?: number; field: string }[];
    expect(problems.map((p) => p.row).sort()).toEqual([2, 3]);
    expect(await rowCounts(t)).toEqual(before);
    const orgs = await t.gql(`{ organizations(first: 5, filter: {search: "Garage"}) { nodes { name } } }`, {}, as);
    expect(orgs.data!.organizations.nodes.map((o: { name: string }) => o.name)).not.toContain('Garage Bis');
  });

  it('refuses company members', async () => {
    const as = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
    const res = await t.gql(IMPORT, { f: 'garage.csv', c: CSV }, as);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
