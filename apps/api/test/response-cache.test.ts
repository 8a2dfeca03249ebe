// The response cache never serves what the database would not answer now: any committed write to the
// chamber (through the API, the loader or plain SQL), to the chamber row or to the system objectives
// moves the data version; a cached answer is one caller's, for one operation and its variables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSqlUnitOfWork } from '@albero/db';
import { codes, demo, startStack, type Stack } from './support/stack.js';

type Query = (...args: unknown[]) => unknown;
let stack: Stack;
let statements: string[] | null = null;
let restore: () => void;
let chamberId: string;

const TITLE = 'query($year: Int!) { cycle(year: $year) { nodes { code title } } viewer { username } }';
const titleOf = async (as: string, code = '1.3') => {
  const r = await stack.gql<{ cycle: { nodes: { code: string; title: string }[] }; viewer: { username: string } }>(TITLE, { year: 2024 }, { as });
  expect(r.errors).toBeUndefined();
  return { title: r.data!.cycle.nodes.find((n) => n.code === code)!.title, username: r.data!.viewer.username };
};

beforeAll(async () => {
  stack = await startStack({ plans: demo('so-2024', 'mt-2023') });
  chamberId = (await stack.db.pool.query<{ id: string }>("SELECT id FROM chamber WHERE code = 'SO'")).rows[0]!.id;
  const proto = (stack.db.pool as unknown as { Client: { prototype: { query: Query } } }).Client.prototype;
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    statements?.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text));
    return original.apply(this, args);
  };
  restore = () => {
    proto.query = original;
  };
});

afterAll(async () => {
  restore?.();
  await stack?.stop();
});

describe('response cache', () => {
  it('answers a repeated query with one round trip to the database (the data-version probe)', async () => {
    const first = await titleOf('admin.so');
    statements = [];
    const second = await titleOf('admin.so');
    const seen = statements;
    statements = null;
    expect(second).toEqual(first);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^BEGIN READ ONLY;.*chamber_data_version.*COMMIT$/s);
  });

  it('keeps answers per caller: another user of the chamber gets their own', async () => {
    expect((await titleOf('admin.so')).username).toBe('admin.so');
    expect((await titleOf('staff.so')).username).toBe('staff.so');
    expect((await titleOf('admin.so')).username).toBe('admin.so');
  });

  it('serves the new data after a write through the API', async () => {
    const before = await titleOf('staff.so');
    const { rows } = await stack.db.pool.query<{ id: string; version: number }>("SELECT id, version FROM plan_node WHERE chamber_id = $1 AND code = '1.3'", [chamberId]);
    // A published cycle is read-only for the API: reopen it for this test, by SQL (which also moves the version).
    await stack.db.pool.query("UPDATE cycle SET state = 'monitoring' WHERE chamber_id = $1 AND year = 2024", [chamberId]);
    const version = (await stack.db.pool.query<{ version: number }>('SELECT version FROM plan_node WHERE id = $1', [rows[0]!.id])).rows[0]!.version;
    const r = await stack.gql('mutation($id: ID!, $v: Int!) { updateNode(id: $id, version: $v, title: "Regolazione del mercato (rev.)") { title } }', { id: rows[0]!.id, v: version }, { as: 'admin.so' });
    expect(r.errors).toBeUndefined();
    const after = await titleOf('staff.so');
    expect([before.title, after.title]).toEqual(['Regolazione del mercato', 'Regolazione del mercato (rev.)']);
  });

  it('serves the new data after a write by plain SQL in a unit of work (the loader\'s way)', async () => {
    await titleOf('staff.so');
    await withSqlUnitOfWork(stack.db.pool, { chamberId, actor: { kind: 'system', subject: 'test' } }, (c) =>
      c.query("UPDATE plan_node SET title = 'Regolazione del mercato (SQL)' WHERE chamber_id = $1 AND code = '1.3'", [chamberId]),
    );
    expect((await titleOf('staff.so')).title).toBe('Regolazione del mercato (SQL)');
  });

  it('serves the new data after a write by the table owner outside any unit of work', async () => {
    await titleOf('staff.so');
    await stack.db.pool.query("UPDATE plan_node SET title = 'Regolazione del mercato (owner)' WHERE chamber_id = $1 AND code = '1.3'", [chamberId]);
    expect((await titleOf('staff.so')).title).toBe('Regolazione del mercato (owner)');
  });

  it('does not move with another chamber\'s writes, and another chamber never sees this one\'s answers', async () => {
    await titleOf('staff.so');
    const mt = await stack.db.pool.query<{ id: string }>("SELECT id FROM chamber WHERE code = 'MT'");
    await stack.db.pool.query("UPDATE plan_node SET note = 'altro' WHERE chamber_id = $1", [mt.rows[0]!.id]);
    statements = [];
    await titleOf('staff.so');
    const seen = statements;
    statements = null;
    expect(seen).toHaveLength(1);
    const other = await stack.gql(TITLE, { year: 2024 }, { as: 'staff.mt' });
    expect(codes(other)).toEqual(['NOT_FOUND']);
  });

  it('never stores a mutation\'s answer nor an error', async () => {
    const forbidden = await stack.gql(TITLE.replace('viewer { username }', 'auditTrail(first: 1) { edges { node { id } } }'), { year: 2024 }, { as: 'staff.so' });
    expect(codes(forbidden)).toEqual(['FORBIDDEN']);
    statements = [];
    const again = await stack.gql(TITLE.replace('viewer { username }', 'auditTrail(first: 1) { edges { node { id } } }'), { year: 2024 }, { as: 'staff.so' });
    const seen = statements;
    statements = null;
    expect(codes(again)).toEqual(['FORBIDDEN']);
    expect(seen.length).toBeGreaterThan(1);
    const create = 'mutation { createVariable(key: "cache_probe", name: "Sonda della cache") { key } }';
    expect((await stack.gql(create, {}, { as: 'admin.so' })).errors).toBeUndefined();
    expect(codes(await stack.gql(create, {}, { as: 'admin.so' }))).toEqual(['CONFLICT']);
  });
});
