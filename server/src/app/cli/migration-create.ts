import 'reflect-metadata';
import { loadConfig } from '../../config/config.js';
import { startEmbeddedPostgres } from '../../db/embedded-postgres.js';
import { migrate, openOrm } from '../../db/orm.js';
import { ENTITIES } from '../entities.js';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Writes a migration for the difference between the entities and the committed migrations, computed against a
 * throw-away embedded database so that nobody's data is touched.
 */
const config = loadConfig();
const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(mkdtempSync(path.join(os.tmpdir(), 'fe2i-mig-')));
const orm = await openOrm({ clientUrl: config.databaseUrl ?? embedded!.url, poolMax: 2, entities: ENTITIES, embedded: !config.databaseUrl });
// (runs the committed migrations first, then diffs the entities against the result)
await migrate(orm);
const result = await orm.getMigrator().createMigration(undefined, false, process.argv.includes('--initial'));
console.log(result.fileName ? `Wrote ${result.fileName}; add it to src/db/migrations/index.ts` : 'No changes.');
await orm.close();
await embedded?.stop();
