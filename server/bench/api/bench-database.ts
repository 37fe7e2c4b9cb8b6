import 'reflect-metadata';
import { ENTITIES } from '../../src/app/entities.js';
import { needCodesOf } from '../../src/app/services.js';
import { migrate, openOrm } from '../../src/db/orm.js';
import { seedDemo } from '../../src/demo/demo-seeder.js';
import { ImportService } from '../../src/importer/import.service.js';
import type { AppPubSub } from '../../src/pubsub/pubsub.js';
import { SynergyDetection } from '../../src/synergy/detection/synergy-detection.js';
import { loadKnowledgeBase } from '../../src/synergy/knowledge/knowledge-base.js';
import { SynergyService } from '../../src/synergy/synergy.service.js';
import { Territory } from '../../src/territory/territory.entity.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { scaledTerritory } from './scaled-territory.js';
import { createPlanDocuments, storedPlanDocuments } from '../../src/collab/plan-documents.js';
import { UpdateLog } from '../../src/collab/store/update-log.js';

/** The session secret both servers hash credentials with, so that one cookie or token works on both. */
export const BENCH_SESSION_SECRET = 'bench-secret-bench-secret-bench-secret-11';

export interface BenchDatabase extends TestDatabase {
  counts: { organizations: number; flows: number; synergies: number };
}

/**
 * A fresh PostgreSQL database (on DATABASE_URL's server) with the demo accounts and the demo territory scaled up,
 * synergies detected: what the product would hold after `npm start` on a big territory. Dropped by `drop()`.
 */
export async function createBenchDatabase(size: { organizations: number; flows: number }): Promise<BenchDatabase> {
  if (!process.env.DATABASE_URL) throw new Error('The API benchmark runs on PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).');
  const db = await createTestDatabase();
  const orm = await openOrm({ clientUrl: db.databaseUrl!, entities: ENTITIES, poolMax: 4 });
  const knowledgeBase = loadKnowledgeBase();
  const detection = new SynergyDetection(knowledgeBase);
  try {
    await migrate(orm);
    const silent = { publish: () => {} } as unknown as AppPubSub['pubSub'];
    const needCodes = needCodesOf(knowledgeBase);
    await seedDemo(orm.em.fork(), {
      pubSub: silent,
      sessionSecret: BENCH_SESSION_SECRET,
      needCodes,
      planDocuments: createPlanDocuments(storedPlanDocuments(new UpdateLog(() => orm.em.fork()))),
    });
    await new ImportService(orm.em.fork(), silent, needCodes).importDocument('SYSTEM', scaledTerritory(size));
    for (const root of await orm.em.fork().find(Territory, { parent: null })) {
      await new SynergyService(orm.em.fork(), silent, detection).detect('SYSTEM', root.id);
    }
    const [row] = await orm.em.fork().execute(
      `select (select count(*) from organization) as organizations, (select count(*) from resource_flow) as flows,
              (select count(*) from synergy) as synergies`,
    );
    const counts = { organizations: Number(row.organizations), flows: Number(row.flows), synergies: Number(row.synergies) };
    return { ...db, counts };
  } catch (error) {
    await db.drop();
    throw error;
  } finally {
    await detection.stop();
    await orm.close(true);
  }
}
