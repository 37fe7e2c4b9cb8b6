import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config.js';

const SECRET = 'a-session-secret-of-at-least-32-chars!';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'fe2i-config-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** The ConfigError loadConfig throws for this environment, or a failure when it accepts it. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: dataDir, ...env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    for (const problem of problems) expect((error as Error).message).toContain(problem);
    return problems;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('has working defaults for a developer machine', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      host: '0.0.0.0',
      port: 4000,
      databaseUrl: undefined,
      redisUrl: undefined,
      dataDir: path.resolve(dataDir),
      allowedOrigins: [],
      seedDemo: true,
      dbPoolMax: 10,
    });
    expect(config.clientDist.endsWith(path.join('client', 'dist'))).toBe(true);
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('does not seed the demo into a PostgreSQL server unless asked', () => {
    const url = 'postgres://fe2i@db.example:5432/fe2i';
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: url }).seedDemo).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: url, SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'no' }).seedDemo).toBe(false);
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '8080',
      DATABASE_URL: 'postgresql://u:p@db:5432/fe2i',
      DATA_DIR: dataDir,
      REDIS_URL: 'rediss://cache:6380',
      REDIS_NAMESPACE: 'valolab-prod',
      SESSION_SECRET: SECRET,
      ALLOWED_ORIGINS: 'https://fe2i.example, https://app.fe2i.example/some/path',
      SEED_DEMO: 'false',
      DB_POOL_MAX: '20',
      AGGREGATE_MIN_ORGANIZATIONS: '5',
      DETECTION_LOCK_TIMEOUT_MS: '1500',
      CLIENT_DIST: path.join(dataDir, 'web'),
      DEBUG_SQL: 'true',
      SMTP_URL: 'smtps://mailer:secret@smtp.fe2i.example:465',
      MAIL_FROM: 'VALO’LAB <fe2i@valolab.example>',
      PUBLIC_URL: 'https://fe2i.example',
      WS_MAX_MESSAGE_BYTES: '32768',
      WS_OPERATIONS_PER_SECOND: '5',
      WS_CONNECTIONS_PER_ADDRESS: '7',
      WS_INIT_TIMEOUT_SECONDS: '3',
      WS_COLLAB_MESSAGES_PER_SECOND: '50',
      WS_COLLAB_DOCUMENTS_PER_CONNECTION: '4',
    });
    expect(config).toEqual({
      nodeEnv: 'production',
      host: '127.0.0.1',
      port: 8080,
      databaseUrl: 'postgresql://u:p@db:5432/fe2i',
      dataDir: path.resolve(dataDir),
      redisUrl: 'rediss://cache:6380',
      redisNamespace: 'valolab-prod',
      sessionSecret: SECRET,
      allowedOrigins: ['https://fe2i.example', 'https://app.fe2i.example'],
      seedDemo: false,
      dbPoolMax: 20,
      aggregateMinOrganizations: 5,
      detectionLockTimeoutMs: 1500,
      clientDist: path.join(dataDir, 'web'),
      debugSql: true,
      smtpUrl: 'smtps://mailer:secret@smtp.fe2i.example:465',
      mailFrom: 'VALO’LAB <fe2i@valolab.example>',
      publicUrl: 'https://fe2i.example',
      sockets: {
        maxMessageBytes: 32_768,
        operationsPerSecond: 5,
        connectionsPerAddress: 7,
        initTimeoutSeconds: 3,
        collabMessagesPerSecond: 50,
        collabDocumentsPerConnection: 4,
      },
    });
  });

  it('the README documents every variable the server reads, and no other', () => {
    const readme = readFileSync(path.join(import.meta.dirname, '../../../README.md'), 'utf8');
    // The server's table only: the web client's build variables have a sub-section of their own.
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Architecture')).split('\n### ')[0];
    const documented = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.keys(CONFIG_VARIABLES).sort());
  });

  it('accepts PORT=0 (any free port, for tests)', () => {
    expect(loadConfig({ DATA_DIR: dataDir, PORT: '0' }).port).toBe(0);
  });

  it.each(['65536', '-1', '4000.5', 'abc', '80 80'])('rejects PORT=%s', (port) => {
    const problems = problemsOf({ PORT: port });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PORT /);
  });

  it.each(['mysql://u@db/fe2i', 'http://db:5432/fe2i', 'not a url'])('rejects DATABASE_URL=%s', (url) => {
    const problems = problemsOf({ DATABASE_URL: url });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_URL /);
  });

  it("names this deployment's Redis keys after its database unless REDIS_NAMESPACE says otherwise", () => {
    const on = (env: Record<string, string>) => loadConfig({ DATA_DIR: dataDir, ...env }).redisNamespace;
    expect(on({ DATABASE_URL: 'postgres://fe2i@db:5432/fe2i_staging' })).toBe('fe2i_staging');
    expect(on({ DATABASE_URL: 'postgres://fe2i@db:5432/fe2i_staging', REDIS_NAMESPACE: 'staging' })).toBe('staging');
    expect(on({})).toBe('embedded');
    expect(problemsOf({ REDIS_NAMESPACE: 'a b' })).toEqual([expect.stringMatching(/^REDIS_NAMESPACE /)]);
    expect(problemsOf({ DATABASE_URL: 'postgres://db/' + 'x'.repeat(64) })).toEqual([expect.stringMatching(/REDIS_NAMESPACE/)]);
  });

  it('rejects a REDIS_URL that is not redis:// or rediss://', () => {
    expect(problemsOf({ REDIS_URL: 'http://cache:6379' })).toEqual([expect.stringMatching(/^REDIS_URL /)]);
  });

  it('rejects a SESSION_SECRET shorter than 32 characters, in every mode', () => {
    for (const nodeEnv of ['development', 'test', 'production']) {
      const problems = problemsOf({ NODE_ENV: nodeEnv, SESSION_SECRET: 'x'.repeat(31) });
      expect(problems).toEqual([expect.stringMatching(/SESSION_SECRET.*32/)]);
    }
    expect(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: 'x'.repeat(32) }).sessionSecret).toBe('x'.repeat(32));
  });

  it('requires a SESSION_SECRET in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/SESSION_SECRET.*required/)]);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      PORT: '99999',
      DATABASE_URL: 'mysql://u@db/fe2i',
      REDIS_URL: 'memcached://cache',
      DB_POOL_MAX: '0',
      SEED_DEMO: 'maybe',
      ALLOWED_ORIGINS: 'not an origin',
    });
    const names = ['PORT', 'DATABASE_URL', 'REDIS_URL', 'DB_POOL_MAX', 'SEED_DEMO', 'ALLOWED_ORIGINS', 'SESSION_SECRET'];
    expect(problems).toHaveLength(names.length);
    for (const name of names) expect(problems.some((p) => p.includes(name)), name).toBe(true);
  });

  it('rejects an unknown NODE_ENV', () => {
    expect(problemsOf({ NODE_ENV: 'staging' })).toEqual([expect.stringMatching(/NODE_ENV/)]);
  });

  it('generates a local secret once and keeps it in DATA_DIR', () => {
    const dir = path.join(dataDir, 'nested', 'data');
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    const second = loadConfig({ DATA_DIR: dir }).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    const file = path.join(dir, 'session-secret');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
    // Another data folder gets another secret; an explicit secret wins over the stored one.
    expect(loadConfig({ DATA_DIR: path.join(dataDir, 'other') }).sessionSecret).not.toBe(first);
    expect(loadConfig({ DATA_DIR: dir, SESSION_SECRET: SECRET }).sessionSecret).toBe(SECRET);
  });
});
