// Runs `prisma generate` without network access: Prisma 7 tries to fetch its native schema engine first,
// which generation does not need; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the
// download (see ../shared/docs/stack-notes.md and docs/decisions/0002-prisma-offline.md).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const result = spawnSync(process.execPath, [resolve(root, 'node_modules/prisma/build/index.js'), 'generate', '--schema', 'prisma/schema.prisma'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
