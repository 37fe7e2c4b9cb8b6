import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/demo/demo-accounts.js';
import { TestApp, type As } from './harness.js';

/** Each bad input gets a clear error with a code, and leaves the data exactly as it was. */
describe('bad input', () => {
  let t: TestApp;
  let member: As;
  let siteId: string;
  let orgId: string;
  let snapshot: () => Promise<string>;

  beforeAll(async () => {
    t = await TestApp.start();
    member = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
    const res = await t.gql(`{ viewer { memberships { organization { id sites { id } } } } }`, {}, member);
    orgId = res.data!.viewer.memberships[0].organization.id;
    siteId = res.data!.viewer.memberships[0].organization.sites[0].id;
    snapshot = async () => {
      const r = await t.gql(
        `query($id: ID!) { node(id: $id) { ... on Organization { name siren sites { id latitude } flows(first: 100) { totalCount nodes { id label quantity ewcCode } } } } }`,
        { id: orgId },
        member,
      );
      return JSON.stringify(r.data);
    };
  });
  afterAll(async () => t?.stop());

  const declare = (input: Record<string, unknown>) =>
    t.gql(`mutation($input: DeclareFlowInput!) { declareFlow(input: $input) { id } }`, {
      input: { siteId, direction: 'OUTPUT', category: 'WASTE', label: 'Test', unit: 'TONNE', period: 'YEAR', visibility: 'PRIVATE', ewcCode: '10 02 01', quantity: 5, ...input },
    }, member);

  it('an unknown EWC code', async () => {
    const before = await snapshot();
    const res = await declare({ ewcCode: '99 99 99' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.problems?.[0].field).toBe('ewcCode');
    expect(res.errors?.[0].message).toMatch(/List of Waste/);
    expect(await snapshot()).toBe(before);
  });

  it('a negative quantity, reported with every other problem of the input at once', async () => {
    const before = await snapshot();
    const res = await declare({ quantity: -3, label: '', temperatureC: -500 });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = res.errors?.[0].extensions?.problems?.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['quantity', 'label', 'temperatureC']));
    expect(await snapshot()).toBe(before);
  });

  it('a latitude of 200', async () => {
    const before = await snapshot();
    const res = await t.gql(
      `mutation($o: ID!) { addSite(organizationId: $o, input: {name: "Nord", city: "Florange", latitude: 200, longitude: 6.1}) { id } }`,
      { o: orgId },
      member,
    );
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.problems?.[0]).toMatchObject({ field: 'latitude' });
    expect(await snapshot()).toBe(before);
  });

  it('a bad SIREN and a malformed ID', async () => {
    const before = await snapshot();
    const siren = await t.gql(`mutation($o: ID!) { updateOrganization(id: $o, input: {siren: "123456789"}) { id } }`, { o: orgId }, member);
    expect(siren.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const id = await t.gql(`mutation { updateFlow(id: "not-an-id", input: {label: "x"}) { id } }`, {}, member);
    expect(id.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toBe(before);
  });

  it('a malformed document', async () => {
    const before = await snapshot();
    const res = await t.gql(`mutation { declareFlow(input: { siteId: "x" `, {}, member);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const json = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(json.status).toBe(400);
    expect(((await json.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const wrongType = await t.gql(`mutation { declareFlow(input: {siteId: 3}) { id } }`, {}, member);
    expect(wrongType.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await snapshot()).toBe(before);
  });

  it('a 10 MB body', async () => {
    const before = await snapshot();
    const big = JSON.stringify({ query: `mutation { declareFlow(input: {label: "${'x'.repeat(10 * 1024 * 1024)}"}) { id } }` });
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: member!.cookie! }, body: big });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await snapshot()).toBe(before);
  });

  it('a query 50 levels deep, over HTTP and over WebSocket', async () => {
    let selection = 'id';
    for (let i = 0; i < 25; i++) selection = `organization { sites { ${selection} } }`;
    const query = `query($id: ID!) { node(id: $id) { ... on Site { ${selection} } } }`;
    const res = await t.gql(query, { id: siteId }, member);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/depth/i);
    const client = t.wsClient(member);
    const result = await new Promise<any>((resolve) => {
      client.subscribe({ query, variables: { id: siteId } }, { next: resolve, error: resolve, complete: () => {} });
    });
    const errors = Array.isArray(result) ? result : result.errors;
    expect(JSON.stringify(errors)).toMatch(/depth/i);
    await client.dispose();
  });

  it('too many aliases', async () => {
    const query = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`;
    const res = await t.gql(query, {}, member);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a page size out of range', async () => {
    const res = await t.gql(`{ flows(first: 1000) { totalCount } }`, {}, member);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a form post without a JSON content type (CSRF)', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: member!.cookie! },
      body: JSON.stringify({ query: 'mutation { logOut }' }),
    });
    expect(res.status).toBe(400);
  });
});
