import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_SESSION_SECRET } from './bench-database.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const SERVER_DIR = path.resolve(import.meta.dirname, '../..');

/** The product as `npm start` runs it (server/package.json's start script), on the bench database. */
export function startProduct(databaseUrl: string, env: Record<string, string | undefined> = {}): Promise<ServerProcess> {
  return startServerProcess('npm', ['run', '--silent', 'start'], {
    cwd: SERVER_DIR,
    env: {
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      SESSION_SECRET: BENCH_SESSION_SECRET,
      SEED_DEMO: 'false',
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'fe2i-bench-')),
      REDIS_URL: undefined,
      DEBUG_SQL: undefined,
      ...env,
    },
    ready: /FE2I is ready on (\S+) /,
  });
}

/** The bare Apollo Server + pg baseline (baseline-server.ts), in production mode as a bare stack would be served. */
export function startBaseline(databaseUrl: string): Promise<ServerProcess> {
  return startServerProcess(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'baseline-server.ts')], {
    cwd: SERVER_DIR,
    env: { DATABASE_URL: databaseUrl, PORT: '0', SESSION_SECRET: BENCH_SESSION_SECRET, NODE_ENV: 'production', DB_POOL_MAX: '10' },
    ready: /baseline ready on (\S+)/,
  });
}
