import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { openOrm } from '../db/orm.js';
import { DomainError } from '../errors/domain-errors.js';
import { applyImport, parseImportFile } from '../importer/import.service.js';
import { ENTITIES } from './entities.js';
import type { ImportWorkerData, ImportWorkerReply } from './import-thread.js';

/**
 * One import, in a worker thread (app/import-thread.ts): parses the file, checks it and applies it over a database
 * connection of its own, then answers the outcome or the refusal and ends. Announcing the flow changes is left to
 * the main thread, where the pub/sub lives.
 */
const { clientUrl, embedded, needCodes, viewer, fileName, content } = workerData as ImportWorkerData;
const reply = (message: ImportWorkerReply) => parentPort!.postMessage(message);

void (async () => {
  const orm = await openOrm({ clientUrl, poolMax: 1, entities: ENTITIES, embedded });
  try {
    reply({ type: 'done', outcome: await applyImport(orm.em.fork(), new Set(needCodes), viewer, parseImportFile(fileName, content)) });
  } catch (error) {
    if (error instanceof DomainError) {
      reply({ type: 'refused', code: error.code, message: error.message, problems: error.problems, retryAfterSeconds: error.retryAfterSeconds });
    } else {
      reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  } finally {
    await orm.close();
  }
})();
