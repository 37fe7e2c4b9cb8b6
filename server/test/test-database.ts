import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ENTITIES } from '../src/app/entities.js';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { migrate, openOrm } from '../src/db/orm.js';

/**
 * A database of its own for a test file: a fresh database on the PostgreSQL server of DATABASE_URL (CI), or a
 * fresh embedded PGlite folder when DATABASE_URL is unset. Either way the real migrations build it, and nothing is
 * shared with another file or with a developer's data.
 */
export interface TestDatabase {
  /** DATABASE_URL for the app, or undefined for embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  drop(): Promise<void>;
}

/** For a test that starts the app: the app opens and migrates the database itself. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fe2i-test-'));
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    return { databaseUrl: undefined, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `fe2i_t_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    dataDir,
    async drop() {
      await admin(serverUrl, `drop database if exists ${name} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface OpenTestDatabase {
  orm: MikroORM;
  close(): Promise<void>;
}

/** For a test of services without the app: the database opened and migrated, closed and dropped by `close`. */
export async function openTestDatabase(): Promise<OpenTestDatabase> {
  const db = await createTestDatabase();
  const embedded = db.databaseUrl ? undefined : await startEmbeddedPostgres(path.join(db.dataDir, 'pglite'));
  const orm = await openOrm({ clientUrl: db.databaseUrl ?? embedded!.url, poolMax: 4, entities: ENTITIES, embedded: Boolean(embedded) });
  await migrate(orm);
  return {
    orm,
    async close() {
      await orm.close(true);
      await embedded?.stop();
      await db.drop();
    },
  };
}

/** Database creation cannot run in a transaction nor on the database being dropped: a separate plain connection. */
async function admin(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
