import { LARGE_YOUNG_GENERATION, startModuleWorker } from '../threads/module-worker.js';
import { DomainError, type DomainErrorCode, type FieldProblem } from '../errors/domain-errors.js';
import type { ImportOutcome, OffThreadImport } from '../importer/import.service.js';
import type { MaybeViewer } from '../policy/viewer.js';

export interface ImportWorkerData {
  clientUrl: string;
  /** Embedded PGlite (no named prepared statements: see db/plain-sql.ts). */
  embedded: boolean;
  needCodes: string[];
  viewer: MaybeViewer;
  fileName: string;
  content: string;
}

export type ImportWorkerReply =
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'refused'; code: DomainErrorCode; message: string; problems: FieldProblem[]; retryAfterSeconds?: number }
  | { type: 'failed'; message: string };

/**
 * Large imports in a worker thread each (app/import-worker.ts), with a database connection of its own: parsing,
 * checking and writing thousands of records held the event loop about a second per megabyte. A refusal comes back
 * as the DomainError the service would have thrown; anything else as an error the formatter logs and hides.
 */
export function offThreadImport(clientUrl: string, needCodes: ReadonlySet<string>, embedded = false): OffThreadImport {
  return (viewer, fileName, content) =>
    new Promise<ImportOutcome>((resolve, reject) => {
      const data: ImportWorkerData = { clientUrl, embedded, needCodes: [...needCodes], viewer, fileName, content };
      const worker = startModuleWorker(import.meta.url, './import-worker', { workerData: data, resourceLimits: LARGE_YOUNG_GENERATION });
      let answered = false;
      worker.once('message', (message: ImportWorkerReply) => {
        answered = true;
        if (message.type === 'done') resolve(message.outcome);
        else if (message.type === 'refused') reject(new DomainError(message.code, message.message, message.problems, message.retryAfterSeconds));
        else reject(new Error(`The import failed in its worker: ${message.message}`));
      });
      worker.once('error', (error) => {
        if (!answered) reject(error);
      });
      worker.once('exit', (code) => {
        if (!answered) reject(new Error(`The import worker exited (code ${code}) before answering.`));
      });
    });
}
