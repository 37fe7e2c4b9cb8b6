import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, serveClient } from './static-assets.js';

const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;
const PAGE = '<!doctype html><title>FE2I</title><script src="/assets/index-Ab12.js"></script>';
const EXPLORER = '<!doctype html><title>FE2I — GraphiQL</title>';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let root: string;
let server: Server;

function get(pathname: string, acceptEncoding?: string, accept?: string): Promise<Answer> {
  const { port } = server.address() as AddressInfo;
  const headers: Record<string, string> = {};
  if (acceptEncoding) headers['accept-encoding'] = acceptEncoding;
  if (accept) headers.accept = accept;
  return new Promise((resolve, reject) => {
    const req = request({ port, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'fe2i-static-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), PAGE);
  writeFileSync(path.join(root, 'graphiql.html'), EXPLORER);
  const script = path.join(root, 'assets', 'index-Ab12.js');
  writeFileSync(script, SCRIPT);
  writeFileSync(`${script}.br`, brotliCompressSync(SCRIPT));
  writeFileSync(`${script}.gz`, gzipSync(SCRIPT));
  writeFileSync(path.join(root, 'robots.txt'), 'User-agent: *');
  mkdirSync(path.join(root, '.vite'));
  writeFileSync(path.join(root, '.vite', 'manifest.json'), '{"secret":true}');
  writeFileSync(path.join(os.tmpdir(), 'fe2i-static-secret.txt'), 'secret');
  const app = express();
  app.use(serveClient(root, (pathname) => !pathname.startsWith('/graphql')));
  app.use((_req, res) => res.status(404).send('not here'));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
});

afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the web app is served compressed and cached by what its names promise', () => {
  it('answers brotli to a browser that accepts it, the same bytes once decoded, cached as immutable', async () => {
    const answer = await get('/assets/index-Ab12.js', 'gzip, deflate, br');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers.vary).toMatch(/Accept-Encoding/);
    expect(brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
    expect(answer.body.length).toBeLessThan(SCRIPT.length / 10);
  });

  it('answers gzip when brotli is refused, and the plain file when nothing is accepted', async () => {
    const gzip = await get('/assets/index-Ab12.js', 'br;q=0, gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);
    const plain = await get('/assets/index-Ab12.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('revalidates the page on every visit and serves it for the app routes, not for the API nor old assets', async () => {
    const page = await get('/organisations/42');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body.toString()).toBe(PAGE);
    expect((await get('/graphql')).body.toString()).toBe('not here');
    expect((await get('/assets/index-Old9.js')).status).toBe(404);
  });

  it('serves only the files of the build, whatever the path says', async () => {
    for (const attempt of ['/../fe2i-static-secret.txt', '/assets/../../fe2i-static-secret.txt', '/%2e%2e/fe2i-static-secret.txt']) {
      const answer = await get(attempt);
      expect(answer.body.toString()).not.toContain('secret');
    }
    expect((await get('/robots.txt')).headers['cache-control']).toBe('no-cache');
    expect((await get('/.vite/manifest.json')).body.toString()).not.toContain('secret');
  });
});

describe('GraphiQL at the API address', () => {
  it('is the answer to a browser, never to a GraphQL client', async () => {
    const browser = await get('/graphql', undefined, 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8');
    expect(browser.body.toString()).toBe(EXPLORER);
    expect(browser.headers['cache-control']).toBe('no-cache');
    for (const accept of ['application/json', 'application/graphql-response+json, application/json;q=0.9', '*/*']) {
      expect((await get('/graphql?query=%7B__typename%7D', undefined, accept)).body.toString()).toBe('not here');
    }
  });
});

describe('acceptedEncodings', () => {
  it('orders by weight and honours q=0 and the wildcard', () => {
    expect(acceptedEncodings('gzip, br')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=1, br;q=0.5')).toEqual(['gzip', 'br']);
    expect(acceptedEncodings('br;q=0, *')).toEqual(['gzip']);
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('identity')).toEqual([]);
  });
});
