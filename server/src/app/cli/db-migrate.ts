import 'reflect-metadata';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../config/config.js';
import { startEmbeddedPostgres } from '../../db/embedded-postgres.js';
import { migrate, openOrm } from '../../db/orm.js';
import { ENTITIES } from '../entities.js';

/** `npm run db:migrate`: applies pending migrations (the server also does it at start). */
try {
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(path.join(config.dataDir, 'pglite'));
  const orm = await openOrm({ clientUrl: config.databaseUrl ?? embedded!.url, poolMax: 2, entities: ENTITIES, embedded: !config.databaseUrl });
  try {
    const applied = await migrate(orm);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await orm.close(true);
    await embedded?.stop();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Migration failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
