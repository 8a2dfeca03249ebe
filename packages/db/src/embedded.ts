import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export type EmbeddedPostgres = { url: string; dataDir: string | undefined; stop(): Promise<void> };

/**
 * Starts embedded PostgreSQL (PGlite, Postgres compiled to WASM) and serves the wire protocol on a
 * loopback port, so that pg and Prisma's pg adapter connect to it as to a server. PGlite runs one
 * query at a time; the socket server queues queries and keeps a transaction's queries together, so
 * each process should use a pool of size 1. With dataDir it persists there; without, it lives in memory.
 */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port ?? 0, maxConnections: 8 });
  await server.start();
  const address = server.getServerConn();
  const port = Number(address.split(':').pop());
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    dataDir: options.dataDir,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
