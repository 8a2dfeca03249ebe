import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '@albero/db';

export type TestDatabase = Database & { drop(): Promise<void> };

/** Which database the suite runs against: the machine's PostgreSQL server, or embedded PostgreSQL. */
export function testDatabaseKind(): 'server' | 'embedded' {
  const kind = process.env.ALBERO_TEST_DB ?? 'server';
  if (kind !== 'server' && kind !== 'embedded') throw new Error(`ALBERO_TEST_DB must be server or embedded, not ${kind}`);
  return kind;
}

export const adminUrl = () => process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, migrated database for one test file: a new database on the server (dropped afterwards),
 * or a new in-memory embedded PostgreSQL.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'embedded') {
    const db = await openDatabase({ migrate: true });
    return { ...db, drop: () => db.close() };
  }
  const name = `albero_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `The database tests need PostgreSQL at ${adminUrl()} (set TEST_DATABASE_URL to another server): ${(error as Error).message}`,
      { cause: error },
    );
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const db = await openDatabase({ url: withDatabase(adminUrl(), name), migrate: true, poolSize: 4 });
  return {
    ...db,
    async drop() {
      await db.close();
      const again = new pg.Client({ connectionString: adminUrl() });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}
