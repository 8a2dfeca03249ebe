// Cross-tenant access, driven by introspection: every query and mutation of the schema must have a case
// here (a new field without one fails the suite). Each case aims at chamber A (Sondrio) with the tokens of
// every role of chamber B (Maremma e Tirreno), of the Unioncamere analyst and of nobody; the answer must be
// NOT_FOUND or FORBIDDEN (UNAUTHENTICATED for nobody), and not one row of chamber A may change.
// "Scoped" fields take no id of A (viewer, lists, creations in the caller's own chamber): their answer must
// not contain anything of A. Read cases are also run as A's administrator, so that the ids are known real.
// The benchmark compares chambers by design: A's values reach every caller allowed to compare, anonymised
// ("Camera XXXXXX", no id, code or name) except for Unioncamere, to whom the database names every chamber.
// Such a case lists those callers in `disclosedTo`; for them only A's identity (its id and name) may appear,
// never any other of A's secrets.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSqlUnitOfWork } from '@albero/db';
import { codes, demo, startStack, type Stack } from './support/stack.js';

type Ids = Record<
  'login' | 'chamber' | 'cycle' | 'draftCycle' | 'node' | 'childNode' | 'indicator' | 'target' | 'measurement' | 'period' | 'unit' | 'person' | 'variable' | 'override' | 'revision' | 'report',
  string
> & { nodeVersion: number; callerChamberVersion: number };

type Case = { kind: 'targeted' | 'scoped'; query: string; variables?: Record<string, unknown>; disclosedTo?: readonly (typeof ATTACKERS)[number][] };

const ATTACKERS = ['admin.mt', 'manager.mt', 'staff.mt', 'oiv.mt', 'unioncamere', null] as const;
const v = 1;

/** One case per root field; `ids` are chamber A's. */
const CASES: Record<'Query' | 'Mutation', Record<string, (ids: Ids) => Case>> = {
  Query: {
    // Compared chambers: A (Sondrio) has values of 1.2.2 in 2024; peers see it only as a pseudonym.
    benchmark: () => ({
      kind: 'scoped',
      query: `{ benchmark(kind: system_objective, code: "1.2.2", fromYear: 2024, toYear: 2024) { code entries { value chamber { id code name label region activeFirms } } } }`,
      disclosedTo: ['unioncamere'],
    }),
    financialRatios: () => ({ kind: 'scoped', query: `{ financialRatios { code title } }` }),
    sizeClasses: () => ({ kind: 'scoped', query: `{ sizeClasses { code label } }` }),
    systemObjectives: () => ({ kind: 'scoped', query: `{ systemObjectives(year: 2024) { id code title } }` }),
    auditTrail: (ids) => ({ kind: 'scoped', query: `query($e: String) { auditTrail(entityId: $e, first: 50) { edges { node { entity entityId before after } } } }`, variables: { e: ids.node } }),
    chambers: () => ({ kind: 'targeted', query: `{ chambers(first: 50) { edges { node { id code } } } }` }),
    cycle: (ids) => ({ kind: 'targeted', query: `query($id: ID) { cycle(id: $id) { id year } }`, variables: { id: ids.cycle } }),
    cycles: () => ({ kind: 'scoped', query: `{ cycles { id year nodes { id code } } }` }),
    indicator: (ids) => ({ kind: 'targeted', query: `query($id: ID!) { indicator(id: $id) { id name } }`, variables: { id: ids.indicator } }),
    measurement: (ids) => ({ kind: 'targeted', query: `query($id: ID!) { measurement(id: $id) { id status } }`, variables: { id: ids.measurement } }),
    measurements: (ids) => ({ kind: 'targeted', query: `query($c: ID!) { measurements(cycleId: $c, first: 10) { edges { node { id } } } }`, variables: { c: ids.cycle } }),
    myChamber: () => ({ kind: 'scoped', query: `{ myChamber { id code name } }` }),
    myScorecard: (ids) => ({ kind: 'targeted', query: `query($c: ID!) { myScorecard(cycleId: $c) { personId unavailableReason scorecard { score } } }`, variables: { c: ids.cycle } }),
    personScorecard: (ids) => ({ kind: 'targeted', query: `query($p: ID!, $c: ID!) { personScorecard(personId: $p, cycleId: $c) { personId appraisal { id } scorecard { score components { nodeIds } } } }`, variables: { p: ids.person, c: ids.cycle } }),
    // Public by design (like publicReport): A's published years and titles, no id of A.
    publishedCycles: () => ({ kind: 'scoped', query: `{ publishedCycles(chamberCode: "SO") { year title horizonStart horizonEnd publishedAt } }` }),
    myObjectives: (ids) => ({ kind: 'targeted', query: `query($c: ID) { myObjectives(cycleId: $c) { node { id } } }`, variables: { c: ids.cycle } }),
    node: (ids) => ({ kind: 'targeted', query: `query($id: ID!) { node(id: $id) { id title } }`, variables: { id: ids.node } }),
    people: () => ({ kind: 'scoped', query: `{ people(first: 100) { edges { node { id username } } } }` }),
    person: (ids) => ({ kind: 'targeted', query: `query($id: ID!) { person(id: $id) { id username } }`, variables: { id: ids.person } }),
    // A's 2020 cycle is approved, not published: nobody reads it as the public.
    publicReport: () => ({ kind: 'targeted', query: `{ publicReport(chamberCode: "SO", year: 2020) { year nodes { code } } }` }),
    unit: (ids) => ({ kind: 'targeted', query: `query($id: ID!) { unit(id: $id) { id code } }`, variables: { id: ids.unit } }),
    units: () => ({ kind: 'scoped', query: `{ units(first: 100) { edges { node { id code name } } } }` }),
    variables: () => ({ kind: 'scoped', query: `{ variables { id key values { value } } }` }),
    viewer: () => ({ kind: 'scoped', query: `{ viewer { kind username chamberCode chamber { id } person { id } } }` }),
    // Lists the caller's own organization's logins (from Keycloak); nothing of A.
    chamberLogins: () => ({ kind: 'scoped', query: `{ chamberLogins { id username email personId } }` }),
  },
  Mutation: {
    // Logins of A (Keycloak users, members of A's organization): B's administrator gets NOT_FOUND (membership is
    // checked in Keycloak), the other roles FORBIDDEN; Keycloak is left unchanged (identity-admin.test.ts).
    assignLoginRoles: (ids) => ({ kind: 'targeted', query: `mutation($u: ID!) { assignLoginRoles(userId: $u, roles: ["chamber-admin"]) { id roles } }`, variables: { u: ids.login } }),
    removeLoginRoles: (ids) => ({ kind: 'targeted', query: `mutation($u: ID!) { removeLoginRoles(userId: $u, roles: ["staff"]) { id roles } }`, variables: { u: ids.login } }),
    setLoginEnabled: (ids) => ({ kind: 'targeted', query: `mutation($u: ID!) { setLoginEnabled(userId: $u, enabled: false) { id enabled } }`, variables: { u: ids.login } }),
    resendInvitation: (ids) => ({ kind: 'targeted', query: `mutation($u: ID!) { resendInvitation(userId: $u) { id } }`, variables: { u: ids.login } }),
    // Invites into the caller's own chamber only (B's administrator succeeds there); nothing of A.
    inviteLogin: () => ({ kind: 'scoped', query: `mutation { inviteLogin(person: { email: "invito.incrociato@esempio.it", firstName: "Invito", lastName: "Incrociato" }, roles: ["staff"]) { id username roles } }` }),
    addPeriod: (ids) => ({ kind: 'targeted', query: `mutation($c: ID!) { addPeriod(cycleId: $c, periodDate: "2020-03-31") { id } }`, variables: { c: ids.draftCycle } }),
    approveCycle: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { approveCycle(id: $id, version: ${v}, resolutionNumber: "9/GC", resolutionDate: "2025-01-31") { id } }`, variables: { id: ids.draftCycle } }),
    approveMeasurement: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { approveMeasurement(id: $id, version: ${v}) { id } }`, variables: { id: ids.measurement } }),
    assignNode: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!, $u: ID!) { assignNode(id: $id, version: ${v}, unitIds: [$u], people: []) { id } }`, variables: { id: ids.node, u: ids.unit } }),
    closeCycle: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { closeCycle(id: $id, version: ${v}) { id } }`, variables: { id: ids.cycle } }),
    closePeriod: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { closePeriod(id: $id, version: ${v}) { id } }`, variables: { id: ids.period } }),
    copyCycle: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { copyCycle(fromCycleId: $id, year: 2030) { id } }`, variables: { id: ids.cycle } }),
    createCycle: () => ({ kind: 'scoped', query: `mutation { createCycle(year: 2099, levels: [{ key: "a", name: "Area", kind: area }], periods: []) { id year } }` }),
    createIndicator: (ids) => ({ kind: 'targeted', query: `mutation($n: ID!) { createIndicator(nodeId: $n, name: "Indicatore intruso") { id } }`, variables: { n: ids.childNode } }),
    createNode: (ids) => ({ kind: 'targeted', query: `mutation($c: ID!, $p: ID) { createNode(cycleId: $c, parentId: $p, levelKey: "operativo", code: "X.9", title: "Nodo intruso") { id } }`, variables: { c: ids.draftCycle, p: ids.node } }),
    createPerson: (ids) => ({ kind: 'targeted', query: `mutation($u: ID!) { createPerson(username: "intruso", displayName: "Persona intrusa", units: [{ unitId: $u }]) { id } }`, variables: { u: ids.unit } }),
    createRevision: (ids) => ({ kind: 'targeted', query: `mutation($c: ID!) { createRevision(cycleId: $c, revisedOn: "2020-07-01", reason: "Rimodulazione intrusa") { id } }`, variables: { c: ids.cycle } }),
    createUnit: (ids) => ({ kind: 'targeted', query: `mutation($p: ID!) { createUnit(code: "INTR", name: "Unità intrusa", kind: uo, parentId: $p) { id } }`, variables: { p: ids.unit } }),
    createVariable: () => ({ kind: 'scoped', query: `mutation { createVariable(key: "cross_tenant_probe", name: "Variabile di prova") { id key } }` }),
    // A's node (with its subtree) and indicator: the other chamber's administrator sees no such row (NOT_FOUND).
    deleteIndicator: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { deleteIndicator(id: $id, version: ${v}) { id targetIds } }`, variables: { id: ids.indicator } }),
    deleteNode: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!, $ver: Int!) { deleteNode(id: $id, version: $ver) { id nodeIds indicatorIds } }`, variables: { id: ids.node, ver: ids.nodeVersion } }),
    enterMeasurement: (ids) => ({ kind: 'targeted', query: `mutation($i: ID!, $p: ID!) { enterMeasurement(indicatorId: $i, periodId: $p, valueNumber: 1, version: ${v}) { id } }`, variables: { i: ids.indicator, p: ids.period } }),
    moveNode: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { moveNode(id: $id, version: ${v}, parentId: null) { id } }`, variables: { id: ids.childNode } }),
    openPeriod: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { openPeriod(id: $id, version: ${v}) { id } }`, variables: { id: ids.period } }),
    // A catalogue of a year no plan uses: Unioncamere may publish it; no chamber row may change.
    publishSystemObjectives: () => ({ kind: 'scoped', query: `mutation { publishSystemObjectives(year: 2031, objectives: [{ code: "X.1", title: "Obiettivo di prova" }]) { id code } }` }),
    publishCycle: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { publishCycle(id: $id, version: ${v}) { id } }`, variables: { id: ids.draftCycle } }),
    rejectMeasurement: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { rejectMeasurement(id: $id, version: ${v}, reason: "Valore non documentato") { id } }`, variables: { id: ids.measurement } }),
    reorderNodes: (ids) => ({ kind: 'targeted', query: `mutation($c: ID!, $p: ID, $n: ID!) { reorderNodes(cycleId: $c, parentId: $p, order: [{ id: $n, version: ${v} }]) { id } }`, variables: { c: ids.cycle, p: ids.node, n: ids.childNode } }),
    resumeChamber: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { resumeChamber(id: $id, version: ${v}) { id } }`, variables: { id: ids.chamber } }),
    reviseTarget: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!, $r: ID!) { reviseTarget(id: $id, version: ${v}, revisionId: $r, values: { valueNumber: 1 }) { id } }`, variables: { id: ids.target, r: ids.revision } }),
    revokeOverride: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { revokeOverride(id: $id, version: ${v}) { id } }`, variables: { id: ids.override } }),
    // Acts on the caller's own chamber only (there is no id of A to aim at): B's administrator shares B's name.
    setBenchmarkNameSharing: (ids) => ({ kind: 'scoped', query: `mutation($v: Int!) { setBenchmarkNameSharing(share: true, version: $v) { id code shareNameInBenchmark } }`, variables: { v: ids.callerChamberVersion } }),
    setAppraisal: (ids) => ({ kind: 'targeted', query: `mutation($p: ID!, $c: ID!) { setAppraisal(personId: $p, cycleId: $c, roleProfile: "dipendente", behaviourScore: 10) { personId } }`, variables: { p: ids.person, c: ids.cycle } }),
    updateLevels: (ids) => ({ kind: 'targeted', query: `mutation($c: ID!) { updateLevels(cycleId: $c, version: ${v}, levels: [{ key: "strategico", name: "Livello intruso" }]) { id } }`, variables: { c: ids.draftCycle } }),
    setNodeWeights: (ids) => ({ kind: 'targeted', query: `mutation($p: ID!, $n: ID!) { setNodeWeights(parentId: $p, weights: [{ id: $n, version: ${v}, weight: 100 }]) { id } }`, variables: { p: ids.node, n: ids.childNode } }),
    setOverride: (ids) => ({ kind: 'targeted', query: `mutation($n: ID!) { setOverride(nodeId: $n, score: 100, reason: "Parere OIV intruso") { id } }`, variables: { n: ids.node } }),
    setTarget: (ids) => ({ kind: 'targeted', query: `mutation($i: ID!) { setTarget(indicatorId: $i, year: 2031, values: { valueNumber: 1 }) { id } }`, variables: { i: ids.indicator } }),
    setVariableValue: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { setVariableValue(variableId: $id, period: "2024-12-31", value: 1, version: ${v}) { id } }`, variables: { id: ids.variable } }),
    submitMeasurement: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { submitMeasurement(id: $id, version: ${v}) { id } }`, variables: { id: ids.measurement } }),
    subscribeChamber: () => ({ kind: 'targeted', query: `mutation { subscribeChamber(code: "ZZ", name: "Camera intrusa") { id } }` }),
    suspendChamber: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { suspendChamber(id: $id, version: ${v}) { id } }`, variables: { id: ids.chamber } }),
    updateIndicator: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { updateIndicator(id: $id, version: ${v}, name: "Nome intruso") { id } }`, variables: { id: ids.indicator } }),
    updateNode: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!, $ver: Int!) { updateNode(id: $id, version: $ver, title: "Titolo intruso") { id } }`, variables: { id: ids.node, ver: ids.nodeVersion } }),
    updatePerson: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { updatePerson(id: $id, version: ${v}, displayName: "Nome intruso") { id } }`, variables: { id: ids.person } }),
    updateTarget: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { updateTarget(id: $id, version: ${v}, values: { valueNumber: 1 }) { id } }`, variables: { id: ids.target } }),
    updateUnit: (ids) => ({ kind: 'targeted', query: `mutation($id: ID!) { updateUnit(id: $id, version: ${v}, name: "Unità intrusa") { id } }`, variables: { id: ids.unit } }),
    validateReport: (ids) => ({ kind: 'targeted', query: `mutation($c: ID!) { validateReport(cycleId: $c, version: ${v}) { id } }`, variables: { c: ids.cycle } }),
  },
};

let stack: Stack;
let ids: Ids;
let secrets: string[];
/** A's identity: the part of the secrets that a `disclosedTo` caller may see. */
let identity: string[];
const TENANT_TABLES: string[] = [];

/** Every row of chamber A, in every tenant-owned table and the chamber table, read by the owner (outside RLS). */
async function fingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of [...TENANT_TABLES, 'chamber']) {
    const column = table === 'chamber' ? 'id' : 'chamber_id';
    const { rows } = await stack.db.pool.query<{ f: string | null; n: string }>(
      `SELECT md5(string_agg(to_jsonb(t)::text, '|' ORDER BY to_jsonb(t)::text)) AS f, count(*) AS n FROM "${table}" t WHERE ${column} = $1`,
      [ids.chamber],
    );
    out[table] = `${rows[0]!.n}:${rows[0]!.f}`;
  }
  return out;
}

const one = async <T>(sql: string, params: unknown[] = []) => (await stack.db.pool.query<T & Record<string, unknown>>(sql, params)).rows[0]!;

beforeAll(async () => {
  stack = await startStack({ plans: demo('so-2020', 'so-2024', 'mt-2023') });
  const { rows } = await stack.db.pool.query<{ table_name: string }>(
    "SELECT DISTINCT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'chamber_id' ORDER BY table_name",
  );
  TENANT_TABLES.push(...rows.map((r) => r.table_name));

  const chamber = (await one<{ id: string }>("SELECT id FROM chamber WHERE code = 'SO'")).id;
  const cycle = (await one<{ id: string }>('SELECT id FROM cycle WHERE chamber_id = $1 AND year = 2024', [chamber])).id;
  const cycle2020 = (await one<{ id: string }>('SELECT id FROM cycle WHERE chamber_id = $1 AND year = 2020', [chamber])).id;
  const node = await one<{ id: string; version: number }>('SELECT id, version FROM plan_node WHERE chamber_id = $1 AND cycle_id = $2 AND EXISTS (SELECT 1 FROM plan_node c WHERE c.parent_id = plan_node.id AND EXISTS (SELECT 1 FROM indicator i WHERE i.node_id = c.id)) ORDER BY code LIMIT 1', [chamber, cycle]);
  const childNode = (await one<{ id: string }>('SELECT id FROM plan_node WHERE chamber_id = $1 AND parent_id = $2 AND EXISTS (SELECT 1 FROM indicator i WHERE i.node_id = plan_node.id) ORDER BY code LIMIT 1', [chamber, node.id])).id;
  const indicator = (await one<{ id: string }>('SELECT id FROM indicator WHERE chamber_id = $1 AND node_id = $2 ORDER BY position LIMIT 1', [chamber, childNode])).id;
  const staffSo = await stack.token('staff.so');
  const ids0 = {
    login: JSON.parse(Buffer.from(staffSo.split('.')[1]!, 'base64url').toString('utf8')).sub as string,
    chamber,
    cycle,
    draftCycle: cycle2020,
    node: node.id,
    nodeVersion: node.version,
    callerChamberVersion: (await one<{ version: number }>("SELECT version FROM chamber WHERE code = 'MT'")).version,
    childNode,
    indicator,
    target: (await one<{ id: string }>('SELECT id FROM target WHERE chamber_id = $1 AND indicator_id = $2 LIMIT 1', [chamber, indicator])).id,
    measurement: (await one<{ id: string }>('SELECT m.id FROM measurement m JOIN indicator i ON i.chamber_id = m.chamber_id AND i.id = m.indicator_id WHERE m.chamber_id = $1 AND i.cycle_id = $2 LIMIT 1', [chamber, cycle])).id,
    period: (await one<{ id: string }>('SELECT id FROM monitoring_period WHERE chamber_id = $1 AND cycle_id = $2 ORDER BY period_date LIMIT 1', [chamber, cycle])).id,
    unit: (await one<{ id: string }>("SELECT id FROM org_unit WHERE chamber_id = $1 AND code = 'RI'", [chamber])).id,
    person: (await one<{ id: string }>("SELECT id FROM person WHERE chamber_id = $1 AND username = 'staff.so'", [chamber])).id,
    override: (await one<{ id: string }>('SELECT id FROM score_override WHERE chamber_id = $1 LIMIT 1', [chamber])).id,
  };
  // Rows the demo does not have: a revision, a variable and a report of chamber A.
  const extra = await withSqlUnitOfWork(stack.db.pool, { chamberId: chamber, actor: { kind: 'system', subject: 'test' } }, async (c) => {
    const revision = randomUUID();
    const variable = randomUUID();
    const report = randomUUID();
    await c.query("INSERT INTO plan_revision (chamber_id, id, cycle_id, revised_on, reason) VALUES ($1, $2, $3, '2024-07-01', 'Rimodulazione di prova')", [chamber, revision, cycle]);
    await c.query("INSERT INTO variable (chamber_id, id, key, name) VALUES ($1, $2, 'imprese_attive_probe', 'Imprese attive')", [chamber, variable]);
    await c.query("INSERT INTO variable_value (chamber_id, variable_id, period, value) VALUES ($1, $2, '2024-12-31', 14000)", [chamber, variable]);
    await c.query("INSERT INTO report (chamber_id, id, cycle_id, kind) VALUES ($1, $2, $3, 'relazione')", [chamber, report, cycle]);
    return { revision, variable, report };
  });
  ids = { ...ids0, ...extra };
  const { rows: secretRows } = await stack.db.pool.query<{ id: string }>(
    `SELECT id::text FROM org_unit WHERE chamber_id = $1 UNION ALL SELECT id::text FROM person WHERE chamber_id = $1
     UNION ALL SELECT id::text FROM cycle WHERE chamber_id = $1 UNION ALL SELECT id::text FROM plan_node WHERE chamber_id = $1
     UNION ALL SELECT id::text FROM variable WHERE chamber_id = $1`,
    [chamber],
  );
  identity = [chamber, 'Sondrio'];
  secrets = [...identity, ...secretRows.map((r) => r.id)];
});

afterAll(() => stack?.stop());

const introspection = `{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`;

describe('cross-tenant access (introspection-driven)', () => {
  it('has a case for every query and mutation of the schema, and none for a field that does not exist', async () => {
    const r = await stack.gql<{ __schema: { queryType: { fields: { name: string }[] }; mutationType: { fields: { name: string }[] } } }>(introspection, {}, { as: 'admin.so' });
    const fields = { Query: r.data!.__schema.queryType.fields.map((f) => f.name).sort(), Mutation: r.data!.__schema.mutationType.fields.map((f) => f.name).sort() };
    expect(fields.Query.length).toBeGreaterThan(10);
    expect(fields.Mutation.length).toBeGreaterThan(30);
    expect(fields.Query).toEqual(Object.keys(CASES.Query).sort());
    expect(fields.Mutation).toEqual(Object.keys(CASES.Mutation).sort());
  });

  it('answers every read case for chamber A\'s own administrator (the ids are real)', async () => {
    for (const [field, build] of Object.entries(CASES.Query)) {
      if (field === 'chambers' || field === 'publicReport') continue;
      const c = build(ids);
      const r = await stack.gql(c.query, c.variables, { as: 'admin.so' });
      expect({ field, errors: r.errors }).toEqual({ field, errors: undefined });
    }
  });

  it('gives every other chamber role, Unioncamere and nobody NOT_FOUND or FORBIDDEN, and changes no row of chamber A', async () => {
    const before = await fingerprint();
    const failures: string[] = [];
    for (const type of ['Query', 'Mutation'] as const) {
      for (const [field, build] of Object.entries(CASES[type])) {
        const c = build(ids);
        for (const attacker of ATTACKERS) {
          const r = await stack.gql(c.query, c.variables, attacker === null ? { token: null } : { as: attacker });
          const got = codes(r);
          const allowed = attacker === null ? ['UNAUTHENTICATED', 'NOT_FOUND', 'FORBIDDEN'] : ['NOT_FOUND', 'FORBIDDEN'];
          const disclosed = c.disclosedTo?.includes(attacker) ? identity : [];
          const leaked = secrets.filter((s) => !disclosed.includes(s) && JSON.stringify(r.data ?? null).includes(s));
          if (c.kind === 'targeted' && (got.length === 0 || got.some((code) => !allowed.includes(code!)))) {
            failures.push(`${type}.${field} as ${attacker ?? 'nobody'}: ${JSON.stringify(got)} ${JSON.stringify(r.data)}`);
          }
          if (c.kind === 'scoped' && got.some((code) => !allowed.includes(code!))) failures.push(`${type}.${field} as ${attacker ?? 'nobody'}: ${JSON.stringify(got)}`);
          if (leaked.length > 0) failures.push(`${type}.${field} as ${attacker ?? 'nobody'} leaked ${leaked.join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  });
});
