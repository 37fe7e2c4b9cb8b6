import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Everything the server reads from its environment, validated once at start. */
export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** PostgreSQL connection string; when absent the server runs on embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Redis for pub/sub between several instances; in-process pub/sub when absent. */
  redisUrl: string | undefined;
  /**
   * What this deployment's keys in Redis start with (`fe2i:<namespace>:…`): two deployments sharing one Redis
   * (staging and production, or test servers) must not count each other's log-ins nor hear each other's events.
   */
  redisNamespace: string;
  sessionSecret: string;
  /** Origins allowed to open WebSockets and to send cookies-bearing requests. Empty = same host only. */
  allowedOrigins: string[];
  /** Load the Val de Fensch demo territory into an empty database at start. */
  seedDemo: boolean;
  dbPoolMax: number;
  /** Territory aggregates are shown to non-facilitators only when at least this many organisations contribute. */
  aggregateMinOrganizations: number;
  /** How long a synergy reconciliation waits for another one of the same root territory (ms). */
  detectionLockTimeoutMs: number;
  /** Serve the built client from this folder when it exists. */
  clientDist: string;
  /** Print every SQL statement. */
  debugSql: boolean;
  /** SMTP server for e-mails (password reset): `smtp://user:pass@host:587`; absent: e-mails are printed in the log. */
  smtpUrl: string | undefined;
  /** The sender of those e-mails. */
  mailFrom: string;
  /** The address people open the server at, for links in e-mails. */
  publicUrl: string;
  /** Limits of every WebSocket path (/graphql, /collab): see http/socket-limits.ts. */
  sockets: SocketLimits;
}

export interface SocketLimits {
  /** Bytes in one message; a bigger one closes the socket with 1009 before it is read. */
  maxMessageBytes: number;
  /** Operations a connection may start per second; beyond, RATE_LIMITED. */
  operationsPerSecond: number;
  /** Open sockets per client address; beyond, the upgrade is refused with 429. */
  connectionsPerAddress: number;
  /** Seconds a socket may stay open without saying who it is (graphql-ws `connection_init`). */
  initTimeoutSeconds: number;
  /** Messages (Yjs updates, presence) one /collab socket may send per second; beyond, it is closed (4429). */
  collabMessagesPerSecond: number;
  /** Live documents one /collab socket may open. */
  collabDocumentsPerConnection: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const nodeEnv = readNodeEnv(env.NODE_ENV, problems);
  const port = readInt('PORT', env.PORT, 4000, 0, 65535, problems); // 0 = any free port (tests)
  const dbPoolMax = readInt('DB_POOL_MAX', env.DB_POOL_MAX, 10, 1, 200, problems);
  const aggregateMinOrganizations = readInt('AGGREGATE_MIN_ORGANIZATIONS', env.AGGREGATE_MIN_ORGANIZATIONS, 3, 2, 1000, problems);
  const detectionLockTimeoutMs = readInt('DETECTION_LOCK_TIMEOUT_MS', env.DETECTION_LOCK_TIMEOUT_MS, 60_000, 100, 3_600_000, problems);
  const databaseUrl = readUrl('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:'], problems);
  const redisUrl = readUrl('REDIS_URL', env.REDIS_URL, ['redis:', 'rediss:'], problems);
  const dataDir = path.resolve(env.DATA_DIR || path.join(repoRoot, '.data'));
  const redisNamespace = readRedisNamespace(env.REDIS_NAMESPACE, databaseUrl, problems);
  const allowedOrigins = readOrigins(env.ALLOWED_ORIGINS, problems);
  const seedDemo = readBool('SEED_DEMO', env.SEED_DEMO, databaseUrl === undefined, problems);
  const debugSql = readBool('DEBUG_SQL', env.DEBUG_SQL, false, problems);
  const smtpUrl = readUrl('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:'], problems);
  const publicUrl = readUrl('PUBLIC_URL', env.PUBLIC_URL, ['http:', 'https:'], problems) ?? `http://localhost:${port || 4000}`;
  const sockets: SocketLimits = {
    maxMessageBytes: readInt('WS_MAX_MESSAGE_BYTES', env.WS_MAX_MESSAGE_BYTES, 65_536, 1024, 16_777_216, problems),
    operationsPerSecond: readInt('WS_OPERATIONS_PER_SECOND', env.WS_OPERATIONS_PER_SECOND, 20, 1, 10_000, problems),
    connectionsPerAddress: readInt('WS_CONNECTIONS_PER_ADDRESS', env.WS_CONNECTIONS_PER_ADDRESS, 100, 1, 100_000, problems),
    initTimeoutSeconds: readInt('WS_INIT_TIMEOUT_SECONDS', env.WS_INIT_TIMEOUT_SECONDS, 10, 1, 300, problems),
    collabMessagesPerSecond: readInt('WS_COLLAB_MESSAGES_PER_SECOND', env.WS_COLLAB_MESSAGES_PER_SECOND, 200, 1, 100_000, problems),
    collabDocumentsPerConnection: readInt('WS_COLLAB_DOCUMENTS_PER_CONNECTION', env.WS_COLLAB_DOCUMENTS_PER_CONNECTION, 10, 1, 1000, problems),
  };
  let sessionSecret = env.SESSION_SECRET ?? '';
  if (sessionSecret && sessionSecret.length < 32) {
    problems.push('SESSION_SECRET must be at least 32 characters long');
  }
  if (!sessionSecret && nodeEnv === 'production') {
    problems.push('SESSION_SECRET is required when NODE_ENV=production');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  if (!sessionSecret) sessionSecret = localSecret(dataDir);
  return {
    nodeEnv,
    host: env.HOST || '0.0.0.0',
    port,
    databaseUrl,
    dataDir,
    redisUrl,
    redisNamespace,
    sessionSecret,
    allowedOrigins,
    seedDemo,
    dbPoolMax,
    aggregateMinOrganizations,
    detectionLockTimeoutMs,
    clientDist: path.resolve(env.CLIENT_DIST || path.join(repoRoot, 'client/dist')),
    debugSql,
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'FE2I <no-reply@localhost>',
    publicUrl,
    sockets,
  };
}

/** Outside production a secret is generated once and kept in the data folder, so sessions survive restarts. */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function readNodeEnv(value: string | undefined, problems: string[]): Config['nodeEnv'] {
  const v = value || 'development';
  if (v === 'development' || v === 'production' || v === 'test') return v;
  problems.push(`NODE_ENV must be development, production or test (got "${v}")`);
  return 'development';
}

function readInt(name: string, value: string | undefined, dflt: number, min: number, max: number, problems: string[]) {
  if (value === undefined || value === '') return dflt;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${value}")`);
    return dflt;
  }
  return n;
}

function readBool(name: string, value: string | undefined, dflt: boolean, problems: string[]) {
  if (value === undefined || value === '') return dflt;
  if (/^(1|true|yes)$/i.test(value)) return true;
  if (/^(0|false|no)$/i.test(value)) return false;
  problems.push(`${name} must be true or false (got "${value}")`);
  return dflt;
}

function readUrl(name: string, value: string | undefined, protocols: string[], problems: string[]) {
  if (value === undefined || value === '') return undefined;
  try {
    const url = new URL(value);
    if (!protocols.includes(url.protocol)) {
      problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
    }
    return value;
  } catch {
    problems.push(`${name} is not a valid URL`);
    return undefined;
  }
}

/**
 * REDIS_NAMESPACE, or by default the database's name: the instances of one deployment share their database, so
 * they share a namespace without being told, and a deployment on another database gets keys of its own.
 */
function readRedisNamespace(value: string | undefined, databaseUrl: string | undefined, problems: string[]): string {
  const namespace = value || (databaseUrl ? decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) : '') || 'embedded';
  if (/^[A-Za-z0-9_.-]{1,63}$/.test(namespace)) return namespace;
  problems.push(value ? `REDIS_NAMESPACE must be 1 to 63 letters, digits, '.', '_' or '-' (got "${value}")` : `set REDIS_NAMESPACE: the database name "${namespace}" cannot name Redis keys`);
  return 'embedded';
}

function readOrigins(value: string | undefined, problems: string[]): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((origin) => {
      try {
        return new URL(origin).origin;
      } catch {
        problems.push(`ALLOWED_ORIGINS contains an invalid origin "${origin}"`);
        return origin;
      }
    });
}

/** Every environment variable the server reads, with what it does: the README and docker/ must agree with it. */
export const CONFIG_VARIABLES: Record<string, string> = {
  NODE_ENV: 'development (default), production or test',
  HOST: 'interface to listen on (default 0.0.0.0)',
  PORT: 'HTTP and WebSocket port (default 4000)',
  DATABASE_URL: 'postgres:// URL of a PostgreSQL server; unset = embedded PGlite under DATA_DIR',
  DATA_DIR: 'folder of the embedded database and local secret (default ./.data)',
  REDIS_URL: 'redis:// URL for pub/sub between several instances; unset = in-process',
  REDIS_NAMESPACE: "what this deployment's Redis keys start with, fe2i:<namespace>: (default: the database's name)",
  SESSION_SECRET: 'at least 32 characters; required in production, generated into DATA_DIR otherwise',
  ALLOWED_ORIGINS: 'comma-separated origins allowed for WebSockets and cross-site requests (default: same host)',
  SEED_DEMO: 'load the Val de Fensch demo territory into an empty database (default: true on PGlite)',
  DB_POOL_MAX: 'maximum PostgreSQL connections per instance (default 10; capped at 4 on PGlite)',
  AGGREGATE_MIN_ORGANIZATIONS: 'territory totals are shown to members only when at least this many organisations contribute (default 3)',
  DETECTION_LOCK_TIMEOUT_MS: "how long a synergy detection waits for another instance's detection of the same root territory, in ms (default 60000)",
  CLIENT_DIST: 'folder of the built web client to serve (default client/dist)',
  DEBUG_SQL: 'print every SQL statement (default false)',
  SMTP_URL: 'smtp:// or smtps:// URL of the server for e-mails (password reset links); unset = printed in the log',
  MAIL_FROM: 'sender of those e-mails (default FE2I <no-reply@localhost>)',
  PUBLIC_URL: 'the address people open FE2I at, for links in e-mails (default http://localhost:<PORT>)',
  WS_MAX_MESSAGE_BYTES: 'largest WebSocket message in bytes; a bigger one closes the socket with 1009 (default 65536)',
  WS_OPERATIONS_PER_SECOND: 'operations one WebSocket connection may start per second (default 20)',
  WS_CONNECTIONS_PER_ADDRESS: 'open WebSockets per client address, all paths together (default 100)',
  WS_INIT_TIMEOUT_SECONDS: 'seconds a WebSocket may stay open before connection_init or, on /collab, an authenticated document (default 10)',
  WS_COLLAB_MESSAGES_PER_SECOND: 'messages one /collab socket may send per second; beyond, it is closed with 4429 (default 200)',
  WS_COLLAB_DOCUMENTS_PER_CONNECTION: 'live documents one /collab socket may open (default 10)',
};
