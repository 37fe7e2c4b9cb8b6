import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const clientDir = fileURLToPath(new URL('..', import.meta.url));
export const repoRoot = path.resolve(clientDir, '..');

/** A production build of the client into a temporary folder, by the client's own vite. */
export async function buildClient(): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'fe2i-e2e-dist-'));
  await run('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: clientDir,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return outDir;
}

export interface TestServer {
  url: string;
  /** The database it runs on (PostgreSQL only), for a second instance to share. */
  databaseUrl?: string;
  /** The secret its sessions are signed with, for a second instance to share. */
  sessionSecret: string;
  /** What the server printed so far (its last 200 chunks): links printed instead of e-mails, the setup link. */
  output(): string;
  /** How much the server has printed so far, to wait only for what it prints afterwards. */
  outputMark(): number;
  /** Waits until what the server printed after `since` (an `outputMark()`, default the start) matches `pattern`. */
  waitForOutput(pattern: RegExp, since?: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

/** A second instance behind the same load balancer: the first one's database and secret, and Redis between them. */
export interface SharedInstance {
  sharing: TestServer;
  redisUrl: string;
}

export interface ServerOptions {
  /** Load the Val de Fensch demo territory (default true, never for a shared instance); false = a fresh instance, entered by its setup link. */
  seedDemo?: boolean;
  /** Use Redis (its URL). */
  redisUrl?: string;
  /** A second instance of another one. */
  shared?: SharedInstance;
}

/**
 * The real server (`npx tsx server/src/main.ts`) on a free port, a fresh data folder and the demo territory. On
 * PostgreSQL (DATABASE_URL set) it gets a database of its own, dropped at stop. With `redisUrl` it uses Redis; with
 * `shared`, it is a second instance of another one: same database (not dropped at its stop), same session secret,
 * both on Redis, no second seeding.
 */
export async function startServer(clientDist: string, options: ServerOptions = {}): Promise<TestServer> {
  const { shared, seedDemo = true } = options;
  const redisUrl = shared?.redisUrl ?? options.redisUrl;
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'fe2i-e2e-data-'));
  if (shared && !shared.sharing.databaseUrl) throw new Error('Two instances share PostgreSQL: set DATABASE_URL.');
  const database = shared
    ? { url: shared.sharing.databaseUrl!, drop: async () => {} }
    : process.env.DATABASE_URL
      ? await createDatabase(process.env.DATABASE_URL)
      : undefined;
  const sessionSecret = shared?.sharing.sessionSecret ?? randomBytes(32).toString('base64url');
  const env: NodeJS.ProcessEnv = {
    ...withoutServerConfig(process.env),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CLIENT_DIST: clientDist,
    SEED_DEMO: seedDemo && !shared ? 'true' : 'false',
    SESSION_SECRET: sessionSecret,
    NODE_ENV: 'test',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  };
  // Node itself with tsx's loader, not `npx tsx` (which runs the server in a grandchild): the child's exit is then
  // the server's, so the data folder is removed only once the server has closed its embedded database. A group of
  // its own all the same, so that stopping reaches anything it starts.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let dropped = 0;
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) dropped += output.shift()!.length;
  };
  const printed = () => output.join('');
  const waitForOutput = async (pattern: RegExp, since = 0) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const match = printed().slice(Math.max(0, since - dropped)).match(pattern);
      if (match) return match;
      if (Date.now() > deadline) throw new Error(`The server did not print ${pattern} within 30 s.\n--- server output ---\n${printed()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await terminate(child);
    await database?.drop();
    // The embedded database may still be flushing files as its process exits: retried rather than left behind.
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  try {
    await waitUntilReady(url, child, 180_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output.join('')}`);
  }
  return { url, databaseUrl: database?.url, sessionSecret, stop, output: printed, outputMark: () => dropped + printed().length, waitForOutput };
}

/** The caller's environment minus what could point the server at shared resources. */
function withoutServerConfig(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL, REDIS_URL, ALLOWED_ORIGINS, DB_POOL_MAX, ...rest } = env;
  void [DATABASE_URL, REDIS_URL, ALLOWED_ORIGINS, DB_POOL_MAX];
  return rest;
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode} before it was ready.`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server was not ready within ${timeoutMs / 1000} s.`);
}

async function terminate(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, 15_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A new, empty database on the server of `adminUrl`, so the demo seed and the test touch nothing else. */
async function createDatabase(adminUrl: string) {
  const name = `fe2i_e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${stderr}`)),
    );
  });
}
