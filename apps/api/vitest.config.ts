import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Local runner for the API suites (the root vitest.config.ts runs them as projects api-server and api-embedded).
export default defineConfig({
  resolve: {
    // One graphql instance: Vite would resolve `graphql` to its ESM build (the package's "module" field)
    // while Pothos and Apollo load its CommonJS build natively, and graphql refuses mixed instances.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { ALBERO_TEST_DB: process.env.ALBERO_TEST_DB ?? 'server' },
  },
});
