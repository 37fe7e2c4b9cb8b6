import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ENTITIES } from '../app/entities.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { migrate, openOrm } from '../db/orm.js';

export interface TestDatabase {
  orm: MikroORM;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a database of its own on the server of DATABASE_URL (CI), or
 * embedded PGlite in a temporary folder. Either way nothing is shared with another file or with a developer's data.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return onServer(serverUrl);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fe2i-test-'));
  const embedded = await startEmbeddedPostgres(dir);
  const orm = await openOrm({ clientUrl: embedded.url, poolMax: 4, entities: ENTITIES });
  await migrate(orm);
  return {
    orm,
    async close() {
      await orm.close(true);
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function onServer(serverUrl: string): Promise<TestDatabase> {
  const name = `fe2i_t_${randomBytes(6).toString('hex')}`;
  await admin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const orm = await openOrm({ clientUrl: url.toString(), poolMax: 4, entities: ENTITIES });
  await migrate(orm);
  return {
    orm,
    async close() {
      await orm.close(true);
      await admin(serverUrl, `drop database if exists ${name} with (force)`);
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
