import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_SESSION_SECRET } from './bench-database.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

const SERVER_DIR = path.resolve(import.meta.dirname, '../..');

let built = false;

/**
 * The product as `npm start` runs it: its prestart (the build) once, then server/package.json's start script run
 * directly, as the Docker image and the smoke test do (npm would add a process and, on a second instance, a rebuild
 * under the first one's feet).
 */
export function startProduct(databaseUrl: string, env: Record<string, string | undefined> = {}): Promise<ServerProcess> {
  const scripts = JSON.parse(readFileSync(path.join(SERVER_DIR, 'package.json'), 'utf8')).scripts as Record<string, string>;
  if (!built && scripts.prestart) {
    const build = spawnSync('npm', ['run', '--silent', 'prestart'], { cwd: SERVER_DIR, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run prestart failed:\n${build.stdout}\n${build.stderr}`);
    built = true;
  }
  const [command, ...args] = scripts.start.trim().split(/\s+/);
  // e.g. BENCH_PRODUCT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the product under the bench's load.
  if (command === 'node' && process.env.BENCH_PRODUCT_NODE_ARGS) args.unshift(...process.env.BENCH_PRODUCT_NODE_ARGS.split(/\s+/));
  return startServerProcess(command, args, {
    cwd: SERVER_DIR,
    env: {
      PATH: `${path.resolve(SERVER_DIR, '../node_modules/.bin')}${path.delimiter}${process.env.PATH}`,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      SESSION_SECRET: BENCH_SESSION_SECRET,
      SEED_DEMO: 'false',
      // Unused on PostgreSQL with SESSION_SECRET given: nothing is written there.
      DATA_DIR: path.join(os.tmpdir(), 'fe2i-bench-data'),
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
