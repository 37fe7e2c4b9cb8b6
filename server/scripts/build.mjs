#!/usr/bin/env node
// `npm run build -w server`: the server compiled to JavaScript in server/dist, one file per source file with its
// source map (`node --enable-source-maps` points stack traces at the TypeScript), and the data files beside the
// code that reads them. Same folder depth as src/, so that paths built from import.meta.dirname stay true.
// What `npm start`, the Docker image and the CI smoke run: no TypeScript compiler at run time, a faster start.
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const server = path.resolve(import.meta.dirname, '..');
const src = path.join(server, 'src');
const dist = path.join(server, 'dist');

const files = readdirSync(src, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
const sources = files.map((f) => path.join(f.parentPath, f.name));
const code = sources.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
const assets = sources.filter((f) => /\.(json|mjs)$/.test(f));

const started = Date.now();
rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: code,
  outdir: dist,
  outbase: src,
  bundle: false,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // experimentalDecorators, useDefineForClassFields: false (type-graphql and MikroORM decorators).
  tsconfig: path.join(server, 'tsconfig.json'),
  logLevel: 'warning',
});
for (const asset of assets) cpSync(asset, path.join(dist, path.relative(src, asset)));
console.log(`server built into dist/ (${code.length} modules, ${assets.length} data files) in ${Date.now() - started} ms`);
