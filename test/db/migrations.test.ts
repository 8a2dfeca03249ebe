// The project's migration runner records _prisma_migrations exactly as Prisma Migrate does, so that
// `prisma migrate deploy` can take over; a modified or failed migration is refused, and a failed one
// leaves nothing applied.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PoolClient } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS_DIR, readMigrations, MigrationError } from '@albero/db';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../support/database.js';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

async function withClient<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    return await fn(client);
  } finally {
    client.release();
  }
}

describe(`migration runner (${testDatabaseKind()})`, () => {
  it('records each migration with Prisma\'s columns: sha256 checksum of the file, finished_at, one applied step', async () => {
    const files = await readMigrations();
    expect(files.length).toBeGreaterThanOrEqual(2);
    const { rows } = await db.pool.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number; logs: string | null }>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM "_prisma_migrations" ORDER BY migration_name',
    );
    const expected = await Promise.all(
      files.map(async (f) => ({
        migration_name: f.name,
        checksum: createHash('sha256').update(await readFile(join(MIGRATIONS_DIR, f.name, 'migration.sql'))).digest('hex'),
      })),
    );
    expect(rows.map((r) => ({ migration_name: r.migration_name, checksum: r.checksum }))).toEqual(expected);
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row).toMatchObject({ rolled_back_at: null, applied_steps_count: 1, logs: null });
    }
  });

  it('uses Prisma\'s table definition for _prisma_migrations', async () => {
    const { rows } = await db.pool.query<{ column_name: string; data_type: string; is_nullable: string; character_maximum_length: number | null }>(
      `SELECT column_name, data_type, is_nullable, character_maximum_length FROM information_schema.columns
        WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(rows.map((r) => `${r.column_name} ${r.data_type}${r.character_maximum_length ? `(${r.character_maximum_length})` : ''} ${r.is_nullable === 'NO' ? 'not null' : 'null'}`)).toEqual([
      'id character varying(36) not null',
      'checksum character varying(64) not null',
      'finished_at timestamp with time zone null',
      'migration_name character varying(255) not null',
      'logs text null',
      'rolled_back_at timestamp with time zone null',
      'started_at timestamp with time zone not null',
      'applied_steps_count integer not null',
    ]);
  });

  it('is a no-op when everything is applied', async () => {
    const result = await withClient((c) => migrate(c));
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toEqual((await readMigrations()).map((m) => m.name));
  });

  it('refuses a migration that was modified after it was applied', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'albero-migrations-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const first = (await readMigrations())[0]!.name;
    await writeFile(join(dir, first, 'migration.sql'), `${await readFile(join(dir, first, 'migration.sql'), 'utf8')}\n-- edited\n`);
    await expect(withClient((c) => migrate(c, { dir }))).rejects.toThrow(new RegExp(`migration ${first} was modified after it was applied`));
  });

  it('rolls a failing migration back entirely and records it as rolled back, then applies it once fixed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'albero-migrations-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const name = '29990101000000_broken';
    await mkdir(join(dir, name));
    await writeFile(join(dir, name, 'migration.sql'), 'CREATE TABLE half_written (id int);\nSELECT no_such_function();\n');
    await expect(withClient((c) => migrate(c, { dir }))).rejects.toThrow(MigrationError);
    const table = await db.pool.query(`SELECT to_regclass('public.half_written') AS t`);
    expect(table.rows[0].t).toBeNull();
    const recorded = await db.pool.query<{ finished_at: Date | null; rolled_back_at: Date | null; logs: string }>(
      'SELECT finished_at, rolled_back_at, logs FROM "_prisma_migrations" WHERE migration_name = $1',
      [name],
    );
    expect(recorded.rows).toHaveLength(1);
    expect(recorded.rows[0]!.finished_at).toBeNull();
    expect(recorded.rows[0]!.rolled_back_at).toBeInstanceOf(Date);
    expect(recorded.rows[0]!.logs).toMatch(/no_such_function/);

    await writeFile(join(dir, name, 'migration.sql'), 'CREATE TABLE half_written (id int);\n');
    const fixed = await withClient((c) => migrate(c, { dir }));
    expect(fixed.applied).toEqual([name]);
    await db.pool.query('DROP TABLE half_written');
  });
});
