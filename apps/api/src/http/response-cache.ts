// A cache of whole GraphQL responses of chamber users, keyed by who asks what, and valid for one data
// version of their chamber. The version comes from the database (chamber_data_version, bumped by triggers in
// every writing transaction; migration 20261122110000_chamber_data_version), the chamber row and the system
// objectives catalogue: when none of them moved, the same caller asking the same query would get the same
// answer, so the stored one is sent. Only successful query responses are stored, and only when the version
// did not move while they were computed.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { APP_ROLE, type Tx } from '@albero/db';
import type { MemberActor } from '../actor.js';

export type CachedResponse = { version: string; body: string };

export type ResponseCache = {
  get(key: string): CachedResponse | undefined;
  set(key: string, value: CachedResponse): void;
  readonly bytes: number;
};

/** What a chamber user's request depends on besides the data: who (subject, roles, chamber) and what (the operation). */
export function cacheKey(actor: MemberActor, request: { query: string; operationName?: unknown; variables?: unknown }): string {
  return createHash('sha256')
    .update(JSON.stringify([actor.chamberId, actor.subject, [...actor.roles].sort(), request.query, request.operationName ?? null, request.variables ?? null]))
    .digest('base64url');
}

/** An LRU of responses bounded by their total size. */
export function createResponseCache(maxBytes: number): ResponseCache {
  const entries = new Map<string, CachedResponse>();
  let bytes = 0;
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit) {
        // Most recently used last: Map keeps insertion order.
        entries.delete(key);
        entries.set(key, hit);
      }
      return hit;
    },
    set(key, value) {
      const size = value.body.length + key.length;
      if (size > maxBytes / 4) return;
      const old = entries.get(key);
      if (old) {
        bytes -= old.body.length + key.length;
        entries.delete(key);
      }
      entries.set(key, value);
      bytes += size;
      for (const [k, v] of entries) {
        if (bytes <= maxBytes) break;
        entries.delete(k);
        bytes -= v.body.length + k.length;
      }
    },
    get bytes() {
      return bytes;
    },
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const VERSION_SELECT = `SELECT concat_ws(':',
  (SELECT version FROM chamber_data_version WHERE chamber_id = albero_current_chamber()),
  (SELECT version FROM chamber WHERE id = albero_current_chamber()),
  (SELECT md5(coalesce(string_agg(id::text || '.' || version, ',' ORDER BY id), '')) FROM system_objective)) AS version`;

/** The data version inside a running unit of work (scoped to the chamber). */
export async function readVersion(tx: Tx): Promise<string> {
  const rows = await tx.$queryRawUnsafe<{ version: string }[]>(VERSION_SELECT);
  return rows[0]!.version;
}

/** The current data version of a chamber, in one round trip: a read-only unit of work as the application role. */
export async function probeVersion(pool: pg.Pool, chamberId: string): Promise<string> {
  // Interpolated, not bound: a multi-statement query has no parameters; the id comes from the chamber table.
  if (!UUID.test(chamberId)) throw new Error(`not a chamber id: ${chamberId}`);
  const client = await pool.connect();
  try {
    const results = (await client.query(
      `BEGIN READ ONLY; SELECT set_config('app.chamber_id', '${chamberId}', true), set_config('app.actor_kind', 'user', true); SET LOCAL ROLE ${APP_ROLE}; ${VERSION_SELECT}; COMMIT`,
    )) as unknown as pg.QueryResult<{ version: string }>[];
    return results[3]!.rows[0]!.version;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
