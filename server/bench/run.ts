/**
 * Benchmarks, by name: `npm run bench -- synergy [--json] [--sizes=1000,10000]`. Each benchmark module exports
 * `run(args)`; adding one is adding a line below.
 */
const BENCHMARKS: Record<string, () => Promise<{ run: (args: string[]) => Promise<void> }>> = {
  synergy: () => import('./synergy.bench.js'),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? BENCHMARKS[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join('|')}> [options]`);
  process.exit(2);
}
await (await load()).run(args);
