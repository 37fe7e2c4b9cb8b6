/**
 * Benchmarks, by name: `npm run bench -- synergy [--json] [--sizes=1000,10000]`, `npm run bench -- import`,
 * `npm run bench -- quality [--details] [--dev-only]`, `npm run bench -- client`, `npm run bench -- api` (see api.bench.ts),
 * `npm run bench -- live` (live.bench.ts), `npm run bench -- collab` (collab.bench.ts). Each
 * benchmark module exports `run(args)`, which says whether every check passed; adding one is adding a line below.
 * The exit code is 1 when a check failed, so that CI and scripts see it.
 */
const BENCHMARKS: Record<string, () => Promise<{ run: (args: string[]) => Promise<boolean> }>> = {
  synergy: () => import('./synergy.bench.js'),
  import: () => import('./import.bench.js'),
  client: () => import('./client.bench.js'),
  quality: () => import('./quality.bench.js'),
  api: () => import('./api.bench.js'),
  live: () => import('./live.bench.js'),
  collab: () => import('./collab.bench.js'),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? BENCHMARKS[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join('|')}> [options]`);
  process.exit(2);
}
const passed = await (await load()).run(args);
process.exit(passed ? 0 : 1);
