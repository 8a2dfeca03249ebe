import { defineConfig } from 'vitest/config';

// Runs this package's tests on their own (`cd apps/idp && npx vitest run`); the root config can include
// them with the glob 'apps/idp/test/**/*.test.ts'.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
});
