import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { TestApp } from './harness.js';

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

  it('reports every bad row with its number and imports nothing', async () => {
    const as = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    const bad = CSV.replace('13 02 05', '99 99 99').replace('300;unit', '-3;unit').replace(/garage-test/g, 'garage-bis');
    const res = await t.gql(IMPORT, { f: 'bad.csv', c: bad }, as);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const problems = res.errors![0].extensions!.problems as { row?: number; field: string }[];
    expect(problems.map((p) => p.row).sort()).toEqual([2, 3]);
    const orgs = await t.gql(`{ organizations(first: 5, filter: {search: "Garage"}) { nodes { name } } }`, {}, as);
    expect(orgs.data!.organizations.nodes.map((o: any) => o.name)).not.toContain('Garage Test'.replace('Test', 'bis'));
  });

  it('refuses company members', async () => {
    const as = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
    const res = await t.gql(IMPORT, { f: 'garage.csv', c: CSV }, as);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
