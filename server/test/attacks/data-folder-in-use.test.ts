import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded-postgres.js';

/**
 * Issue 8: a second server on a PGlite folder already in use was refused with a stack trace. The folder is held
 * the way a running server holds it; a real server process started on it must say why in one line and exit.
 */
const serverDir = fileURLToPath(new URL('../..', import.meta.url));

describe('a second server on an embedded database in use', () => {
  let dataDir: string;
  let held: EmbeddedPostgres;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'fe2i-in-use-'));
    held = await startEmbeddedPostgres(path.join(dataDir, 'pglite'));
  });

  afterAll(async () => {
    await held?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is refused with a one-line reason and a non-zero exit code', { timeout: 60_000 }, async () => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development', SEED_DEMO: 'false' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: serverDir, env });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stdout).not.toContain('ready');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^The embedded database in .* is in use by process \d+/)]);
  });
});
