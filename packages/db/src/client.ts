import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.js';
import { migrate, type MigrationResult } from './migrate.js';

export type DatabaseKind = 'server' | 'embedded';

/** An open database: the Prisma client and the pg pool under it, on a server or on embedded PostgreSQL. */
export type Database = {
  kind: DatabaseKind;
  url: string;
  pool: pg.Pool;
  prisma: PrismaClient;
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  /** A PostgreSQL URL; without one, embedded PostgreSQL is started. */
  url?: string | undefined;
  /** Where embedded PostgreSQL keeps its files; in memory when absent. */
  dataDir?: string | undefined;
  /** Pool size on a server (embedded always uses 1). */
  poolSize?: number | undefined;
  /** Apply pending migrations before returning. */
  migrate?: boolean | undefined;
  log?: ((line: string) => void) | undefined;
};

/** Opens the database: a real server when a URL is given, otherwise embedded PostgreSQL (PGlite). */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database & { migrations?: MigrationResult }> {
  let embedded: EmbeddedPostgres | undefined;
  let url = options.url;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: options.dataDir });
    url = embedded.url;
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: embedded ? 1 : (options.poolSize ?? 10),
    idleTimeoutMillis: 30_000,
    application_name: 'albero',
  });
  // An idle client's error (server restart) must not crash the process; the next checkout reconnects.
  pool.on('error', (error) => options.log?.(`database pool: ${error.message}`));
  let migrations: MigrationResult | undefined;
  try {
    if (options.migrate) {
      const client = await pool.connect();
      try {
        migrations = await migrate(client, { log: options.log });
      } finally {
        client.release();
      }
    }
  } catch (error) {
    await pool.end();
    await embedded?.stop();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: embedded ? 'embedded' : 'server',
    url,
    pool,
    prisma,
    ...(migrations ? { migrations } : {}),
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await embedded?.stop();
    },
  };
}
