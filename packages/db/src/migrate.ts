import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../prisma/migrations');

// The advisory lock key Prisma Migrate takes, so that this runner and `prisma migrate deploy` exclude each other.
const PRISMA_ADVISORY_LOCK = 72707369;

// Prisma's own definition of its bookkeeping table.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string };
export type MigrationResult = { applied: string[]; alreadyApplied: string[] };

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** Reads the migrations in Prisma's layout (<dir>/<timestamp>_<name>/migration.sql), ordered by name. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies pending migrations as Prisma Migrate would record them: one transaction per file, under Prisma's
 * advisory lock, each recorded in _prisma_migrations with its sha256 checksum, finished_at and
 * applied_steps_count, so that `prisma migrate deploy` can take over wherever its engine is available.
 */
export async function migrate(client: pg.ClientBase, options: { dir?: string; log?: (line: string) => void } = {}): Promise<MigrationResult> {
  const log = options.log ?? (() => undefined);
  const migrations = await readMigrations(options.dir);
  await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
  try {
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
    );
    const known = new Set(migrations.map((m) => m.name));
    for (const row of rows) {
      if (row.rolled_back_at === null && row.finished_at === null) {
        throw new MigrationError(`migration ${row.migration_name} failed earlier and was not rolled back; inspect _prisma_migrations.logs`);
      }
      if (row.rolled_back_at === null && !known.has(row.migration_name)) {
        throw new MigrationError(`migration ${row.migration_name} is applied in the database but missing from ${options.dir ?? MIGRATIONS_DIR}`);
      }
    }
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      const done = rows.find((r) => r.migration_name === migration.name && r.finished_at !== null && r.rolled_back_at === null);
      if (done) {
        if (done.checksum !== migration.checksum) {
          throw new MigrationError(`migration ${migration.name} was modified after it was applied (checksum differs); add a new migration instead`);
        }
        result.alreadyApplied.push(migration.name);
        continue;
      }
      const id = randomUUID();
      await client.query('BEGIN');
      try {
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
          [id, migration.checksum, migration.name],
        );
        await client.query(migration.sql);
        await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        // The transaction rolled the file back entirely: record it as Prisma records a rolled-back migration.
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, rolled_back_at, applied_steps_count) VALUES ($1, $2, $3, $4, now(), now(), 0)',
          [id, migration.checksum, migration.name, String((error as Error).message)],
        );
        throw new MigrationError(`migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
      }
      log(`applied ${migration.name}`);
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]);
  }
}
