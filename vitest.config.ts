import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// One copy of graphql for the API suites: without the alias Vitest may load both its ESM and CJS builds,
// and graphql refuses schemas built by "another" copy.
const graphqlCjs = createRequire(import.meta.url).resolve('graphql', { paths: [fileURLToPath(new URL('./apps/api/', import.meta.url))] });
const oneGraphql = { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] };
const apiSuites = ['apps/api/test/**/*.test.ts'];

// One run, several projects: pure unit tests; database suites run twice, once against the machine's
// PostgreSQL server and once against embedded PostgreSQL (PGlite), with the same migrations and policies.
const dbSuites = ['test/db/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      // The web client's component tests (jsdom) and the end-to-end journeys in Chromium against the real stack.
      'apps/web/vitest.config.ts',
      'e2e/vitest.config.ts',
      {
        extends: true,
        test: { name: 'unit', include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'] },
      },
      {
        extends: true,
        // The Keycloak-compatible identity provider, exercised over HTTP and through keycloak-connect.
        test: { name: 'idp', include: ['apps/idp/test/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'db-server', include: dbSuites, env: { ALBERO_TEST_DB: 'server' } },
      },
      {
        extends: true,
        test: { name: 'db-embedded', include: dbSuites, env: { ALBERO_TEST_DB: 'embedded' } },
      },
      {
        // The API over HTTP with real tokens from the identity provider, on the server …
        extends: true,
        resolve: oneGraphql,
        test: { name: 'api-server', include: apiSuites, env: { ALBERO_TEST_DB: 'server' } },
      },
      {
        // … and on embedded PostgreSQL (the checks that do not touch the database run once, above).
        extends: true,
        resolve: oneGraphql,
        test: {
          name: 'api-embedded',
          include: apiSuites,
          exclude: ['apps/api/test/permissions.test.ts', 'apps/api/test/schema-file.test.ts'],
          env: { ALBERO_TEST_DB: 'embedded' },
        },
      },
    ],
  },
});
