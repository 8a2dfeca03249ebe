// Every tenant-owned table moves its chamber's data version (migration 20261122110000_chamber_data_version):
// a table added later without the three statement triggers would let the response cache serve stale data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSqlUnitOfWork } from '@albero/db';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { loadFixtureChamber } from '../../../test/support/fixtures.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

describe('chamber data version', () => {
  it('is bumped by inserts, updates and deletes of every tenant-owned table but the audit trail', async () => {
    const { rows } = await db.pool.query<{ table_name: string; events: string[] }>(
      `SELECT c.table_name,
              ARRAY(SELECT substring(t.tgname FROM '_data_version_(insert|update|delete)$') FROM pg_trigger t
                     WHERE t.tgrelid = format('public.%I', c.table_name)::regclass AND t.tgname LIKE c.table_name || '\\_data\\_version\\_%'
                       AND (t.tgtype & 1) = 0 ORDER BY 1) AS events
         FROM information_schema.tables c
        WHERE c.table_schema = 'public' AND c.table_type = 'BASE TABLE' AND c.table_name NOT IN ('audit_event', 'chamber_data_version')
          AND EXISTS (SELECT 1 FROM information_schema.columns k WHERE k.table_schema = 'public' AND k.table_name = c.table_name AND k.column_name = 'chamber_id')
        ORDER BY c.table_name`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(21);
    expect(rows.filter((r) => JSON.stringify(r.events) !== JSON.stringify(['delete', 'insert', 'update'])).map((r) => r.table_name)).toEqual([]);
  });

  it('moves once per writing statement, only for the chamber written, and not for a statement that changed nothing', async () => {
    const a = await loadFixtureChamber(db, 'AAA');
    const b = await loadFixtureChamber(db, 'BBB');
    const version = async (chamberId: string) => (await db.pool.query<{ version: number }>('SELECT version FROM chamber_data_version WHERE chamber_id = $1', [chamberId])).rows[0]!.version;
    const [a0, b0] = [await version(a.chamberId), await version(b.chamberId)];
    await withSqlUnitOfWork(db.pool, { chamberId: a.chamberId, actor: { kind: 'user', subject: 'test' } }, async (c) => {
      await c.query("UPDATE plan_node SET note = 'x' WHERE chamber_id = $1", [a.chamberId]);
      await c.query("UPDATE plan_node SET note = 'y' WHERE chamber_id = $1 AND code = 'no such code'", [a.chamberId]);
    });
    expect([await version(a.chamberId), await version(b.chamberId)]).toEqual([a0 + 1, b0]);
  });
});
