import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (packages/db/src/… → ../../..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEMO_DATA_DIR = resolve(REPO_ROOT, 'data/demo');
export const DEMO_CATALOGUE_DIR = resolve(REPO_ROOT, 'data/catalogue');

/** Database settings from the environment: a server URL, or embedded PostgreSQL in a data directory. */
export function databaseConfig(env: NodeJS.ProcessEnv = process.env) {
  const url = env.DATABASE_URL?.trim() || undefined;
  const dataDir = resolve(REPO_ROOT, env.ALBERO_DATA_DIR?.trim() || '.data/pglite');
  const embeddedPort = Number(env.ALBERO_EMBEDDED_DB_PORT ?? 54329);
  if (!Number.isInteger(embeddedPort) || embeddedPort < 0 || embeddedPort > 65535) {
    throw new Error(`ALBERO_EMBEDDED_DB_PORT must be a port number, not "${env.ALBERO_EMBEDDED_DB_PORT}"`);
  }
  return { url, dataDir, embeddedPort };
}
