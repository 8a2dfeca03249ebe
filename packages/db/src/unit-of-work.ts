import type pg from 'pg';
import type { Prisma } from './generated/prisma/client.js';
import type { Database } from './client.js';

/** The role every unit of work runs as: neither superuser nor BYPASSRLS, subject to row-level security. */
export const APP_ROLE = 'albero_app';

/** Who acts: a chamber user, the platform operator, Unioncamere, the system (loader), or the public. */
export type ActorKind = 'user' | 'platform' | 'unioncamere' | 'system' | 'public';
export type Actor = { kind: ActorKind; subject: string | null };

/** The scope of a unit of work: the chamber whose rows it may see (none: it sees no tenant row) and the actor. */
export type Scope = { chamberId: string | null; actor: Actor };

export type Tx = Prisma.TransactionClient;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function scopeParameters(scope: Scope): [string, string, string] {
  if (scope.chamberId !== null && !UUID.test(scope.chamberId)) {
    throw new Error(`unit of work: chamber id "${scope.chamberId}" is not a UUID`);
  }
  return [scope.chamberId ?? '', scope.actor.subject ?? '', scope.actor.kind];
}

const SET_SCOPE = "SELECT set_config('app.chamber_id', $1, true), set_config('app.actor', $2, true), set_config('app.actor_kind', $3, true)";

/** Changes the scope inside a running unit of work (the loader creates a chamber, then fills it). */
export async function setScope(tx: Tx, scope: Scope): Promise<void> {
  const [chamber, subject, kind] = scopeParameters(scope);
  await tx.$queryRawUnsafe(SET_SCOPE, chamber, subject, kind);
}

/**
 * Runs fn in one transaction that is scoped to a chamber and an actor, as the application role:
 * row-level security then limits every query to that chamber's rows, whatever fn asks for.
 */
export async function withUnitOfWork<T>(
  db: Pick<Database, 'prisma'>,
  scope: Scope,
  fn: (tx: Tx) => Promise<T>,
  options: { timeoutMs?: number; isolationLevel?: Prisma.TransactionIsolationLevel } = {},
): Promise<T> {
  const params = scopeParameters(scope);
  return db.prisma.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(SET_SCOPE, ...params);
      await tx.$executeRawUnsafe(`SET LOCAL ROLE ${APP_ROLE}`);
      return fn(tx);
    },
    { timeout: options.timeoutMs ?? 15_000, maxWait: 10_000, ...(options.isolationLevel ? { isolationLevel: options.isolationLevel } : {}) },
  );
}

/** The same unit of work on a plain pg connection, for SQL that Prisma does not express (reports, benchmarks). */
export async function withSqlUnitOfWork<T>(pool: pg.Pool, scope: Scope, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const params = scopeParameters(scope);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(SET_SCOPE, params);
    await client.query(`SET LOCAL ROLE ${APP_ROLE}`);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
