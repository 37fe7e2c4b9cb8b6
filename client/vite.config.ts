import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './build/precompress.ts';

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    // One copy of graphql in tests whether it is reached through its ESM or CommonJS entry ("another realm" errors).
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  server: {
    proxy: {
      '/graphql': { target: 'http://localhost:4000', ws: true, changeOrigin: false },
      '/collab': { target: 'http://localhost:4000', ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Read by `npm run bench -- client` to tell the first screen's chunks from those loaded later.
    manifest: true,
    rollupOptions: {
      // Two pages: the web app, and GraphiQL for integrators (served at GET /graphql), whose editor stays out of
      // every web app chunk.
      input: { app: 'index.html', graphiql: 'graphiql.html' },
      onwarn(warning, warn) {
        // GraphiQL's React-compiler directives ("use no memo"): harmless once bundled.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
    // The plan editor (TipTap, ProseMirror, Yjs: about 570 kB, 180 kB gzipped) is one lazy chunk loaded with a
    // project's plan, never on the first screen; the warning is for chunks larger than that.
    chunkSizeWarningLimit: 600,
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    environment: 'node',
    // A test that asserts nothing passes whatever the code does: vitest fails it.
    expect: { requireAssertions: true },
    // The end-to-end test builds the client and starts the real server (a fresh embedded database takes seconds).
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
