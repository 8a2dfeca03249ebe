// The end-to-end suite: a real stack (PostgreSQL, identity provider, API, production build of the web app)
// started once by support/global-setup.ts, driven in Debian's Chromium through playwright-core.
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// e2e/ is not a workspace package: its few dependencies are resolved through apps/web, which declares them.
const web = (path: string) => join(import.meta.dirname, '../apps/web/node_modules', path);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^playwright-core$/, replacement: web('playwright-core/index.mjs') },
      { find: /^exceljs$/, replacement: web('exceljs/excel.js') },
      { find: /^@albero\/idp$/, replacement: join(import.meta.dirname, '../apps/idp/src/index.ts') },
      { find: /^@albero\/db$/, replacement: join(import.meta.dirname, '../packages/db/src/index.ts') },
    ],
  },
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.e2e.test.ts'],
    globalSetup: ['./support/global-setup.ts'],
    // One stack, one browser per file, files one after the other: the journeys change shared data.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
