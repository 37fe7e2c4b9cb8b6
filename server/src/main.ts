import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/config.js';
import { describeDemoAccounts } from './demo/demo-seeder.js';
import { startApp } from './app/start-app.js';
import { DataFolderInUseError } from './db/embedded-postgres.js';

/** `npm start`: serve FE2I until SIGTERM or SIGINT, then drain and exit 0. */
const started = Date.now();
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
console.log(`FE2I is ready on ${app.url} (GraphQL: ${app.url}/graphql) — ${app.embedded ? `embedded database in ${config.dataDir}` : 'PostgreSQL'}, started in ${Date.now() - started} ms.`);
if (config.seedDemo) console.log(`Demo accounts:\n${describeDemoAccounts()}`);

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
