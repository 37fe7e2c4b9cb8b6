import 'reflect-metadata';
import { demoDocument } from '../src/importer/import-test-helpers.js';
import { ImportService } from '../src/importer/import.service.js';
import { loadKnowledgeBase } from '../src/synergy/knowledge/knowledge-base.js';
import { openTestDatabase } from '../test/test-database.js';
import type { AppPubSub } from '../src/pubsub/pubsub.js';
import { fmtTiming, report, timedAsync } from './timing.js';

/**
 * The demo territory imported into a fresh database (DATABASE_URL's server, else embedded PGlite), then again
 * unchanged: the durations the importer's tests no longer assert.
 */

const TARGET_MS = 5_000;

export async function run(): Promise<boolean> {
  const db = await openTestDatabase();
  try {
    const silent = { publish: () => {} } as unknown as AppPubSub['pubSub'];
    const needCodes = new Set(loadKnowledgeBase().needs.map((need) => need.code));
    const importDemo = () => new ImportService(db.orm.em.fork(), silent, needCodes).importDocument('SYSTEM', demoDocument());
    const first = await timedAsync(importDemo);
    const again = await timedAsync(importDemo);
    const { flows } = first.result;
    console.log(`import benchmark — demo territory (${flows.created} flows); ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'}; node ${process.version}`);
    console.log(`  first import:            ${fmtTiming(first.timing, 0)}`);
    console.log(`  same file again (no-op): ${fmtTiming(again.timing, 0)}`);
    return report([[`first import ≤ ${TARGET_MS} ms`, first.timing.wallMs <= TARGET_MS]]);
  } finally {
    await db.close();
  }
}
