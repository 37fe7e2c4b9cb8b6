import type { EntityManager } from '@mikro-orm/postgresql';
import { queryCounter } from './query-counter.js';

/**
 * Hot statements (the credential behind every request, a flow by id, a declaration's insert) sent as named prepared
 * statements straight to a connection of the ORM's own pool: no query builder, no parameters inlined into the text,
 * and PostgreSQL parses and plans each once per connection. Statements are defined once, at module load.
 */
export interface PlainStatement {
  /** The prepared statement's name, unique in the process. */
  name: string;
  /** The text with `$1…$n`, as prepared. */
  text: string;
  /** The same with MikroORM's `?`, for an entity manager inside a transaction (its connection is the transaction's). */
  ormText: string;
}

const names = new Map<string, string>();

/** Declares a statement written with `?` placeholders (as `em.execute` takes them; no `?` elsewhere in the text). */
export function plainStatement(name: string, sql: string): PlainStatement {
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  const prepared = `fe2i_${name}`;
  // One name, one text: PostgreSQL refuses a name prepared twice with another text on the same connection.
  if (names.has(prepared) && names.get(prepared) !== text) throw new Error(`Two statements are named ${name}.`);
  names.set(prepared, text);
  return { name: prepared, text, ormText: sql };
}

/**
 * ORM configurations whose database serves every connection from one session (embedded PGlite through
 * pglite-wire-server.ts): a name prepared by one connection would collide with the same name prepared by another, so their
 * statements go unnamed.
 */
const sharedSession = new WeakSet<object>();

/** Called by openOrm for the embedded database. */
export function withoutNamedStatements(config: object): void {
  sharedSession.add(config);
}

interface PgConnection {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

interface KnexClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

/**
 * Runs a statement and returns its rows. Counted by the statement counter and printed with DEBUG_SQL like the ORM's
 * own. Inside a transaction it goes through the entity manager, on the transaction's connection.
 */
export async function plainRows<T = Record<string, unknown>>(em: EntityManager, statement: PlainStatement, values: unknown[]): Promise<T[]> {
  if (em.isInTransaction()) return em.execute(statement.ormText, values);
  const client = em.getConnection().getKnex().client as unknown as KnexClient;
  const connection = await client.acquireConnection();
  const started = Date.now();
  try {
    queryCounter.record();
    const name = sharedSession.has(em.config) ? undefined : statement.name;
    const result = await connection.query({ name, text: statement.text, values });
    const logger = em.config.getLogger();
    if (logger.isEnabled('query')) logger.logQuery({ query: `${statement.text} -- ${JSON.stringify(values)}`, took: Date.now() - started, results: result.rows.length, level: 'info' });
    return result.rows as T[];
  } finally {
    void client.releaseConnection(connection);
  }
}
