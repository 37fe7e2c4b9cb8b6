import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running the module `name` (no extension) that sits beside `from` (the caller's
 * `import.meta.url`). The compiled build (dist/, `npm start`) runs the worker's JavaScript as is. From TypeScript
 * the worker starts with CommonJS code that registers tsx, then loads the TypeScript module: the server runs
 * TypeScript through tsx, and on Node 20 a worker inherits neither tsx's ESM loader nor one given by `--import` in
 * its execArgv (".ts: unknown file extension"); tsx's require hook works in any thread, under tsx and vitest alike.
 * No execArgv unless the caller gives one: V8's heap options are process-wide already, and the loader is
 * registered by the entry.
 */
/**
 * The young generation of a worker whose work makes many short-lived objects (the synergy engine, imports): 192 MB,
 * i.e. 64 MB semi-spaces, what `--max-semi-space-size=64` gave every thread when the server ran with it (100k
 * detection ~10-18 % faster, commit c5299c6). The flag is no longer given: it is process-wide, overrides a worker's
 * resourceLimits, and on the main thread, which relays live edits, it made each scavenge ~10 ms (17 per 20 s on the
 * collab benchmark's typing), where the relay p99 sat; the main thread now has V8's default (16 MB semi-spaces).
 * Measured on the same code, the flag alone changed, three alternating pairs of `bench -- collab --only=typing` at
 * load 2-5 (medians, 64 → default): scavenges 18 → 75 per 20 s, their total 120 → 241 ms, the longest 19 → 11 ms;
 * loop delay p99 4.9 → 4.3 ms; relay p99 48 → 32 ms; main thread CPU per edit 196 → 201 µs. Shorter pauses for a
 * little more collector time. (8 MB would shorten them again, but only as a process-wide flag, which the workers
 * above would then get too.)
 */
export const LARGE_YOUNG_GENERATION = { maxYoungGenerationSizeMb: 192 } as const;

export function startModuleWorker(from: string, name: string, options: WorkerOptions = {}): Worker {
  const settings: WorkerOptions = { execArgv: [], ...options };
  if (from.endsWith('.js')) return new Worker(new URL(`${name}.js`, from), settings);
  const require = createRequire(from);
  const worker = fileURLToPath(new URL(`${name}.ts`, from));
  const entry = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(worker)});`;
  return new Worker(entry, { ...settings, eval: true });
}
