import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { report } from './timing.js';

/**
 * What a browser downloads: `npm run bench -- client [--no-build]` builds the web app (unless told not to) and reads
 * Vite's manifest. The first screen is the entry chunk with everything it imports statically; each lazy page is
 * the chunks its dynamic import adds to that. Sizes are gzip -9 (what every browser accepts) and brotli 11 (what the
 * server answers to those that accept it, from the files the build precompresses).
 */

const FIRST_SCREEN_LIMIT_KB = 250;
/** The manifest's key of the shipped basemap (client/src/features/map/basemap/). */
const BASEMAP = 'src/features/map/basemap/grand-est.json';

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client');
const dist = path.join(clientDir, 'dist');

interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

const sizes = new Map<string, Size>();
function sizeOf(file: string): Size {
  let size = sizes.get(file);
  if (!size) {
    const content = readFileSync(path.join(dist, file));
    size = {
      raw: content.length,
      gzip: gzipSync(content, { level: 9 }).length,
      brotli: brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    sizes.set(file, size);
  }
  return size;
}

/** The chunks loaded with `key`: itself and its static imports, transitively (dynamic imports wait). */
function closure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(manifest, imported, into);
  return into;
}

function total(manifest: Manifest, keys: Iterable<string>, kind: 'js' | 'css'): Size {
  const sum: Size = { raw: 0, gzip: 0, brotli: 0 };
  for (const key of keys) {
    const files = kind === 'js' ? [manifest[key]!.file] : (manifest[key]!.css ?? []);
    for (const file of files) {
      const size = sizeOf(file);
      sum.raw += size.raw;
      sum.gzip += size.gzip;
      sum.brotli += size.brotli;
    }
  }
  return sum;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(8);

export async function run(args: string[]): Promise<boolean> {
  if (!args.includes('--no-build')) {
    execFileSync('npm', ['run', 'build'], { cwd: clientDir, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const manifestFile = path.join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`no ${manifestFile}: build the client (npm run build -w client)`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  // The web app's page; graphiql.html, the API explorer, is a page of its own that the app never loads.
  const entry = 'index.html';
  if (!manifest[entry]?.isEntry) throw new Error('the manifest names no index.html entry');

  const first = closure(manifest, entry);
  const firstJs = total(manifest, first, 'js');
  const firstCss = total(manifest, first, 'css');
  console.log('client bundle — KB (raw / gzip -9 / brotli 11)');
  console.log(`  first screen JS  ${kb(firstJs.raw)} ${kb(firstJs.gzip)} ${kb(firstJs.brotli)}   (${first.size} chunks)`);
  console.log(`  first screen CSS ${kb(firstCss.raw)} ${kb(firstCss.gzip)} ${kb(firstCss.brotli)}`);
  console.log('  lazy pages, what each adds to the first screen:');
  // Every lazy chunk the app can load, nested ones included (the plan editor is loaded by the project page).
  const lazy = new Set<string>();
  const visit = (keys: Iterable<string>) => {
    for (const key of keys) {
      for (const dynamic of manifest[key]!.dynamicImports ?? []) {
        if (lazy.has(dynamic) || first.has(dynamic)) continue;
        lazy.add(dynamic);
        visit(closure(manifest, dynamic));
      }
    }
  };
  visit(first);
  for (const key of [...lazy].sort()) {
    const added = [...closure(manifest, key)].filter((chunk) => !first.has(chunk));
    const js = total(manifest, added, 'js');
    const label = (manifest[key]!.src ?? manifest[key]!.name ?? key).replace(/^src\//, '');
    console.log(`    ${label.padEnd(48)} ${kb(js.raw)} ${kb(js.gzip)} ${kb(js.brotli)}`);
  }
  const explorer = manifest['graphiql.html'];
  if (explorer) {
    const js = total(manifest, closure(manifest, 'graphiql.html'), 'js');
    console.log(`  GraphiQL at GET /graphql (its own page) ${kb(js.raw)} ${kb(js.gzip)} ${kb(js.brotli)}`);
  }
  // The offline basemap every map draws: an asset fetched when a map opens, never by the first screen.
  const basemap = manifest[BASEMAP];
  if (!basemap) throw new Error(`the manifest names no ${BASEMAP}`);
  const basemapSize = sizeOf(basemap.file);
  const basemapInFirst = [...first].some((key) => (manifest[key]!.assets ?? []).includes(basemap.file) || readFileSync(path.join(dist, manifest[key]!.file), 'utf8').includes(path.basename(basemap.file)));
  console.log(`  basemap (${basemap.file}, fetched by the first map) ${kb(basemapSize.raw)} ${kb(basemapSize.gzip)} ${kb(basemapSize.brotli)}`);
  return report([
    [`first screen JS ≤ ${FIRST_SCREEN_LIMIT_KB} KB gzip (${(firstJs.gzip / 1024).toFixed(1)} KB)`, firstJs.gzip <= FIRST_SCREEN_LIMIT_KB * 1024],
    ['the basemap is not in the first screen (no first-screen chunk names it)', !basemapInFirst],
  ]);
}
