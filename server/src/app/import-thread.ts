import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
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
      // The compiled build (dist/, `npm start`) runs the worker's JavaScript as is; from TypeScript it goes through tsx.
      const worker = COMPILED
        ? new Worker(new URL('./import-worker.js', import.meta.url), { workerData: data, execArgv: [] })
        : new Worker(workerEntry(), { eval: true, workerData: data, execArgv: [] });
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

const COMPILED = import.meta.url.endsWith('.js');

/** As for the detection worker: CommonJS code that registers tsx, then loads the TypeScript worker. */
function workerEntry(): string {
  const require = createRequire(import.meta.url);
  const worker = fileURLToPath(new URL('./import-worker.ts', import.meta.url));
  return `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(worker)});`;
}
