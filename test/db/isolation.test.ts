// Tenant isolation is enforced by PostgreSQL itself: under the application role, chamber A can neither read,
// insert, update nor delete chamber B's rows, in any tenant-owned table, and a unit of work without a
// chamber sees nothing. The tables are discovered from the catalog, so a new tenant table is covered (and
// must have fixture rows) without editing this file.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE, withSqlUnitOfWork, withUnitOfWork, type Scope } from '@albero/db';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../support/database.js';
import { loadFixtureChamber } from '../support/fixtures.js';

let db: TestDatabase;
let a: { chamberId: string; cycleId: string };
let b: { chamberId: string; cycleId: string };
let tenantTables: string[];

const scopeOf = (chamberId: string | null): Scope => ({ chamberId, actor: { kind: 'user', subject: 'tester' } });

/** A fingerprint of one chamber's rows in a table, read by the owner (outside row-level security). */
async function fingerprint(table: string, chamberId: string): Promise<string> {
  const { rows } = await db.pool.query<{ f: string | null; n: string }>(
    `SELECT md5(string_agg(to_jsonb(t)::text, '|' ORDER BY to_jsonb(t)::text)) AS f, count(*) AS n FROM "${table}" t WHERE chamber_id = $1`,
    [chamberId],
  );
  return `${rows[0]!.n}:${rows[0]!.f}`;
}

async function sqlError(fn: () => Promise<unknown>): Promise<{ code?: string; message: string } | null> {
  try {
    await fn();
    return null;
  } catch (error) {
    return error as { code?: string; message: string };
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  a = await loadFixtureChamber(db, 'AAA');
  b = await loadFixtureChamber(db, 'BBB');
  const { rows } = await db.pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'chamber_id' ORDER BY table_name`,
  );
  tenantTables = rows.map((r) => r.table_name);
});

afterAll(async () => {
  await db?.drop();
});

describe(`tenant isolation in PostgreSQL (${testDatabaseKind()})`, () => {
  it('runs units of work as a role that is neither superuser nor BYPASSRLS', async () => {
    const { rows } = await db.pool.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1',
      [APP_ROLE],
    );
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
    const who = await withSqlUnitOfWork(db.pool, scopeOf(a.chamberId), async (c) => (await c.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u);
    expect(who).toBe(APP_ROLE);
  });

  it('covers every tenant-owned table, each with rows of both chambers', async () => {
    expect(tenantTables.length).toBeGreaterThanOrEqual(21);
    for (const table of tenantTables) {
      const { rows } = await db.pool.query<{ chamber_id: string; n: string }>(
        `SELECT chamber_id, count(*) AS n FROM "${table}" WHERE chamber_id IN ($1, $2) GROUP BY chamber_id`,
        [a.chamberId, b.chamberId],
      );
      expect(rows.length, `fixture rows of both chambers in ${table}`).toBe(2);
    }
  });

  it('enables and forces row-level security with USING and WITH CHECK on every tenant-owned table', async () => {
    const { rows } = await db.pool.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; qual: string | null; with_check: string | null }>(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, p.qual, p.with_check
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         LEFT JOIN pg_policies p ON p.schemaname = 'public' AND p.tablename = c.relname AND p.policyname = 'tenant_isolation'
        WHERE c.relname = ANY($1)`,
      [tenantTables],
    );
    expect(rows).toHaveLength(tenantTables.length);
    for (const row of rows) {
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
      expect(row.qual, row.relname).toContain('albero_current_chamber()');
      expect(row.with_check, row.relname).toContain('albero_current_chamber()');
    }
  });

  it.each([['read'], ['insert'], ['update'], ['delete']])('chamber A cannot %s chamber B rows in any table', async (operation) => {
    for (const table of tenantTables) {
      const before = await fingerprint(table, b.chamberId);
      if (operation === 'read') {
        const seen = await withSqlUnitOfWork(db.pool, scopeOf(a.chamberId), async (c) => {
          const own = await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
          const other = await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE chamber_id = $1`, [b.chamberId]);
          return { own: Number(own.rows[0]!.n), other: Number(other.rows[0]!.n) };
        });
        const truth = await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE chamber_id = $1`, [a.chamberId]);
        expect(seen, table).toEqual({ own: Number(truth.rows[0]!.n), other: 0 });
      }
      if (operation === 'insert') {
        // A copy of one of B's rows, with a fresh id where the table has one, inserted from A's unit of work.
        const { rows } = await db.pool.query<{ r: Record<string, unknown> }>(`SELECT to_jsonb(t) AS r FROM "${table}" t WHERE chamber_id = $1 LIMIT 1`, [b.chamberId]);
        const row = { ...rows[0]!.r };
        if ('id' in row) row.id = typeof row.id === 'number' || /^\d+$/.test(String(row.id)) ? 9_000_000_000 : randomUUID();
        const error = await sqlError(() =>
          withSqlUnitOfWork(db.pool, scopeOf(a.chamberId), (c) =>
            c.query(`INSERT INTO "${table}" SELECT * FROM jsonb_populate_record(NULL::"${table}", $1)`, [row]),
          ),
        );
        expect(error?.code, `${table}: ${error?.message}`).toBe('42501');
        expect(error?.message, table).toMatch(/row-level security/);
      }
      if (operation === 'update') {
        if (table === 'audit_event') {
          const error = await sqlError(() =>
            withSqlUnitOfWork(db.pool, scopeOf(a.chamberId), (c) => c.query(`UPDATE audit_event SET action = action WHERE chamber_id = $1`, [b.chamberId])),
          );
          expect(error?.code, table).toBe('42501');
        } else {
          const touched = await withSqlUnitOfWork(db.pool, scopeOf(a.chamberId), async (c) =>
            (await c.query(`UPDATE "${table}" SET chamber_id = chamber_id WHERE chamber_id = $1`, [b.chamberId])).rowCount,
          );
          expect(touched, table).toBe(0);
          // Moving one of A's own rows into B is refused by WITH CHECK.
          const error = await sqlError(() =>
            withSqlUnitOfWork(db.pool, scopeOf(a.chamberId), (c) =>
              c.query(`UPDATE "${table}" SET chamber_id = $1 WHERE ctid = (SELECT ctid FROM "${table}" LIMIT 1)`, [b.chamberId]),
            ),
          );
          expect(error?.code, `${table}: ${error?.message}`).toBe('42501');
        }
      }
      if (operation === 'delete') {
        if (table === 'audit_event') {
          const error = await sqlError(() =>
            withSqlUnitOfWork(db.pool, scopeOf(a.chamberId), (c) => c.query(`DELETE FROM audit_event WHERE chamber_id = $1`, [b.chamberId])),
          );
          expect(error?.code, table).toBe('42501');
        } else {
          const deleted = await withSqlUnitOfWork(db.pool, scopeOf(a.chamberId), async (c) =>
            (await c.query(`DELETE FROM "${table}" WHERE chamber_id = $1`, [b.chamberId])).rowCount,
          );
          expect(deleted, table).toBe(0);
        }
      }
      expect(await fingerprint(table, b.chamberId), `${table} of chamber B is unchanged after ${operation}`).toBe(before);
    }
  });

  it('shows a unit of work without a chamber no tenant row at all', async () => {
    const counts = await withSqlUnitOfWork(db.pool, scopeOf(null), async (c) => {
      const out: Record<string, number> = {};
      for (const table of tenantTables) out[table] = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n);
      return out;
    });
    expect(counts).toEqual(Object.fromEntries(tenantTables.map((t) => [t, 0])));
    const error = await sqlError(() =>
      withSqlUnitOfWork(db.pool, scopeOf(null), (c) =>
        c.query(`INSERT INTO org_unit (chamber_id, id, code, name, kind) VALUES ($1, gen_random_uuid(), 'X', 'X', 'uo')`, [a.chamberId]),
      ),
    );
    expect(error?.code).toBe('42501');
  });

  it('keeps the isolation through Prisma: B rows are not found, cannot be created, updated or deleted from A', async () => {
    const bNode = (await db.pool.query<{ id: string; title: string }>(`SELECT id, title FROM plan_node WHERE chamber_id = $1 AND code = '1.1'`, [b.chamberId])).rows[0]!;
    const found = await withUnitOfWork(db, scopeOf(a.chamberId), (tx) => tx.planNode.findMany({ where: { chamberId: b.chamberId } }));
    expect(found).toEqual([]);
    const update = await sqlError(() =>
      withUnitOfWork(db, scopeOf(a.chamberId), (tx) =>
        tx.planNode.update({ where: { chamberId_id: { chamberId: b.chamberId, id: bNode.id } }, data: { title: 'hijacked' } }),
      ),
    );
    expect(update?.code).toBe('P2025');
    const deleted = await withUnitOfWork(db, scopeOf(a.chamberId), (tx) => tx.planNode.deleteMany({ where: { chamberId: b.chamberId } }));
    expect(deleted.count).toBe(0);
    const create = await sqlError(() =>
      withUnitOfWork(db, scopeOf(a.chamberId), (tx) =>
        tx.orgUnit.create({ data: { chamberId: b.chamberId, code: 'EVIL', name: 'Unità estranea', kind: 'uo' } }),
      ),
    );
    expect(create?.message).toMatch(/row-level security/);
    const after = (await db.pool.query<{ title: string }>(`SELECT title FROM plan_node WHERE chamber_id = $1 AND id = $2`, [b.chamberId, bNode.id])).rows[0]!;
    expect(after.title).toBe(bNode.title);
    const evil = await db.pool.query(`SELECT 1 FROM org_unit WHERE code = 'EVIL'`);
    expect(evil.rowCount).toBe(0);
  });

  it('lets only the platform operator write the chamber list', async () => {
    const renamed = await withSqlUnitOfWork(db.pool, scopeOf(a.chamberId), async (c) =>
      (await c.query(`UPDATE chamber SET name = 'Rinominata' WHERE id = $1`, [a.chamberId])).rowCount,
    );
    expect(renamed).toBe(0);
    const insert = await sqlError(() =>
      withSqlUnitOfWork(db.pool, scopeOf(a.chamberId), (c) => c.query(`INSERT INTO chamber (id, code, name) VALUES (gen_random_uuid(), 'EVIL', 'X')`)),
    );
    expect(insert?.code).toBe('42501');
    const platform = await withSqlUnitOfWork(db.pool, { chamberId: null, actor: { kind: 'platform', subject: 'operator' } }, async (c) =>
      (await c.query(`UPDATE chamber SET subscription_status = 'suspended' WHERE id = $1`, [a.chamberId])).rowCount,
    );
    expect(platform).toBe(1);
    const trail = await db.pool.query<{ actor_subject: string; before: { subscription_status: string }; after: { subscription_status: string } }>(
      `SELECT actor_subject, before, after FROM platform_audit_event WHERE entity = 'chamber' AND entity_id = $1 AND action = 'update'`,
      [a.chamberId],
    );
    expect(trail.rows.map((r) => [r.actor_subject, r.before.subscription_status, r.after.subscription_status])).toEqual([['operator', 'active', 'suspended']]);
  });
});

describe(`audit trail and versions (${testDatabaseKind()})`, () => {
  it('records every write with actor, before and after', async () => {
    const node = (await db.pool.query<{ id: string; title: string }>(`SELECT id, title FROM plan_node WHERE chamber_id = $1 AND code = '1.2'`, [a.chamberId])).rows[0]!;
    await withSqlUnitOfWork(db.pool, { chamberId: a.chamberId, actor: { kind: 'user', subject: 'controller-42' } }, (c) =>
      c.query(`UPDATE plan_node SET title = 'Pratiche telematiche (rev.)' WHERE id = $1`, [node.id]),
    );
    const { rows } = await db.pool.query<{ actor_subject: string; before: { title: string; version: number }; after: { title: string; version: number } }>(
      `SELECT actor_subject, before, after FROM audit_event WHERE chamber_id = $1 AND entity = 'plan_node' AND entity_id = $2 AND action = 'update'`,
      [a.chamberId, node.id],
    );
    expect(rows.map((r) => [r.actor_subject, r.before.title, r.after.title, r.before.version, r.after.version])).toEqual([
      ['controller-42', node.title, 'Pratiche telematiche (rev.)', 1, 2],
    ]);
  });

  it('bumps the version on every update, so a writer holding a stale version updates nothing', async () => {
    const node = (await db.pool.query<{ id: string; version: number }>(`SELECT id, version FROM plan_node WHERE chamber_id = $1 AND code = '1'`, [a.chamberId])).rows[0]!;
    const first = await withSqlUnitOfWork(db.pool, scopeOf(a.chamberId), async (c) =>
      (await c.query(`UPDATE plan_node SET note = 'prima' WHERE id = $1 AND version = $2`, [node.id, node.version])).rowCount,
    );
    const stale = await withSqlUnitOfWork(db.pool, scopeOf(a.chamberId), async (c) =>
      (await c.query(`UPDATE plan_node SET note = 'seconda' WHERE id = $1 AND version = $2`, [node.id, node.version])).rowCount,
    );
    expect([first, stale]).toEqual([1, 0]);
    const after = (await db.pool.query<{ note: string; version: number }>(`SELECT note, version FROM plan_node WHERE id = $1`, [node.id])).rows[0]!;
    expect(after).toEqual({ note: 'prima', version: node.version + 1 });
  });

  it('keeps the audit trail append-only, even for the table owner', async () => {
    for (const sql of ['UPDATE audit_event SET action = $1', 'DELETE FROM audit_event WHERE action <> $1']) {
      const error = await sqlError(() => db.pool.query(sql, ['x']));
      expect(error?.message).toMatch(/audit_event is append-only/);
    }
    const truncate = await sqlError(() => db.pool.query('TRUNCATE audit_event'));
    expect(truncate?.message).toMatch(/append-only/);
  });
});
