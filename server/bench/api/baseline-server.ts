import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSchema, GraphQLInterfaceType, GraphQLObjectType } from 'graphql';
import pg from 'pg';
import { authenticate, loadersFor, resolvers, tokenHasher, type BaselineContext } from './baseline-resolvers.js';

/**
 * The baseline of `npm run bench -- api`: bare Apollo Server 5 and `pg` with plain resolvers over the product's
 * public schema (schema/schema.graphql), answering the benchmark's documents from the same SQL. Started by the
 * bench as a child process: DATABASE_URL, SESSION_SECRET, PORT (0 = any), DB_POOL_MAX.
 */
const sdl = readFileSync(path.resolve(import.meta.dirname, '../../../schema/schema.graphql'), 'utf8');
const schema = buildSchema(`${sdl}\nextend type Query { "select 1: the floor of a round trip." floor: Int! }`);

for (const [typeName, fields] of Object.entries(resolvers)) {
  const type = schema.getType(typeName) as GraphQLObjectType;
  for (const [fieldName, resolve] of Object.entries(fields)) type.getFields()[fieldName].resolve = resolve as never;
}
(schema.getType('Node') as GraphQLInterfaceType).resolveType = (value: { __typename?: string }) => value.__typename;

const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });
const hash = tokenHasher(process.env.SESSION_SECRET!);
// Cache control off, as in the product: with it on, Apollo wraps every field resolver, and the baseline would be
// slower than it need be on a 1,000-field page.
const server = new ApolloServer<BaselineContext>({ schema, plugins: [ApolloServerPluginCacheControlDisabled()] });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT ?? 0), host: '127.0.0.1' },
  context: async ({ req }) => {
    const viewer = await authenticate(db, hash, req.headers);
    return { db, viewer, ...loadersFor(db, viewer) };
  },
});
console.log(`baseline ready on ${url.replace(/\/$/, '')}`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    await server.stop();
    await db.end();
    process.exit(0);
  });
}
