#!/usr/bin/env node
// Smoke run of the real product on the embedded database (PGlite), as a newcomer gets it with `npm start`:
// build the client, start the server on a fresh data folder with no DATABASE_URL, wait until it is ready, log in as
// the demo facilitator, list the demo territory's organisations, then stop it with SIGTERM and expect exit code 0.
//   node scripts/smoke.mjs            (SMOKE_SKIP_BUILD=1 reuses an existing client/dist)
//
// `npm start` is `npm run build -w client && npm start -w server` (whose prestart builds the server); this script runs
// the same steps, the last as the server package's start script run directly (like the Docker image does), because npm does not pass SIGTERM
// on to the server: stopping `npm start` kills npm and leaves the server running, so the exit code of a graceful
// shutdown could not be observed through it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const READY_TIMEOUT_MS = 240_000;
const EXIT_TIMEOUT_MS = 15_000;
const MIN_ORGANIZATIONS = 25;

const log = (line) => console.log(`smoke: ${line}`);
const output = [];
let server;
let dataDir;

async function main() {
  const { email, password } = demoFacilitator();

  if (process.env.SMOKE_SKIP_BUILD && existsSync(path.join(root, 'client/dist/index.html'))) {
    log('reusing client/dist');
  } else {
    const t = Date.now();
    log('building the client (npm run build -w client)');
    const build = spawnSync('npm', ['run', 'build', '-w', 'client'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) fail(`client build failed\n${build.stdout}\n${build.stderr}`);
    log(`client built in ${Date.now() - t} ms`);
  }

  // The server's start script runs the compiled server (server/dist): `npm start` builds it first (prestart).
  const serverBuild = spawnSync('npm', ['run', 'build', '-w', 'server'], { cwd: root, encoding: 'utf8' });
  if (serverBuild.status !== 0) fail(`server build failed\n${serverBuild.stdout}\n${serverBuild.stderr}`);
  log(serverBuild.stdout.trim().split('\n').at(-1));

  dataDir = mkdtempSync(path.join(tmpdir(), 'fe2i-smoke-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port) };
  // The embedded-database path with its defaults: no PostgreSQL, no Redis, demo seeded because the database is new.
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'SEED_DEMO', 'CLIENT_DIST', 'HOST']) delete env[name];
  env.PATH = `${path.join(root, 'node_modules/.bin')}${path.delimiter}${env.PATH}`;

  const [command, ...args] = serverStartCommand();
  log(`starting the server (${[command, ...args].join(' ')} in server/, DATA_DIR=${dataDir}, PORT=${port})`);
  const started = Date.now();
  // Its own process group, so that a failed run can kill the server and anything under it together.
  server = spawn(command, args, { cwd: path.join(root, 'server'), env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  for (const stream of [server.stdout, server.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => output.push(chunk));
  }
  const exited = new Promise((resolve) => server.on('exit', (code, signal) => resolve({ code, signal })));
  let exit;
  exited.then((e) => (exit = e));

  // Ready?
  for (;;) {
    if (exit) fail(`the server exited before it was ready (code ${exit.code}, signal ${exit.signal})`);
    if (Date.now() - started > READY_TIMEOUT_MS) fail(`the server was not ready within ${READY_TIMEOUT_MS / 1000} s`);
    try {
      const res = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  const startupMs = Date.now() - started;
  log(`ready: GET /readyz answered 200 after ${startupMs} ms (start-up time, fresh data folder)`);

  const health = await fetch(`${base}/healthz`);
  if (health.status !== 200) fail(`GET /healthz answered ${health.status}`);

  // Log in.
  const login = await graphql(base, `mutation { logIn(input: {email: ${JSON.stringify(email)}, password: ${JSON.stringify(password)}}) { viewer { email } } }`);
  if (login.body.errors) fail(`logIn returned errors: ${JSON.stringify(login.body.errors)}`);
  if (login.body.data?.logIn?.viewer?.email !== email) fail(`logIn returned ${JSON.stringify(login.body)}`);
  const cookies = login.res.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (cookies.length === 0) fail('logIn set no cookie');
  const cookie = cookies.join('; ');
  log(`logged in as ${email} (cookie ${cookies.map((c) => c.split('=')[0]).join(', ')})`);

  // The demo territory as the facilitator sees it.
  const query = '{ organizations(first: 50) { totalCount edges { node { name sites { name } flows(first: 5) { totalCount } } } } }';
  const t = Date.now();
  const orgs = await graphql(base, query, cookie);
  if (orgs.body.errors) fail(`organizations returned errors: ${JSON.stringify(orgs.body.errors)}`);
  const connection = orgs.body.data?.organizations;
  const nodes = connection?.edges?.map((e) => e.node) ?? [];
  if (nodes.length < MIN_ORGANIZATIONS) {
    fail(`expected at least ${MIN_ORGANIZATIONS} organisations, got ${nodes.length}: ${JSON.stringify(orgs.body).slice(0, 500)}`);
  }
  const sites = nodes.reduce((n, o) => n + (o.sites?.length ?? 0), 0);
  const flows = nodes.reduce((n, o) => n + (o.flows?.totalCount ?? 0), 0);
  log(`organizations: ${nodes.length} returned of ${connection.totalCount}, ${sites} sites, ${flows} flows (${Date.now() - t} ms)`);

  // The synergies the engine found at start, of both kinds, explained.
  const kinds = {};
  for (const kind of ['SUBSTITUTION', 'MUTUALISATION']) {
    const found = await graphql(base, `{ synergies(first: 1, filter: {kinds: [${kind}]}) { totalCount nodes { explanation { sentences(language: EN) } } } }`, cookie);
    if (found.body.errors) fail(`synergies returned errors: ${JSON.stringify(found.body.errors)}`);
    const page = found.body.data?.synergies;
    if (!page || page.totalCount < 1 || !(page.nodes[0]?.explanation?.sentences?.length > 0)) {
      fail(`expected explained ${kind} synergies, got ${JSON.stringify(found.body).slice(0, 500)}`);
    }
    kinds[kind] = page.totalCount;
  }
  log(`synergies: ${kinds.SUBSTITUTION} substitutions, ${kinds.MUTUALISATION} mutualisations`);

  // Graceful stop.
  const stopping = Date.now();
  server.kill('SIGTERM');
  const result = await Promise.race([exited, sleep(EXIT_TIMEOUT_MS).then(() => undefined)]);
  if (!result) fail(`the server did not exit within ${EXIT_TIMEOUT_MS / 1000} s of SIGTERM`);
  if (result.code !== 0) fail(`the server exited with code ${result.code} (signal ${result.signal}) after SIGTERM`);
  log(`stopped: exit code 0, ${Date.now() - stopping} ms after SIGTERM`);
  server = undefined;
  cleanUp();
  log(`OK (start-up ${startupMs} ms)`);
}

/** The server package's start script ("node … dist/main.js") as a command and its arguments. */
function serverStartCommand() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'server/package.json'), 'utf8'));
  const script = pkg.scripts?.start;
  if (!script || /[|&;<>()$`"'\\*?]/.test(script)) fail(`cannot run the server start script directly: ${script}`);
  return script.trim().split(/\s+/);
}

/** The demo facilitator's credentials, read from the seeder so that they cannot drift apart. */
function demoFacilitator() {
  const file = path.join(root, 'server/src/demo/demo-accounts.ts');
  const text = readFileSync(file, 'utf8');
  const password = /DEMO_PASSWORD\s*=\s*'([^']+)'/.exec(text)?.[1];
  const email = /facilitator:\s*\{\s*email:\s*'([^']+)'/.exec(text)?.[1];
  if (!password || !email) fail(`cannot read the demo facilitator from ${file}`);
  return { email, password };
}

async function graphql(base, query, cookie) {
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (cookie) headers.cookie = cookie;
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    fail(`POST /graphql answered ${res.status} with non-JSON: ${text.slice(0, 300)}`);
  }
  if (res.status !== 200 && !body.errors) fail(`POST /graphql answered ${res.status}: ${text.slice(0, 300)}`);
  return { res, body };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function cleanUp() {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

function fail(message) {
  console.error(`smoke: FAILED: ${message}`);
  if (output.length) {
    const text = output.join('');
    console.error(`smoke: server output${text.length > 20_000 ? ' (last 20000 characters)' : ''}:`);
    console.error(text.slice(-20_000));
  }
  cleanUp();
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => fail(`interrupted by ${signal}`));

main().catch((error) => fail(error?.stack ?? String(error)));
