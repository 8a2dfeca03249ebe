// The end-to-end suite: a real stack (PostgreSQL, identity provider, API, production build of the web app)
// started once by support/global-setup.ts, driven in Debian's Chromium through playwright-core.
import { defineConfig } from 'vitest/config';

export default defineConfig({
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
