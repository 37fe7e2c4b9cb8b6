import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../src/app/schema.js';
import { DEMO_ACCOUNTS } from '../../src/demo/demo-accounts.js';
import { TestApp, type As } from '../harness.js';

/**
 * Issue 8: a NUL character in a free-text field reached PostgreSQL and came back as INTERNAL_SERVER_ERROR. Every
 * String field of every mutation's arguments, found in the schema itself (so a new field is covered without a
 * word), is sent once with a NUL and once with another control character by a facilitator: each answer is
 * BAD_USER_INPUT and the database is byte for byte unchanged.
 */
interface Target {
  mutation: string;
  /** Where the text goes, e.g. `input.label`. */
  path: string[];
}

describe('control characters in free text', () => {
  let t: TestApp;
  let facilitator: As;
  let mutations: GraphQLField<unknown, unknown>[];

  beforeAll(async () => {
    t = await TestApp.start();
    facilitator = await t.logIn(DEMO_ACCOUNTS.facilitator.email);
    mutations = Object.values((await buildAppSchema()).getMutationType()!.getFields());
  });

  afterAll(async () => {
    await t?.stop();
  });

  /** Every row of every table, hashed: nothing may change, not even an updated_at. */
  const snapshot = async () => {
    const em = t.app.orm.em.fork();
    const tables: { tablename: string }[] = await em.execute(`select tablename from pg_tables where schemaname = current_schema() order by tablename`);
    const hashes = [];
    for (const { tablename } of tables) {
      const [row] = await em.execute(`select count(*) as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${tablename}" x`);
      hashes.push(`${tablename}:${row.n}:${row.h}`);
    }
    return hashes.join('\n');
  };

  it('are refused with BAD_USER_INPUT in every text argument of every mutation, changing nothing', { timeout: 120_000 }, async () => {
    const targets = mutations.flatMap((m) => m.args.flatMap((a) => textPaths(a.type, [a.name]).map((path) => ({ mutation: m.name, path }))));
    // The schema has dozens of free-text fields: an empty list would mean the enumeration broke, not that all is well.
    expect(targets.length).toBeGreaterThan(30);
    const before = await snapshot();
    const answers: string[] = [];
    for (const target of targets) {
      for (const bad of ['\u0000', '\u001B']) {
        const mutation = mutations.find((m) => m.name === target.mutation)!;
        const res = await t.gql(operationFor(mutation), variablesFor(mutation.args, target, `Texte${bad}suite`), facilitator);
        answers.push(`${target.mutation}(${target.path.join('.')}) ${JSON.stringify(bad)}: ${res.errors?.[0]?.extensions?.code ?? 'accepted'}`);
      }
    }
    expect(answers.filter((a) => !a.endsWith('BAD_USER_INPUT'))).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it('leave tabs and line breaks in texts alone', async () => {
    const steel = await t.logIn(DEMO_ACCOUNTS.steelMember.email);
    const own = await t.gql(`{ viewer { memberships { organization { flows(first: 1) { nodes { id } } } } } }`, {}, steel);
    const flowId = own.data!.viewer.memberships[0].organization.flows.nodes[0].id;
    const description = 'Deux lots :\n\t- le matin\r\n\t- le soir';
    const res = await t.gql(`mutation($id: ID!, $d: String) { updateFlow(id: $id, input: {description: $d}) { description } }`, { id: flowId, d: description }, steel);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateFlow.description).toBe(description);
  });
});

/** Paths to every String (free text) reachable in an argument's type, through input objects and lists. */
function textPaths(type: GraphQLInputType, path: string[], depth = 0): string[][] {
  const named = getNamedType(type);
  if (isScalarType(named)) return named.name === 'String' ? [path] : [];
  if (!isInputObjectType(named) || depth > 4) return [];
  return Object.values(named.getFields()).flatMap((f) => textPaths(f.type, [...path, f.name], depth + 1));
}

function operationFor(mutation: GraphQLField<unknown, unknown>): string {
  const declarations = mutation.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passing = mutation.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const returnsObject = !isScalarType(getNamedType(mutation.type)) && !isEnumType(getNamedType(mutation.type));
  return `mutation${declarations ? `(${declarations})` : ''} { ${mutation.name}${passing ? `(${passing})` : ''}${returnsObject ? ' { __typename }' : ''} }`;
}

/** Required arguments filled with plausible values, and the targeted text set to `text`. */
function variablesFor(args: readonly GraphQLArgument[], target: Target, text: string): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const arg of args) {
    const onPath = arg.name === target.path[0];
    if (onPath || isNonNullType(arg.type)) variables[arg.name] = valueFor(arg.type, onPath ? target.path.slice(1) : null, text);
  }
  return variables;
}

function valueFor(type: GraphQLInputType, rest: string[] | null, text: string): unknown {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return [valueFor(nullable.ofType, rest, text)];
  if (isScalarType(nullable)) {
    if (rest && rest.length === 0) return text;
    return { String: 'Texte', ID: 'VGVycml0b3J5OjA', Int: 1, Float: 1, Boolean: true, DateTimeISO: new Date(0).toISOString() }[nullable.name] ?? 'x';
  }
  if (isEnumType(nullable)) return nullable.getValues()[0].value;
  if (!isInputObjectType(nullable)) return null;
  const value: Record<string, unknown> = {};
  for (const field of Object.values(nullable.getFields())) {
    const onPath = rest !== null && rest[0] === field.name;
    if (onPath || isNonNullType(field.type)) value[field.name] = valueFor(field.type, onPath ? rest.slice(1) : null, text);
  }
  return value;
}
