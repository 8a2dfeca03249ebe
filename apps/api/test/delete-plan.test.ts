// Deleting nodes and indicators of a draft plan over HTTP with real tokens: Sondrio 2020 (approved) copied into
// a 2021 draft; an indicator with its targets, a node with its subtree (nodes, indicators, targets, units and
// people assigned) gone to the row and each removed row in the audit trail; refused on an approved plan, with
// values or score overrides under it, when a later cycle continues it; CONFLICT on a stale version; roles and
// the other chamber; a failed request deletes nothing.
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSqlUnitOfWork } from '@albero/db';
import { codes, demo, startStack, type GraphQLResponse, type Stack } from './support/stack.js';

let stack: Stack;
let chamberId: string;
let cycle2021: string;
let adminSubject: string;

type PlanNodeRow = { id: string; code: string; version: number; indicators: { id: string; name: string; version: number }[] };

async function ok<T>(query: string, variables: Record<string, unknown>, as = 'admin.so'): Promise<T> {
  const r: GraphQLResponse<T> = await stack.gql<T>(query, variables, { as });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
}

const rows = async <T>(sql: string, params: unknown[] = []) => (await stack.db.pool.query<T & Record<string, unknown>>(sql, params)).rows;
const count = async (sql: string, params: unknown[] = []) => Number((await rows<{ n: string }>(sql, params))[0]!.n);

/** A node of a cycle by code, with its indicators, as the API reads it now. */
async function node(code: string, year = 2021): Promise<PlanNodeRow> {
  const r = await ok<{ cycle: { nodes: (PlanNodeRow & { code: string })[] } }>(
    'query($y: Int) { cycle(year: $y) { nodes { id code version indicators { id name version } } } }',
    { y: year },
  );
  const found = r.cycle.nodes.find((n) => n.code === code);
  if (!found) throw new Error(`no node ${code} in ${year}`);
  return found;
}

/** The node and every node under it, straight from the database. */
async function subtree(nodeId: string): Promise<string[]> {
  const found = await rows<{ id: string }>(
    `WITH RECURSIVE s AS (SELECT id FROM plan_node WHERE id = $1 UNION ALL SELECT n.id FROM plan_node n JOIN s ON n.parent_id = s.id)
     SELECT id::text FROM s ORDER BY id`,
    [nodeId],
  );
  return found.map((r) => r.id);
}

const lastAuditId = async () => (await rows<{ id: string | null }>('SELECT max(id)::text AS id FROM audit_event'))[0]!.id ?? '0';

/** The rows the audit trail records as deleted since `after`: entity and id (link rows: node:unit / node:person). */
async function auditedDeletes(after: string): Promise<{ keys: string[]; actors: string[] }> {
  const events = await rows<{ entity: string; entity_id: string | null; before: Record<string, string>; actor_subject: string | null }>(
    "SELECT entity, entity_id, before, actor_subject FROM audit_event WHERE id > $1 AND action = 'delete' ORDER BY id",
    [after],
  );
  const key = (e: (typeof events)[number]) =>
    e.entity === 'plan_node_unit' ? `${e.entity}:${e.before.node_id}:${e.before.unit_id}` : e.entity === 'plan_node_person' ? `${e.entity}:${e.before.node_id}:${e.before.person_id}` : `${e.entity}:${e.entity_id}`;
  return { keys: events.map(key).sort(), actors: [...new Set(events.map((e) => e.actor_subject ?? ''))] };
}

const SET_TARGET = 'mutation($i: ID!, $y: Int!, $v: Float!) { setTarget(indicatorId: $i, year: $y, values: { operator: gte, valueNumber: $v, threshold80Number: 1, threshold60Number: 0 }) { id } }';
const DELETE_NODE = `mutation($id: ID!, $v: Int!) { deleteNode(id: $id, version: $v) {
  id nodeIds indicatorIds targetIds parent { id code children { code position } } cycle { id year } weightIssues { parentId of sum codes } } }`;
const DELETE_INDICATOR = 'mutation($id: ID!, $v: Int!) { deleteIndicator(id: $id, version: $v) { id targetIds node { id code indicators { name position } } weightIssues { parentId of sum codes } } }';

beforeAll(async () => {
  stack = await startStack({ plans: demo('so-2020', 'mt-2023') });
  chamberId = (await rows<{ id: string }>("SELECT id::text FROM chamber WHERE code = 'SO'"))[0]!.id;
  const so2020 = await ok<{ cycle: { id: string } }>('{ cycle(year: 2020) { id } }', {});
  const copy = await ok<{ copyCycle: { id: string; state: string } }>('mutation($id: ID!) { copyCycle(fromCycleId: $id, year: 2021) { id state } }', { id: so2020.cycle.id });
  expect(copy.copyCycle.state).toBe('draft');
  cycle2021 = copy.copyCycle.id;
  adminSubject = decodeJwt(await stack.token('admin.so')).sub!;
});

afterAll(() => stack?.stop());

describe('deleting an indicator of a draft plan', () => {
  it('removes the indicator and its targets, closes the gap and reports the weights left to fix', async () => {
    // 1.3.1 gets two more indicators (40 + 30 + 30 = 100), the first of them with two targets.
    const owner = await node('1.3.1');
    await ok('mutation($id: ID!, $v: Int!) { updateIndicator(id: $id, version: $v, fields: { weight: 40 }) { id } }', { id: owner.indicators[0]!.id, v: owner.indicators[0]!.version });
    const created: string[] = [];
    for (const name of ['Incontri con gli ordini professionali', 'Partecipanti agli incontri']) {
      const r = await ok<{ createIndicator: { id: string } }>('mutation($n: ID!, $name: String!) { createIndicator(nodeId: $n, name: $name, fields: { weight: 30 }) { id } }', { n: owner.id, name });
      created.push(r.createIndicator.id);
    }
    const [doomed, kept] = created as [string, string];
    const targets = [];
    for (const year of [2021, 2022]) targets.push((await ok<{ setTarget: { id: string } }>(SET_TARGET, { i: doomed, y: year, v: 5 })).setTarget.id);
    const version = (await node('1.3.1')).indicators.find((i) => i.id === doomed)!.version;
    const since = await lastAuditId();

    const r = await ok<{ deleteIndicator: { id: string; targetIds: string[]; node: { id: string; code: string; indicators: { name: string; position: number }[] }; weightIssues: unknown[] } }>(DELETE_INDICATOR, { id: doomed, v: version });
    expect(r.deleteIndicator).toEqual({
      id: doomed,
      targetIds: [...targets].sort(),
      node: { id: owner.id, code: '1.3.1', indicators: [{ name: 'Formazione e assistenza', position: 0 }, { name: 'Partecipanti agli incontri', position: 1 }] },
      weightIssues: [{ parentId: owner.id, of: 'indicators', sum: 70, codes: ['Formazione e assistenza', 'Partecipanti agli incontri'] }],
    });
    expect(await count('SELECT count(*) AS n FROM indicator WHERE id = $1', [doomed])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM target WHERE id = ANY($1::uuid[])', [targets])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM indicator WHERE id = $1', [kept])).toBe(1);
    const audit = await auditedDeletes(since);
    expect(audit.keys).toEqual([`indicator:${doomed}`, ...targets.map((t) => `target:${t}`)].sort());
    expect(audit.actors).toEqual([adminSubject]);
  });
});

describe('deleting a node of a draft plan', () => {
  it('removes its whole subtree: nodes, indicators, targets, units and people assigned, each recorded in the audit trail', async () => {
    // 1.2 (operativo, weight 15 under 1) with 1.2.1 and 1.2.2 (actions with one indicator each); targets and a person added.
    const doomed = await node('1.2');
    const parent = await node('1');
    const staff = (await rows<{ id: string }>("SELECT id::text FROM person WHERE chamber_id = $1 AND username = 'staff.so'", [chamberId]))[0]!.id;
    const ri = (await rows<{ id: string }>("SELECT id::text FROM org_unit WHERE chamber_id = $1 AND code = 'RI'", [chamberId]))[0]!.id;
    const assigned = await ok<{ assignNode: { version: number } }>(
      'mutation($id: ID!, $v: Int!, $u: ID!, $p: ID!) { assignNode(id: $id, version: $v, unitIds: [$u], people: [{ personId: $p, role: owner }]) { version } }',
      { id: doomed.id, v: doomed.version, u: ri, p: staff },
    );
    for (const code of ['1.2.1', '1.2.2']) for (const year of [2021, 2022]) await ok(SET_TARGET, { i: (await node(code)).indicators[0]!.id, y: year, v: 10 });

    const nodeIds = await subtree(doomed.id);
    expect(nodeIds).toHaveLength(3);
    const indicatorIds = (await rows<{ id: string }>('SELECT id::text FROM indicator WHERE node_id = ANY($1::uuid[]) ORDER BY id', [nodeIds])).map((r) => r.id);
    const targetIds = (await rows<{ id: string }>('SELECT id::text FROM target WHERE indicator_id = ANY($1::uuid[]) ORDER BY id', [indicatorIds])).map((r) => r.id);
    const unitLinks = (await rows<{ k: string }>("SELECT 'plan_node_unit:' || node_id || ':' || unit_id AS k FROM plan_node_unit WHERE node_id = ANY($1::uuid[])", [nodeIds])).map((r) => r.k);
    const personLinks = (await rows<{ k: string }>("SELECT 'plan_node_person:' || node_id || ':' || person_id AS k FROM plan_node_person WHERE node_id = ANY($1::uuid[])", [nodeIds])).map((r) => r.k);
    expect([indicatorIds.length, targetIds.length, personLinks.length]).toEqual([2, 4, 1]);
    expect(unitLinks.length).toBeGreaterThanOrEqual(2);
    const siblings = await rows<{ code: string; weight: string }>("SELECT code, weight::text FROM plan_node WHERE parent_id = $1 AND code <> '1.2' ORDER BY position", [parent.id]);
    const remaining = Math.round(siblings.reduce((s, r) => s + Number(r.weight), 0) * 10_000) / 10_000;
    const nodes2020 = await count('SELECT count(*) AS n FROM plan_node p JOIN cycle c ON c.chamber_id = p.chamber_id AND c.id = p.cycle_id WHERE c.year = 2020 AND c.chamber_id = $1', [chamberId]);
    const since = await lastAuditId();

    type Deleted = { id: string; nodeIds: string[]; indicatorIds: string[]; targetIds: string[]; parent: { id: string; code: string; children: { code: string; position: number }[] }; cycle: { id: string; year: number }; weightIssues: unknown[] };
    const r = await ok<{ deleteNode: Deleted }>(DELETE_NODE, { id: doomed.id, v: assigned.assignNode.version });
    expect({ ...r.deleteNode, nodeIds: [...r.deleteNode.nodeIds].sort(), indicatorIds: [...r.deleteNode.indicatorIds].sort() }).toEqual({
      id: doomed.id,
      nodeIds,
      indicatorIds,
      targetIds,
      parent: { id: parent.id, code: '1', children: siblings.map((s, position) => ({ code: s.code, position })) },
      cycle: { id: cycle2021, year: 2021 },
      weightIssues: [{ parentId: parent.id, of: 'children', sum: remaining, codes: siblings.map((s) => s.code) }],
    });
    expect(remaining).not.toBe(100);

    // Gone to the row, in every table.
    expect(await count('SELECT count(*) AS n FROM plan_node WHERE id = ANY($1::uuid[])', [nodeIds])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM indicator WHERE id = ANY($1::uuid[])', [indicatorIds])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM target WHERE id = ANY($1::uuid[])', [targetIds])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM plan_node_unit WHERE node_id = ANY($1::uuid[])', [nodeIds])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM plan_node_person WHERE node_id = ANY($1::uuid[])', [nodeIds])).toBe(0);
    // Each removed row once in the audit trail (cascaded ones too), by the administrator; the 2020 plan untouched.
    const audit = await auditedDeletes(since);
    expect(audit.keys).toEqual(
      [...nodeIds.map((id) => `plan_node:${id}`), ...indicatorIds.map((id) => `indicator:${id}`), ...targetIds.map((id) => `target:${id}`), ...unitLinks, ...personLinks].sort(),
    );
    expect(audit.actors).toEqual([adminSubject]);
    expect(await count('SELECT count(*) AS n FROM plan_node p JOIN cycle c ON c.chamber_id = p.chamber_id AND c.id = p.cycle_id WHERE c.year = 2020 AND c.chamber_id = $1', [chamberId])).toBe(nodes2020);
    // The auditor reads the removal through the API too.
    const trail = await ok<{ auditTrail: { edges: { node: { action: string; before: { code: string } } }[] } }>(
      'query($e: String) { auditTrail(entity: "plan_node", entityId: $e, first: 5) { edges { node { action before } } } }',
      { e: doomed.id },
      'oiv.so',
    );
    expect(trail.auditTrail.edges[0]!.node).toMatchObject({ action: 'delete', before: { code: '1.2' } });
  });

  it('deletes a root with everything under it, leaving no weight issue among the roots', async () => {
    const root = await node('P4');
    const nodeIds = await subtree(root.id);
    const r = await ok<{ deleteNode: { nodeIds: string[]; parent: null; weightIssues: unknown[] } }>(DELETE_NODE, { id: root.id, v: root.version });
    expect({ ...r.deleteNode, nodeIds: [...r.deleteNode.nodeIds].sort() }).toMatchObject({ nodeIds, parent: null, weightIssues: [] });
    expect(await count('SELECT count(*) AS n FROM plan_node WHERE id = ANY($1::uuid[])', [nodeIds])).toBe(0);
    const roots = await rows<{ position: number }>('SELECT position FROM plan_node WHERE cycle_id = $1 AND parent_id IS NULL ORDER BY position', [cycle2021]);
    expect(roots.map((x) => x.position)).toEqual(roots.map((_x, i) => i));
  });
});

describe('what refuses a deletion', () => {
  it('refuses on an approved plan: it is changed by revision, not deletion', async () => {
    const approved = await node('1.1.1', 2020);
    const before = await count('SELECT count(*) AS n FROM plan_node WHERE cycle_id = (SELECT cycle_id FROM plan_node WHERE id = $1)', [approved.id]);
    const r = await stack.gql(DELETE_NODE, { id: approved.id, v: approved.version }, { as: 'admin.so' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.message).toMatch(/cycle 2020 is approved: nodes are deleted only from a draft plan; an approved plan is changed by revision/);
    expect(r.data).toBeNull();
    const i = await stack.gql(DELETE_INDICATOR, { id: approved.indicators[0]!.id, v: approved.indicators[0]!.version }, { as: 'admin.so' });
    expect(codes(i)).toEqual(['BAD_USER_INPUT']);
    expect(i.errors![0]!.message).toMatch(/cycle 2020 is approved: indicators are deleted only from a draft plan/);
    expect(await count('SELECT count(*) AS n FROM plan_node WHERE cycle_id = (SELECT cycle_id FROM plan_node WHERE id = $1)', [approved.id])).toBe(before);
    expect(await count('SELECT count(*) AS n FROM indicator WHERE id = $1', [approved.indicators[0]!.id])).toBe(1);
  });

  it('refuses when values are recorded under the node, naming them, and deletes nothing', async () => {
    const operational = await node('1.1');
    const action = await node('1.1.1');
    const indicator = action.indicators[0]!;
    await withSqlUnitOfWork(stack.db.pool, { chamberId, actor: { kind: 'system', subject: 'test' } }, async (c) => {
      const period = randomUUID();
      await c.query("INSERT INTO monitoring_period (chamber_id, id, cycle_id, period_date, state) VALUES ($1, $2, $3, '2021-06-30', 'open')", [chamberId, period, cycle2021]);
      await c.query("INSERT INTO measurement (chamber_id, id, indicator_id, period_id, value_number, status) VALUES ($1, $2, $3, $4, 2, 'submitted')", [chamberId, randomUUID(), indicator.id, period]);
    });
    const nodeIds = await subtree(operational.id);
    const refused = await stack.gql(DELETE_NODE, { id: operational.id, v: operational.version }, { as: 'admin.so' });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toBe('node 1.1 cannot be deleted: values are recorded for Progetti attivati (1.1.1, 2021-06-30, submitted)');
    expect(refused.errors![0]!.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'HAS_MEASUREMENTS',
      measurements: [{ nodeCode: '1.1.1', indicator: 'Progetti attivati', periodDate: '2021-06-30', status: 'submitted' }],
      overrides: [],
      continuedBy: [],
    });
    const alone = await stack.gql(DELETE_INDICATOR, { id: indicator.id, v: indicator.version }, { as: 'admin.so' });
    expect(codes(alone)).toEqual(['BAD_USER_INPUT']);
    expect(alone.errors![0]!.extensions).toMatchObject({ reason: 'HAS_MEASUREMENTS' });
    expect(await count('SELECT count(*) AS n FROM plan_node WHERE id = ANY($1::uuid[])', [nodeIds])).toBe(nodeIds.length);
    expect(await count('SELECT count(*) AS n FROM indicator WHERE id = $1', [indicator.id])).toBe(1);
  });

  it('refuses when a score override is set on a node under it', async () => {
    const action = await node('1.1.2');
    await withSqlUnitOfWork(stack.db.pool, { chamberId, actor: { kind: 'system', subject: 'test' } }, async (c) => {
      await c.query("INSERT INTO score_override (chamber_id, id, cycle_id, node_id, score, reason) VALUES ($1, $2, $3, $4, 90, 'Parere OIV')", [chamberId, randomUUID(), cycle2021, action.id]);
    });
    const r = await stack.gql(DELETE_NODE, { id: action.id, v: action.version }, { as: 'admin.so' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.extensions).toMatchObject({ reason: 'HAS_OVERRIDES', overrides: [{ nodeCode: '1.1.2', indicator: null, revoked: false }] });
    expect(r.errors![0]!.message).toBe('node 1.1.2 cannot be deleted: score overrides are set on 1.1.2');
    expect(await count('SELECT count(*) AS n FROM plan_node WHERE id = $1', [action.id])).toBe(1);
  });

  it('gives CONFLICT to a stale version and deletes nothing', async () => {
    const action = await node('1.3.2');
    const edited = await ok<{ updateNode: { version: number } }>('mutation($id: ID!, $v: Int!) { updateNode(id: $id, version: $v, note: "rivista") { version } }', { id: action.id, v: action.version });
    expect(edited.updateNode.version).toBe(action.version + 1);
    const r = await stack.gql(DELETE_NODE, { id: action.id, v: action.version }, { as: 'admin.so' });
    expect(codes(r)).toEqual(['CONFLICT']);
    expect(r.errors![0]!.extensions).toEqual({ code: 'CONFLICT', entity: 'PlanNode', id: action.id, version: action.version });
    expect(await count('SELECT count(*) AS n FROM plan_node WHERE id = $1', [action.id])).toBe(1);

    const indicator = action.indicators[0]!;
    await ok('mutation($id: ID!, $v: Int!) { updateIndicator(id: $id, version: $v, fields: { note: "rivista" }) { version } }', { id: indicator.id, v: indicator.version });
    const i = await stack.gql(DELETE_INDICATOR, { id: indicator.id, v: indicator.version }, { as: 'admin.so' });
    expect(codes(i)).toEqual(['CONFLICT']);
    expect(i.errors![0]!.extensions).toEqual({ code: 'CONFLICT', entity: 'Indicator', id: indicator.id, version: indicator.version });
    expect(await count('SELECT count(*) AS n FROM indicator WHERE id = $1', [indicator.id])).toBe(1);
  });

  it('gives CONFLICT when the subtree changed after the caller counted it (its own version does not move), and deletes nothing', async () => {
    const levels = (await ok<{ cycle: { levels: { key: string; position: number }[] } }>('query { cycle(year: 2021) { levels { key position } } }', {})).cycle.levels.sort((a, b) => a.position - b.position);
    const create = 'mutation($c: ID!, $p: ID, $l: String!, $code: String!) { createNode(cycleId: $c, parentId: $p, levelKey: $l, code: $code, title: "Da eliminare") { id version } }';
    const parent = (await ok<{ createNode: { id: string; version: number } }>(create, { c: cycle2021, p: null, l: levels[0]!.key, code: 'P9' })).createNode;
    // Counted: nothing under it. Meanwhile a colleague adds a child.
    const child = (await ok<{ createNode: { id: string } }>(create, { c: cycle2021, p: parent.id, l: levels[1]!.key, code: 'P9.1' })).createNode;
    const expect0 = 'mutation($id: ID!, $v: Int!, $n: Int, $i: Int) { deleteNode(id: $id, version: $v, expectedNodes: $n, expectedIndicators: $i) { nodeIds } }';
    const stale = await stack.gql(expect0, { id: parent.id, v: parent.version, n: 0, i: 0 }, { as: 'admin.so' });
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0]!.extensions).toEqual({ code: 'CONFLICT', entity: 'PlanNode', id: parent.id, nodes: 1, indicators: 0 });
    expect(await count('SELECT count(*) AS n FROM plan_node WHERE id = ANY($1::uuid[])', [[parent.id, child.id]])).toBe(2);
    // Counted again: one node under it. Deleted, both.
    const done = await ok<{ deleteNode: { nodeIds: string[] } }>(expect0, { id: parent.id, v: parent.version, n: 1, i: 0 });
    expect([...done.deleteNode.nodeIds].sort()).toEqual([parent.id, child.id].sort());
    expect(await count('SELECT count(*) AS n FROM plan_node WHERE id = ANY($1::uuid[])', [[parent.id, child.id]])).toBe(0);
  });

  it('is the administration\'s only: staff, manager (even of the unit) and OIV FORBIDDEN; the other chamber NOT_FOUND', async () => {
    // 1.3.1 answers to the Registro Imprese unit, manager.so's and staff.so's.
    const action = await node('1.3.1');
    const indicator = action.indicators[0]!;
    for (const as of ['staff.so', 'manager.so', 'oiv.so', 'unioncamere']) {
      expect(codes(await stack.gql(DELETE_NODE, { id: action.id, v: action.version }, { as }))).toEqual(['FORBIDDEN']);
      expect(codes(await stack.gql(DELETE_INDICATOR, { id: indicator.id, v: indicator.version }, { as }))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await stack.gql(DELETE_NODE, { id: action.id, v: action.version }, { as: 'admin.mt' }))).toEqual(['NOT_FOUND']);
    expect(codes(await stack.gql(DELETE_INDICATOR, { id: indicator.id, v: indicator.version }, { as: 'admin.mt' }))).toEqual(['NOT_FOUND']);
    expect(codes(await stack.gql(DELETE_NODE, { id: action.id, v: action.version }, { token: null }))).toEqual(['UNAUTHENTICATED']);
    expect(await count('SELECT count(*) AS n FROM plan_node WHERE id = $1', [action.id])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM indicator WHERE id = $1', [indicator.id])).toBe(1);
  });

  it('rolls the whole request back when a later mutation of it fails: nothing half-deleted, nothing audited', async () => {
    const first = await node('1.3.1');
    const second = await node('1.3.2');
    const nodeIds = await subtree(first.id);
    const since = await lastAuditId();
    const r = await stack.gql(
      'mutation($a: ID!, $av: Int!, $b: ID!, $bv: Int!) { a: deleteNode(id: $a, version: $av) { id } b: deleteNode(id: $b, version: $bv) { id } }',
      { a: first.id, av: first.version, b: second.id, bv: second.version + 10 },
      { as: 'admin.so' },
    );
    expect(codes(r)).toEqual(['CONFLICT']);
    expect(r.data).toBeNull();
    expect(await count('SELECT count(*) AS n FROM plan_node WHERE id = ANY($1::uuid[])', [nodeIds])).toBe(nodeIds.length);
    expect(await count('SELECT count(*) AS n FROM indicator WHERE node_id = $1', [first.id])).toBe(first.indicators.length);
    expect((await auditedDeletes(since)).keys).toEqual([]);
  });

  it('refuses while an objective of the next cycle continues it; once that one goes, it goes too', async () => {
    const copy = await ok<{ copyCycle: { id: string } }>('mutation($id: ID!) { copyCycle(fromCycleId: $id, year: 2022) { id } }', { id: cycle2021 });
    expect(copy.copyCycle.id).toBeTruthy();
    const semplificazione = await node('1.3');
    const r = await stack.gql(DELETE_NODE, { id: semplificazione.id, v: semplificazione.version }, { as: 'admin.so' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.errors![0]!.extensions).toMatchObject({ reason: 'CONTINUED_IN_NEXT_CYCLE', measurements: [], overrides: [] });
    const continued = (r.errors![0]!.extensions!.continuedBy as { year: number; code: string; continues: string }[]).map((c) => `${c.year} ${c.code} ← ${c.continues}`);
    const under = (await rows<{ code: string }>('SELECT code FROM plan_node WHERE id = ANY($1::uuid[]) ORDER BY code', [await subtree(semplificazione.id)])).map((x) => `2022 ${x.code} ← ${x.code}`);
    expect(continued.sort()).toEqual(under);
    expect(r.errors![0]!.message).toMatch(/^node 1\.3 cannot be deleted: objectives of a later cycle continue it: 1\.3 of 2022 \(continues 1\.3\)/);

    // The 2022 draft's 1.3 (its subtree continues 1.3's) goes first; then 2021's 1.3 may go.
    const next = await node('1.3', 2022);
    await ok(DELETE_NODE, { id: next.id, v: next.version });
    const gone = await ok<{ deleteNode: { nodeIds: string[] } }>(DELETE_NODE, { id: semplificazione.id, v: semplificazione.version });
    expect(gone.deleteNode.nodeIds).toContain(semplificazione.id);
    expect(await count('SELECT count(*) AS n FROM plan_node WHERE id = $1', [semplificazione.id])).toBe(0);
  });
});
