import 'reflect-metadata';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../config/config.js';
import { createAppPubSub } from '../../pubsub/pubsub.js';
import { loadKnowledgeBase } from '../../synergy/knowledge/knowledge-base.js';
import { startEmbeddedPostgres } from '../../db/embedded-postgres.js';
import { migrate, openOrm } from '../../db/orm.js';
import { describeDemoAccounts, seedDemo } from '../../demo/demo-seeder.js';
import { createPlanDocuments, storedPlanDocuments } from '../../collab/plan-documents.js';
import { UpdateLog } from '../../collab/store/update-log.js';
import { ENTITIES } from '../entities.js';
import { needCodesOf } from '../services.js';

/** `npm run db:seed`: loads (or refreshes) the Val de Fensch demo territory and its accounts. Idempotent. */
try {
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(path.join(config.dataDir, 'pglite'));
  const orm = await openOrm({ clientUrl: config.databaseUrl ?? embedded!.url, poolMax: 2, entities: ENTITIES, embedded: !config.databaseUrl });
  try {
    await migrate(orm);
    const pubSub = createAppPubSub(undefined);
    const report = await seedDemo(orm.em.fork(), {
      pubSub: pubSub.pubSub,
      sessionSecret: config.sessionSecret,
      needCodes: needCodesOf(loadKnowledgeBase()),
      // No live server here: the plans go into the store, where a browser opening them loads them from.
      planDocuments: createPlanDocuments(storedPlanDocuments(new UpdateLog(() => orm.em.fork()))),
    });
    for (const [kind, c] of Object.entries(report)) {
      console.log(`${kind.padEnd(14)} created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}`);
    }
    console.log(`Demo accounts:\n${describeDemoAccounts()}`);
  } finally {
    await orm.close(true);
    await embedded?.stop();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Seeding failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
