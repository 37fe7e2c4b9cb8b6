import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, NextFunction, RequestHandler } from 'express';

/** Vite names the files of `assets/` by their content's hash: a new build gives new names, so they never change. */
const HASHED = /^\/assets\//;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: it is revalidated on every visit (ETag), so a release shows at once. */
const REVALIDATE = 'no-cache';

type Encoding = 'br' | 'gzip';

interface Asset {
  file: string;
  /** The precompressed variants written by the client build (client/build/precompress.ts). */
  variants: Partial<Record<Encoding, string>>;
}

/** The encodings the client accepts, best first, from its Accept-Encoding header (q=0 refuses one). */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    accepted.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: Encoding) => accepted.get(name) ?? accepted.get('*') ?? 0;
  return (['br', 'gzip'] as const).filter((name) => weightOf(name) > 0).sort((a, b) => weightOf(b) - weightOf(a));
}

function indexAssets(root: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      // Dot files (Vite's .vite/manifest.json) are the build's own records, not the app's.
      if (entry.startsWith('.')) continue;
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      if (/\.(br|gz)$/.test(entry)) continue;
      const variants: Asset['variants'] = {};
      if (existsSync(`${full}.br`)) variants.br = `${full}.br`;
      if (existsSync(`${full}.gz`)) variants.gzip = `${full}.gz`;
      assets.set(`/${path.relative(root, full).split(path.sep).join('/')}`, { file: full, variants });
    }
  };
  walk(root);
  return assets;
}

/**
 * Serves the built web app: the files of the build only (indexed once at start, so no request path can reach
 * another file), precompressed brotli or gzip when the client accepts it, hashed assets cached for a year as
 * immutable, and index.html (also the answer for the app's own routes) revalidated on every visit.
 */
export function serveClient(root: string, isAppRoute: (pathname: string) => boolean): RequestHandler {
  const assets = indexAssets(root);
  const index = assets.get('/index.html');
  const explorer = assets.get('/graphiql.html');
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let asset = assets.get(req.path === '/' ? '/index.html' : req.path);
    // A browser opening the API's address gets GraphiQL; a client asking for JSON (GraphQL over GET) gets the API.
    if (req.path === '/graphql' && explorer && req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html') {
      asset = explorer;
    }
    if (!asset) {
      // A missing hashed file is an old build's: a 404, not the page (a browser would parse HTML as a script).
      if (!index || HASHED.test(req.path) || !isAppRoute(req.path)) return next();
      asset = index;
    }
    const encoding = acceptedEncodings(req.headers['accept-encoding']).find((name) => asset.variants[name]);
    res.setHeader('Cache-Control', HASHED.test(req.path) ? IMMUTABLE : REVALIDATE);
    res.setHeader('Vary', 'Accept-Encoding');
    res.type(path.extname(asset.file));
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.sendFile(encoding ? asset.variants[encoding]! : asset.file, { cacheControl: false }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  };
}
