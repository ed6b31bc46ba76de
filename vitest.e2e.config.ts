import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium with the built extension (.output/chrome-mv3-test) and Debian's
// Firefox ESR with its Firefox build (.output/firefox-mv3-test).
// One file at a time: two cores, and each file owns a browser and a sandbox.
export default defineConfig({
  // Tests import the code as `@/…` from the repository's root, as in the unit tests (WXT's alias).
  resolve: { alias: { '@/': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
