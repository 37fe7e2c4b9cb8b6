import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { servePglite } from './pglite-wire-server.js';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export class DataFolderInUseError extends Error {
  constructor(folder: string, pid: number) {
    super(`The embedded database in ${folder} is in use by process ${pid} (the server, or an import). Stop it first, or use the importData mutation of the running server.`);
    this.name = 'DataFolderInUseError';
  }
}

/**
 * PostgreSQL compiled to WASM, kept in `dataDir`, served on a loopback port so that MikroORM talks to it with the
 * same `pg` driver as to a real server. All connections share one backend: their statements are serialised, each
 * connection's batch and transaction as a whole (pglite-wire-server.ts).
 * PGlite takes no lock on its folder and two processes on one folder corrupt it: we take one.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = lockFolder(dataDir);
  try {
    const db = await PGlite.create({ dataDir });
    const server = await servePglite(db);
    return {
      url: `postgres://postgres@${server.address}/postgres`,
      async stop() {
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

function lockFolder(dataDir: string): () => void {
  const lockFile = path.join(dataDir, '..', `${path.basename(dataDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockFile, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) throw new DataFolderInUseError(dataDir, pid);
      rmSync(lockFile, { force: true }); // left by a process that died
    }
  }
  throw new Error(`Cannot lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
