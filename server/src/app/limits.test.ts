import 'reflect-metadata';
import { parse, specifiedRules, validate } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLSchema } from 'graphql';
import { operationLimitRules } from '../graphql/limits.js';
import { buildAppSchema } from './schema.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});
const check = (query: string) => validate(schema, parse(query), [...specifiedRules, ...operationLimitRules()]).map((e) => e.message);

describe('operation limits', () => {
  it('let the directory page through', () => {
    expect(check(`{ organizations(first: 50) { edges { node { name sites { name } flows(first: 20) { totalCount nodes { label organization { name } site { city } } } } } } }`)).toEqual([]);
  });

  it('refuse a query deeper than 12 levels', () => {
    let selection = 'id';
    for (let i = 0; i < 7; i++) selection = `organization { sites { ${selection} } }`;
    expect(check(`query($id: ID!) { node(id: $id) { ... on Site { ${selection} } } }`).join()).toMatch(/depth limit of 12/);
  });

  it('refuse pages of pages of pages that would return millions of objects', () => {
    const query = `query($n: Int) { organizations(first: 100) { nodes { flows(first: $n) { nodes { organization { flows(first: 100) { nodes { label } } } } } } } }`;
    expect(check(query).join()).toMatch(/limit is 50000/);
  });

  it('count fragments, and stop at fragment cycles that graphql reports itself', () => {
    const query = `query { organizations(first: 100) { nodes { ...F } } } fragment F on Organization { flows(first: 100) { nodes { organization { flows(first: 100) { nodes { id } } } } } }`;
    expect(check(query).join()).toMatch(/limit is 50000/);
    expect(check(`query { viewer { ...A } } fragment A on User { ...B } fragment B on User { ...A }`).join()).toMatch(/Cannot spread fragment/);
  });

  it('refuse more than 30 aliases', () => {
    expect(check(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`).join()).toMatch(/Aliases limit/);
  });
});
