import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One copy of graphql, or type-graphql's schema comes from "another module or realm".
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['reflect-metadata'],
    // Integration tests share one database server; files run one at a time to keep PGlite and counts honest.
    fileParallelism: false,
    // A test that asserts nothing passes whatever the code does: vitest fails it.
    expect: { requireAssertions: true },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
