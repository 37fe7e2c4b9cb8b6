import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from './config.js';

/**
 * docker/Dockerfile, docker/compose.yaml and the server's configuration contract (config.ts) must agree: these
 * tests read the files as text, since no Docker engine runs where the tests do.
 */

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const dockerfilePath = path.join(repoRoot, 'docker/Dockerfile');
const composePath = path.join(repoRoot, 'docker/compose.yaml');
const A_SECRET = 'compose-test-secret-0123456789abcdefghij';

// ---------------------------------------------------------------------------------------------------------------
// A small Dockerfile reader: enough for the instructions this project uses.

interface Instruction {
  keyword: string;
  args: string;
  stage: number;
}

function readDockerfile(text: string): Instruction[] {
  const logical: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (/^\s*#/.test(line)) continue; // comments, also between continuation lines
    if (!current && !line.trim()) continue;
    if (/\\\s*$/.test(line)) {
      current += line.replace(/\\\s*$/, ' ');
      continue;
    }
    current += line;
    if (current.trim()) logical.push(current.trim());
    current = '';
  }
  if (current.trim()) logical.push(current.trim());
  let stage = -1;
  return logical.map((line) => {
    const match = /^(\S+)\s*(.*)$/s.exec(line)!;
    const keyword = match[1].toUpperCase();
    if (keyword === 'FROM') stage += 1;
    return { keyword, args: match[2].trim(), stage };
  });
}

/** `ENV a=b c="d e"` or the legacy `ENV a b`. */
function readEnv(args: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!/^[\w.-]+=/.test(args)) {
    const [key, ...rest] = args.split(/\s+/);
    out[key] = rest.join(' ');
    return out;
  }
  const re = /([\w.-]+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  for (const m of args.matchAll(re)) {
    const value = m[2];
    out[m[1]] = /^["']/.test(value) ? value.slice(1, -1) : value;
  }
  return out;
}

/** The JSON (exec) form of CMD, ENTRYPOINT or HEALTHCHECK CMD. */
function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((s) => typeof s === 'string')) {
    throw new Error(`not an exec form: ${args}`);
  }
  return parsed;
}

const instructions = readDockerfile(readFileSync(dockerfilePath, 'utf8'));
const lastStage = Math.max(...instructions.map((i) => i.stage));
const runtime = instructions.filter((i) => i.stage === lastStage);
const runtimeEnv: Record<string, string> = Object.assign(
  {},
  ...runtime.filter((i) => i.keyword === 'ENV').map((i) => readEnv(i.args)),
);
const exposed = runtime.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.args.split(/\s+/));
const finalOf = (keyword: string) => runtime.filter((i) => i.keyword === keyword).at(-1);

// ---------------------------------------------------------------------------------------------------------------
// Compose, with its variable interpolation.

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  ports?: (string | number | { target: number; published?: string | number })[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
}
interface ComposeFile {
  services: Record<string, ComposeService>;
}

/** Compose's `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}` and `$$`. */
function interpolate(value: string, vars: Record<string, string | undefined>): string {
  return value.replace(/\$\$|\$\{(\w+)(?:(:?[-?])([^}]*))?\}|\$(\w+)/g, (whole, braced, op, arg, bare) => {
    if (whole === '$$') return '$';
    const name: string = braced ?? bare;
    const v = vars[name];
    const missing = op?.startsWith(':') ? !v : v === undefined;
    if (op?.endsWith('-')) return missing ? arg : v!;
    if (op?.endsWith('?')) {
      if (missing) throw new Error(`required variable ${name} is missing a value: ${arg}`);
      return v!;
    }
    return v ?? '';
  });
}

const compose = parseYaml(readFileSync(composePath, 'utf8')) as ComposeFile;
const server = compose.services.server;

function rawServerEnv(): Record<string, string> {
  const env = server.environment ?? {};
  const entries = Array.isArray(env)
    ? env.map((line) => {
        const i = line.indexOf('=');
        return [line.slice(0, i), line.slice(i + 1)];
      })
    : Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]);
  return Object.fromEntries(entries);
}

function serverEnv(vars: Record<string, string | undefined> = { SESSION_SECRET: A_SECRET }): Record<string, string> {
  return Object.fromEntries(Object.entries(rawServerEnv()).map(([k, v]) => [k, interpolate(v, vars)]));
}

function serviceEnv(name: string): Record<string, string> {
  const env = compose.services[name].environment ?? {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((l) => [l.split('=')[0], l.split('=').slice(1).join('=')]));
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(String(v ?? ''), {})]));
}

const serverPackage = JSON.parse(readFileSync(path.join(repoRoot, 'server/package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
};

// ---------------------------------------------------------------------------------------------------------------

describe('docker/compose.yaml and the configuration', () => {
  it('sets only variables the server documents in CONFIG_VARIABLES', () => {
    const unknown = Object.keys(rawServerEnv()).filter((k) => !(k in CONFIG_VARIABLES));
    expect(unknown).toEqual([]);
  });

  it('gives a server environment that loadConfig accepts', () => {
    const config = loadConfig(serverEnv());
    expect(config.nodeEnv).toBe('production');
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toMatch(/^postgres(ql)?:\/\//);
    expect(config.redisUrl).toMatch(/^rediss?:\/\//);
    expect(config.sessionSecret).toBe(A_SECRET);
    expect(config.seedDemo).toBe(false);
    expect(loadConfig(serverEnv({ SESSION_SECRET: A_SECRET, SEED_DEMO: 'true' })).seedDemo).toBe(true);
  });

  it('refuses to start without a SESSION_SECRET instead of running production on a known one', () => {
    expect(rawServerEnv().SESSION_SECRET).toMatch(/^\$\{SESSION_SECRET:\?/);
    expect(() => serverEnv({})).toThrow(/SESSION_SECRET/);
  });

  it('publishes the port the image exposes and the server listens on', () => {
    const ports = (server.ports ?? []).map((p) =>
      typeof p === 'object' ? { host: String(p.published), container: String(p.target) } : parsePort(String(p)),
    );
    expect(ports).toHaveLength(1);
    const [{ host, container }] = ports;
    expect(host).toBe('4000');
    expect(exposed).toEqual([container]);
    expect(runtimeEnv.PORT).toBe(container);
    expect(serverEnv().PORT ?? runtimeEnv.PORT).toBe(container);
  });

  it('points DATABASE_URL at the postgres service on its standard port and database', () => {
    const url = new URL(serverEnv().DATABASE_URL);
    expect(url.hostname).toBe('postgres');
    expect(compose.services[url.hostname]?.image).toMatch(/^postgres:/);
    expect(url.port || '5432').toBe('5432');
    const pg = serviceEnv('postgres');
    expect(url.pathname).toBe(`/${pg.POSTGRES_DB}`);
    expect(pg.POSTGRES_DB).toBe('fe2i');
    expect(decodeURIComponent(url.username)).toBe(pg.POSTGRES_USER ?? 'postgres');
    expect(decodeURIComponent(url.password)).toBe(pg.POSTGRES_PASSWORD);
  });

  it('points REDIS_URL at the redis service on its standard port', () => {
    const url = new URL(serverEnv().REDIS_URL);
    expect(url.hostname).toBe('redis');
    expect(compose.services[url.hostname]?.image).toMatch(/^redis:/);
    expect(url.port || '6379').toBe('6379');
  });

  it('starts the server after its dependencies are healthy', () => {
    const deps = server.depends_on;
    expect(deps && !Array.isArray(deps)).toBe(true);
    const entries = Object.entries(deps as Record<string, { condition?: string }>);
    expect(entries.map(([name]) => name).sort()).toEqual(['postgres', 'redis']);
    for (const [name, dep] of entries) {
      expect(dep.condition, name).toBe('service_healthy');
      expect(compose.services[name].healthcheck?.test, name).toBeTruthy();
    }
  });

  it('builds the server from docker/Dockerfile with the repository as context', () => {
    const build = server.build;
    expect(typeof build).toBe('object');
    const { context = '.', dockerfile = 'Dockerfile' } = build as { context?: string; dockerfile?: string };
    const contextDir = path.resolve(path.dirname(composePath), context);
    expect(contextDir).toBe(repoRoot);
    expect(path.resolve(contextDir, dockerfile)).toBe(dockerfilePath);
  });
});

describe('docker/Dockerfile', () => {
  it('installs from the lockfile with npm ci, with every workspace manifest present', () => {
    const copies = instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies.some((a) => /\bpackage-lock\.json\b/.test(a))).toBe(true);
    const runs = instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs.some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    expect(runs.some((r) => /\bnpm install\b|\bnpm i\b/.test(r))).toBe(false);
    const rootPackage = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { workspaces: string[] };
    for (const ws of rootPackage.workspaces) {
      expect(copies.some((a) => a.split(/\s+/).includes(`${ws}/package.json`)), ws).toBe(true);
    }
  });

  it('runs on Node 20 in every stage', () => {
    const froms = instructions.filter((i) => i.keyword === 'FROM').map((i) => i.args.split(/\s+/)[0]);
    const external = froms.filter((image) => image.includes(':'));
    expect(external.length).toBeGreaterThan(0);
    for (const image of external) expect(image).toMatch(/^node:20[.-]/);
  });

  it('runs as the unprivileged node user in production mode', () => {
    expect(finalOf('USER')?.args).toBe('node');
    expect(runtimeEnv.NODE_ENV).toBe('production');
  });

  it('sets only documented variables (besides npm and PATH plumbing)', () => {
    const unknown = Object.keys(runtimeEnv).filter(
      (k) => !(k in CONFIG_VARIABLES) && !/^(PATH|NODE_OPTIONS|NPM_CONFIG_\w+)$/.test(k),
    );
    expect(unknown).toEqual([]);
  });

  it('starts the server with its package start script, from the server folder', () => {
    const start = serverPackage.scripts.start;
    expect(start).toBeTruthy();
    const cmd = execForm(finalOf('CMD')!.args);
    expect(finalOf('ENTRYPOINT')).toBeUndefined();
    const workdir = finalOf('WORKDIR')?.args;
    if (cmd.join(' ') === 'npm start -w server' || cmd.join(' ') === 'npm start --workspace server') {
      expect(workdir).toBe('/app');
    } else {
      // The start script's words, run directly: npm would not pass SIGTERM on to the server.
      expect(cmd).toEqual(start.split(/\s+/));
      expect(workdir).toBe('/app/server');
      const bin = cmd[0];
      // node itself (the compiled server) is the image's; any other program must be a runtime dependency.
      if (bin !== 'node') expect(serverPackage.dependencies?.[bin], `${bin} must be a runtime dependency`).toBeTruthy();
      expect(runtimeEnv.PATH.split(':')).toContain('/app/node_modules/.bin');
    }
    // The entry file is copied into the runtime image.
    const entry = start.split(/\s+/).find((w) => /\.[cm]?[jt]s$/.test(w))!;
    const copied = runtime.filter((i) => i.keyword === 'COPY').map((i) => i.args.split(/\s+/).at(-1)!);
    expect(copied.some((dest) => `server/${entry}`.startsWith(dest.replace(/^\.?\//, '')))).toBe(true);
  });

  it('checks health on /healthz with node (the slim image has no curl)', () => {
    const healthcheck = finalOf('HEALTHCHECK')!;
    expect(healthcheck).toBeDefined();
    const match = /\bCMD\s+(\[.*\])\s*$/s.exec(healthcheck.args)!;
    const cmd = execForm(match[1]);
    expect(cmd[0]).toBe('node');
    expect(cmd.join(' ')).toMatch(/:\/\/[^/'"]*\/healthz\b|['"]\/healthz['"]/);
    expect(cmd.join(' ')).not.toMatch(/\b(curl|wget)\b/);
  });

  it('keeps node_modules and local data out of the build context', () => {
    const ignore = readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    expect(ignore).toEqual(expect.arrayContaining(['**/node_modules', '.git']));
    expect(ignore.some((l) => /^(\*\*\/)?\.data$/.test(l))).toBe(true);
  });
});

function parsePort(spec: string): { host: string; container: string } {
  const parts = spec.replace(/\/(tcp|udp)$/, '').split(':');
  const container = parts.at(-1)!;
  const host = parts.length >= 2 ? parts.at(-2)! : container;
  return { host, container };
}
