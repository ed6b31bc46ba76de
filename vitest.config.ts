import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Unit, component and contract tests. Contract tests start their own sandbox
// in-process on a free port, so nothing needs to be running beforehand.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'tests/unit/**/*.test.{ts,tsx}',
      'tests/contract/**/*.test.ts',
      'tests/integration/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
  },
});
