import 'reflect-metadata';
// First: graphql is loaded in production mode in the compiled server (see app/graphql-mode.ts).
import './app/graphql-production.js';
import { performance } from 'node:perf_hooks';
import { ConfigError, loadConfig } from './config/config.js';
import { describeDemoAccounts } from './demo/demo-seeder.js';
import { startApp } from './app/start-app.js';
import { DataFolderInUseError } from './db/embedded-postgres.js';

/** `npm start`: serve FE2I until SIGTERM or SIGINT, then drain and exit 0. */
// Since the process started: Node's own start and loading every module (compiled or through tsx).
const moduleLoadMs = Math.round(performance.now());
const started = performance.now();
let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

let app;
try {
  app = await startApp(config);
} catch (error) {
  // A second server on the same embedded database: the reason in one line, not a stack trace.
  if (error instanceof DataFolderInUseError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const { database, migrations, seeding, detection, serving } = app.startup;
console.log(`FE2I is ready on ${app.url} (GraphQL: ${app.url}/graphql) — ${app.embedded ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}, started in ${Math.round(performance.now() - started)} ms after module load.`);
console.log(
  `Start-up: module load ${moduleLoadMs} ms, database ${database} ms, migrations ${migrations} ms, seeding ${seeding ? `${seeding} ms` : 'none'}, ` +
    `detection ${detection ? `${detection} ms` : 'skipped (no new data)'}, serving ${serving} ms.`,
);
if (config.seedDemo) console.log(`Demo accounts:\n${describeDemoAccounts()}`);

// Stage timings of the live documents' durable relay path (collab/store/stage-timings.ts): the first SIGUSR2 starts
// recording, the next prints them and stops (the collab benchmark does so around its measure).
process.on('SIGUSR2', () => {
  if (app.collab.timings.recording) console.log(app.collab.timings.stop());
  else app.collab.timings.start();
});

let exiting = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (exiting) return;
    exiting = true;
    console.log(`${signal} received: finishing requests and closing.`);
    const force = setTimeout(() => {
      console.error('Shutdown took more than 10 s: exiting anyway.');
      process.exit(1);
    }, 10_000);
    force.unref();
    await app.stop();
    process.exit(0);
  });
}
