import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../../src/demo/demo-accounts.js';
import type { As, GraphQLResponse } from '../harness.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The real server as a process of its own (`node --import tsx server/src/main.ts`, as the browser tests start it),
 * on a fixed port and database, so that a test can kill it with SIGKILL and start it again where it was.
 */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private readonly output: string[] = [];
  private readonly dataDir = mkdtempSync(path.join(os.tmpdir(), 'fe2i-collab-'));
  private readonly secret = randomBytes(32).toString('base64url');

  private constructor(
    readonly port: number,
    readonly databaseUrl: string,
    private readonly nodeArgs: string[],
  ) {}

  /** `nodeArgs` go before the script (a benchmark profiles the server with `--cpu-prof`). */
  static async create(databaseUrl: string, nodeArgs: string[] = []): Promise<ServerProcess> {
    return new ServerProcess(await freePort(), databaseUrl, nodeArgs);
  }

  /** The running process's id (benchmarks read its CPU time). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The last lines the running server printed (its stdout and stderr, most recent last). */
  get recentOutput(): string {
    return this.output.join('');
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const { DATABASE_URL, REDIS_URL, DB_POOL_MAX, ...env } = process.env;
    void [DATABASE_URL, REDIS_URL, DB_POOL_MAX];
    const child = spawn(process.execPath, [...this.nodeArgs, '--import', 'tsx', 'server/src/main.ts'], {
      cwd: repoRoot,
      env: { ...env, NODE_ENV: 'test', PORT: String(this.port), HOST: '127.0.0.1', DATABASE_URL: this.databaseUrl, DATA_DIR: this.dataDir, SEED_DEMO: 'true', SESSION_SECRET: this.secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString());
      if (this.output.length > 200) this.output.shift();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${this.output.join('')}`);
      if (Date.now() > deadline) throw new Error(`The server was not ready in time:\n${this.output.join('')}`);
      try {
        if ((await fetch(`${this.url}/readyz`)).status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed; resolves once the process is gone. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM: the server drains and exits (a `--cpu-prof` profile is written then); it can be started again. */
  async terminate(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  }

  async stop(): Promise<void> {
    await this.terminate();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: As): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (as?.cookie) headers.cookie = as.cookie;
    if (as?.token) headers.authorization = `Bearer ${as.token}`;
    const res = await fetch(`${this.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: T; errors?: GraphQLResponse['errors'] };
    return { status: res.status, data: body.data ?? undefined, errors: body.errors, headers: res.headers };
  }

  async logIn(email: string, password = DEMO_PASSWORD): Promise<{ cookie: string }> {
    const res = await this.gql(`mutation($e: String!, $p: String!) { logIn(input: {email: $e, password: $p}) { viewer { email } } }`, { e: email, p: password });
    if (res.errors) throw new Error(`log-in failed: ${JSON.stringify(res.errors)}`);
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] };
  }

  /** The document as PostgreSQL holds it (snapshot and log), read directly: no server needed. */
  async stored(documentName: string): Promise<Y.Doc> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      const doc = new Y.Doc();
      const snapshot = await client.query(`select state from collab_snapshot where document_name = $1`, [documentName]);
      for (const row of snapshot.rows) Y.applyUpdate(doc, new Uint8Array(row.state));
      const log = await client.query(`select "update" from collab_update where document_name = $1 order by seq`, [documentName]);
      for (const row of log.rows) Y.applyUpdate(doc, new Uint8Array(row.update));
      return doc;
    } finally {
      await client.end();
    }
  }
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
