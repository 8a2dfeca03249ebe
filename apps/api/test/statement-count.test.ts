// No N+1: the full scorecard query issues a bounded number of SQL statements, the same for a small and a
// large tree. Statements are counted at the pg client (every query Prisma and the unit of work send).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSqlUnitOfWork } from '@albero/db';
import { SCORECARD_QUERY } from '../bench/scorecard-query.js';
import { demo, startStack, type Stack } from './support/stack.js';

type Query = (...args: unknown[]) => unknown;
let stack: Stack;
let statements: string[] | null = null;
let restore: () => void;

beforeAll(async () => {
  // The response cache off: this counts what executing the query costs (test/response-cache.test.ts counts a hit).
  stack = await startStack({ plans: demo('so-2020', 'so-2024', 'mt-2023'), responseCacheBytes: 0 });
  const proto = (stack.db.pool as unknown as { Client: { prototype: { query: Query } } }).Client.prototype;
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    statements?.push(typeof first === 'string' ? first : (first?.text ?? '?'));
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

const chamberId = async (code: string) => (await stack.db.pool.query<{ id: string }>('SELECT id FROM chamber WHERE code = $1', [code])).rows[0]!.id;
const cycleId = async (code: string, year: number) =>
  (await stack.db.pool.query<{ id: string }>('SELECT cy.id FROM cycle cy JOIN chamber c ON c.id = cy.chamber_id WHERE c.code = $1 AND cy.year = $2', [code, year])).rows[0]!.id;

async function count(as: string, year: number): Promise<{ statements: string[]; nodes: number; measurements: number }> {
  await stack.gql(SCORECARD_QUERY, { year }, { as }); // warm the token and caches
  statements = [];
  const r = await stack.gql<{ cycle: { nodes: { indicators: { measurements: unknown[] }[] }[] } }>(SCORECARD_QUERY, { year }, { as });
  const seen = statements;
  if (process.env.SHOW_SQL) console.log(seen.map((s) => s.replace(/\s+/g, " ").slice(0, 160)).join("\n"));
  statements = null;
  expect(r.errors).toBeUndefined();
  const nodes = r.data!.cycle.nodes;
  return { statements: seen, nodes: nodes.length, measurements: nodes.flatMap((n) => n.indicators.flatMap((i) => i.measurements)).length };
}

/** Doubles a cycle's tree inside the database: every node, indicator and target again, under new codes. */
async function doubleTree(chamberId: string, cycleId: string): Promise<void> {
  await withSqlUnitOfWork(stack.db.pool, { chamberId, actor: { kind: 'system', subject: 'test' } }, async (c) => {
    await c.query('CREATE TEMP TABLE node_map ON COMMIT DROP AS SELECT id AS old, gen_random_uuid() AS new FROM plan_node WHERE chamber_id = $1 AND cycle_id = $2', [chamberId, cycleId]);
    await c.query('CREATE TEMP TABLE indicator_map ON COMMIT DROP AS SELECT id AS old, gen_random_uuid() AS new FROM indicator WHERE chamber_id = $1 AND cycle_id = $2', [chamberId, cycleId]);
    await c.query(
      `INSERT INTO plan_node (chamber_id, id, cycle_id, parent_id, level_key, code, title, weight, position)
       SELECT n.chamber_id, m.new, n.cycle_id, p.new, n.level_key, n.code || '-bis', n.title, n.weight, n.position + 1000
         FROM plan_node n JOIN node_map m ON m.old = n.id LEFT JOIN node_map p ON p.old = n.parent_id
`,
    );
    await c.query(
      `INSERT INTO indicator (chamber_id, id, cycle_id, node_id, name, value_type, direction, weight, position)
       SELECT i.chamber_id, m.new, i.cycle_id, n.new, i.name, i.value_type, i.direction, i.weight, i.position
         FROM indicator i JOIN indicator_map m ON m.old = i.id JOIN node_map n ON n.old = i.node_id`,
    );
    await c.query(
      `INSERT INTO target (chamber_id, id, indicator_id, year, operator, value_number, value_date, value_boolean)
       SELECT t.chamber_id, gen_random_uuid(), m.new, t.year, t.operator, t.value_number, t.value_date, t.value_boolean
         FROM target t JOIN indicator_map m ON m.old = t.indicator_id WHERE t.revision_id IS NULL`,
    );
  });
}

describe('SQL statements of the full scorecard query', () => {
  it('stay under 30 for Sondrio 2024 (tree, indicators, targets, measurements, scores), in one transaction', async () => {
    const so = await count('admin.so', 2024);
    expect(so.nodes).toBeGreaterThan(50);
    expect(so.measurements).toBeGreaterThan(50);
    expect(so.statements.length).toBeLessThanOrEqual(30);
    expect(so.statements.filter((s) => /^\s*BEGIN/i.test(s))).toHaveLength(1);
    expect(so.statements.filter((s) => /^\s*COMMIT/i.test(s))).toHaveLength(1);
  });

  it('stay the same when the tree doubles (one statement per level of the query, not per row)', async () => {
    const copy = await stack.gql<{ copyCycle: { id: string } }>('mutation($id: ID!) { copyCycle(fromCycleId: $id, year: 2025) { id } }', { id: await cycleId('SO', 2024) }, { as: 'admin.so' });
    expect(copy.errors).toBeUndefined();
    const before = await count('admin.so', 2025);
    await doubleTree(await chamberId('SO'), copy.data!.copyCycle.id);
    const after = await count('admin.so', 2025);
    expect(after.nodes).toBe(before.nodes * 2);
    expect(after.statements.length).toBe(before.statements.length);
  });

  it('stay under the same bound for another chamber\'s tree of another size', async () => {
    const mt = await count('admin.mt', 2023);
    expect(mt.nodes).toBeGreaterThan(20);
    expect(mt.statements.length).toBeLessThanOrEqual(30);
  });
});
