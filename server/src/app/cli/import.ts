import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError, loadConfig } from '../../config/config.js';
import { loadKnowledgeBase } from '../../synergy/knowledge/knowledge-base.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../db/embedded-postgres.js';
import { migrate, openOrm } from '../../db/orm.js';
import { DomainError } from '../../errors/domain-errors.js';
import { notifyEvents } from '../../pubsub/postgres-notify.js';
import { createAppPubSub, type AppPubSub, type RelayedEvent, type Topics } from '../../pubsub/pubsub.js';
import { SynergyDetection } from '../../synergy/detection/synergy-detection.js';
import { advisoryRootLocks, processRootLocks } from '../../synergy/detection/root-lock.js';
import { SynergyService } from '../../synergy/synergy.service.js';
import { ImportService, parseImportFile, type ImportReport } from '../../importer/import.service.js';
import { ENTITIES } from '../entities.js';
import { needCodesOf } from '../services.js';

/**
 * `npm run import -- <file.json|file.csv>`: imports a file as the system, for whoever holds the server's
 * configuration (facilitators use the GraphQL `importData` mutation). Exit code 0 when imported, 1 otherwise.
 * Running servers on the same PostgreSQL hear of the changes (through Redis, or NOTIFY without it), and synergies
 * are detected again here for the territories touched.
 */

class CliFailure extends Error {}

async function main(args: string[]): Promise<void> {
  const file = args.find((a) => !a.startsWith('-'));
  if (!file || args.includes('--help') || args.includes('-h')) {
    throw new CliFailure('Usage: npm run import -- <file.json|file.csv>\nFormats: docs/import-format.md');
  }
  // npm runs the script in server/: a relative path means relative to where the user typed the command.
  const filePath = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  if (!existsSync(filePath)) throw new CliFailure(`No such file: ${filePath}`);
  const document = parseImportFile(path.basename(filePath), readFileSync(filePath, 'utf8'));

  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await openEmbedded(path.join(config.dataDir, 'pglite'));
  let orm: MikroORM | undefined;
  // Through Redis when the servers share it; else recorded here and sent through PostgreSQL NOTIFY afterwards.
  const pubSub = createAppPubSub(config.redisUrl, config.redisNamespace);
  const events = recordEvents(pubSub);
  const knowledgeBase = loadKnowledgeBase();
  const detection = new SynergyDetection(knowledgeBase, config.databaseUrl ? advisoryRootLocks(config.detectionLockTimeoutMs) : processRootLocks());
  try {
    console.log(`Database: ${config.databaseUrl ? redact(config.databaseUrl) : `embedded PGlite in ${path.join(config.dataDir, 'pglite')}`}`);
    orm = await openOrm({ clientUrl: config.databaseUrl ?? embedded!.url, poolMax: 4, entities: ENTITIES, embedded: !config.databaseUrl });
    await migrate(orm);
    const started = Date.now();
    const report = await new ImportService(orm.em.fork(), events.pubSub, needCodesOf(knowledgeBase)).importDocument('SYSTEM', document);
    console.log(`Imported ${path.basename(filePath)} in ${((Date.now() - started) / 1000).toFixed(1)} s:\n${formatReport(report)}`);
    // Derived work is done where the change was made: running servers only drop their cached detectors.
    for (const territoryId of events.rootTerritories()) {
      const result = await new SynergyService(orm.em.fork(), events.pubSub, detection).detect('SYSTEM', territoryId);
      console.log(`Synergies detected again: ${result.detected} (${result.suggested} suggested).`);
    }
    if (config.databaseUrl && !config.redisUrl) await notifyEvents(config.databaseUrl, events.recorded);
  } finally {
    await detection.stop();
    await orm?.close(true);
    await pubSub.close();
    await embedded?.stop();
  }
}

/** The events the import and the detection publish, kept to be sent on, and the territories they touched. */
function recordEvents(appPubSub: AppPubSub) {
  const recorded: RelayedEvent[] = [];
  const pubSub = {
    publish(topic: keyof Topics, payload: Topics[keyof Topics][0]) {
      appPubSub.pubSub.publish(topic, payload as never);
      const stamped = topic === 'FLOW_CHANGED' ? { ...payload, origin: appPubSub.instanceId } : payload;
      recorded.push({ topic, payload: stamped } as RelayedEvent);
    },
  } as AppPubSub['pubSub'];
  return {
    pubSub,
    recorded,
    rootTerritories: () =>
      new Set(recorded.flatMap((e) => (e.topic === 'FLOW_CHANGED' ? [e.payload.territoryChain[e.payload.territoryChain.length - 1]] : []))),
  };
}

async function openEmbedded(folder: string): Promise<EmbeddedPostgres> {
  try {
    // startEmbeddedPostgres locks the folder: a running server on it is reported, not corrupted.
    return await startEmbeddedPostgres(folder);
  } catch (error) {
    throw new CliFailure(`Could not open the embedded database in ${folder}: ${(error as Error).message}`);
  }
}

export function formatReport(report: ImportReport): string {
  const rows: string[][] = [['', 'created', 'updated', 'unchanged']];
  for (const [kind, c] of Object.entries(report)) rows.push([kind, String(c.created), String(c.updated), String(c.unchanged)]);
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  return rows.map((r) => r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ')).join('\n');
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

function report(error: unknown): void {
  if (error instanceof DomainError) {
    // The message ends with the first problems; the full list follows, one per line.
    const end = error.message.indexOf('. ');
    console.error(error.problems.length > 1 && end > 0 ? error.message.slice(0, end + 1) : error.message);
    if (error.problems.length > 1 || (error.problems.length === 1 && !error.message.includes(error.problems[0].message))) {
      for (const p of error.problems) console.error(`  ${p.row ? `row ${p.row}: ` : ''}${p.field ? `${p.field}: ` : ''}${p.message}`);
      console.error(`${error.problems.length} problem(s); nothing was changed.`);
    }
  } else if (error instanceof CliFailure || error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('The import failed:', error);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error) => {
    report(error);
    process.exit(1);
  },
);
