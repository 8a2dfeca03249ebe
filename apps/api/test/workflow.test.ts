// The cycle end to end over HTTP with real tokens: copy last year's plan, set targets, approve, open a
// period, enter / submit / approve / reject values by role, revise a target, override a score, close,
// validate, publish; with optimistic concurrency, rollback, the audit trail and the public report.
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, demo, startStack, type GraphQLResponse, type Stack } from './support/stack.js';

let stack: Stack;
let cycle: { id: string; version: number };
const node: Record<string, { id: string; version: number; indicatorId: string }> = {};
let period: { id: string; version: number };

/** Runs an operation and fails the test with the errors when it does not succeed. */
async function ok<T>(query: string, variables: Record<string, unknown>, as: string): Promise<T> {
  const r: GraphQLResponse<T> = await stack.gql<T>(query, variables, { as });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
}

const row = async <T>(sql: string, params: unknown[]) => (await stack.db.pool.query<T & Record<string, unknown>>(sql, params)).rows[0];

beforeAll(async () => {
  stack = await startStack({ plans: demo('so-2024', 'mt-2023') });
  const so2024 = await ok<{ cycle: { id: string } }>('{ cycle(year: 2024) { id } }', {}, 'admin.so');
  const copy = await ok<{ copyCycle: { id: string; version: number; state: string } }>(
    'mutation($id: ID!) { copyCycle(fromCycleId: $id) { id version state year } }',
    { id: so2024.cycle.id },
    'admin.so',
  );
  expect(copy.copyCycle).toMatchObject({ state: 'draft', year: 2025 });
  cycle = copy.copyCycle;
  const nodes = await ok<{ cycle: { nodes: { id: string; code: string; version: number; indicators: { id: string }[] }[]; periods: { id: string; periodDate: string; version: number }[] } }>(
    'query($id: ID) { cycle(id: $id) { nodes { id code version indicators { id } } periods { id periodDate version } } }',
    { id: cycle.id },
    'admin.so',
  );
  for (const n of nodes.cycle.nodes) if (n.indicators[0]) node[n.code] = { id: n.id, version: n.version, indicatorId: n.indicators[0].id };
  period = nodes.cycle.periods.find((p) => p.periodDate === '2025-12-31')!;
  // The copied plan has no 2025 targets (Sondrio's file plans 2024 only): set two, then approve.
  for (const [code, value] of [['3.2.2', 24], ['1.3.1', 220]] as const) {
    await ok('mutation($i: ID!, $v: Float!) { setTarget(indicatorId: $i, year: 2025, values: { operator: lte, valueNumber: $v, threshold80Number: 26, threshold60Number: 28 }) { id } }', { i: node[code]!.indicatorId, v: value }, 'admin.so');
  }
  const approved = await ok<{ approveCycle: { version: number; state: string } }>(
    'mutation($id: ID!, $v: Int!) { approveCycle(id: $id, version: $v, resolutionNumber: "4/GC", resolutionDate: "2025-01-30") { version state resolutionNumber } }',
    { id: cycle.id, v: cycle.version },
    'admin.so',
  );
  expect(approved.approveCycle.state).toBe('approved');
  const opened = await ok<{ openPeriod: { version: number; state: string } }>('mutation($id: ID!, $v: Int!) { openPeriod(id: $id, version: $v) { version state } }', { id: period.id, v: period.version }, 'admin.so');
  expect(opened.openPeriod.state).toBe('open');
  period = { id: period.id, version: opened.openPeriod.version };
});

afterAll(() => stack?.stop());

const ENTER = 'mutation($i: ID!, $p: ID!, $v: Float, $ver: Int) { enterMeasurement(indicatorId: $i, periodId: $p, valueNumber: $v, version: $ver) { id version status valueNumber enteredBy rejectionReason } }';
type Measurement = { id: string; version: number; status: string; valueNumber: number | null; enteredBy: string; rejectionReason: string | null };

describe('the plan', () => {
  it('links every copied node to the objective it continues and starts the copy as a draft without values', async () => {
    const r = await ok<{ cycle: { state: string; previousCycle: { year: number }; nodes: { code: string; previousNode: { code: string; cycleId: string } | null; indicators: { measurements: unknown[] }[] }[] } }>(
      'query($id: ID) { cycle(id: $id) { state previousCycle { year } nodes { code previousNode { code cycleId } indicators { measurements { id } } } } }',
      { id: cycle.id },
      'admin.so',
    );
    expect(r.cycle.previousCycle.year).toBe(2024);
    expect(r.cycle.nodes.length).toBeGreaterThan(50);
    expect(r.cycle.nodes.every((n) => n.previousNode?.code === n.code)).toBe(true);
    expect(r.cycle.nodes.flatMap((n) => n.indicators.flatMap((i) => i.measurements))).toEqual([]);
  });

  it('refuses structural edits once the plan is approved', async () => {
    const r = await stack.gql('mutation($id: ID!, $v: Int!) { updateNode(id: $id, version: $v, weight: 50) { id } }', { id: node['3.2.2']!.id, v: node['3.2.2']!.version }, { as: 'admin.so' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('lets a manager edit the wording of an objective of their unit, not of another unit', async () => {
    const own = await ok<{ updateNode: { title: string; version: number } }>('mutation($id: ID!, $v: Int!) { updateNode(id: $id, version: $v, title: "Sospensione delle pratiche del Registro imprese") { title version } }', { id: node['3.2.2']!.id, v: node['3.2.2']!.version }, 'manager.so');
    expect(own.updateNode).toEqual({ title: 'Sospensione delle pratiche del Registro imprese', version: node['3.2.2']!.version + 1 });
    node['3.2.2']!.version = own.updateNode.version;
    const other = await stack.gql('mutation($id: ID!, $v: Int!) { updateNode(id: $id, version: $v, title: "Titolo cambiato") { id } }', { id: node['1.3.1']!.id, v: node['1.3.1']!.version }, { as: 'manager.so' });
    expect(codes(other)).toEqual(['FORBIDDEN']);
  });

  it('gives CONFLICT to a stale version and overwrites nothing', async () => {
    const { id, version } = node['3.2.2']!;
    const first = await ok<{ updateNode: { version: number } }>('mutation($id: ID!, $v: Int!) { updateNode(id: $id, version: $v, description: "prima modifica") { version } }', { id, v: version }, 'admin.so');
    node['3.2.2']!.version = first.updateNode.version;
    const stale = await stack.gql('mutation($id: ID!, $v: Int!) { updateNode(id: $id, version: $v, description: "modifica su dati vecchi") { version } }', { id, v: version }, { as: 'admin.so' });
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', entity: 'PlanNode', id, version });
    expect(await row('SELECT description, version FROM plan_node WHERE id = $1', [id])).toEqual({ description: 'prima modifica', version: version + 1 });
  });

  it('records every write in the audit trail with actor, time, before and after', async () => {
    const sub = decodeJwt(await stack.token('admin.so')).sub;
    const r = await ok<{ auditTrail: { edges: { node: { actorSubject: string; action: string; at: string; before: { description: string | null }; after: { description: string } } }[] } }>(
      'query($e: String) { auditTrail(entity: "plan_node", entityId: $e, first: 10) { edges { node { actorSubject action at before after } } } }',
      { e: node['3.2.2']!.id },
      'oiv.so',
    );
    const latest = r.auditTrail.edges[0]!.node;
    expect(latest).toMatchObject({ actorSubject: sub, action: 'update', before: { description: null }, after: { description: 'prima modifica' } });
    expect(Date.now() - new Date(latest.at).getTime()).toBeLessThan(60_000);
    // The stale attempt wrote nothing, so it left no event.
    expect(r.auditTrail.edges.filter((e) => e.node.after.description === 'modifica su dati vecchi')).toEqual([]);
  });

  it('rolls the whole request back when one mutation of it fails', async () => {
    const { id, version } = node['3.2.2']!;
    const r = await stack.gql(
      'mutation($id: ID!, $v: Int!) { a: updateNode(id: $id, version: $v, note: "scritto e poi annullato") { version } b: updateNode(id: $id, version: $v, note: "stale") { version } }',
      { id, v: version },
      { as: 'admin.so' },
    );
    expect(codes(r)).toEqual(['CONFLICT']);
    expect(r.data).toBeNull();
    expect(await row('SELECT note, version FROM plan_node WHERE id = $1', [id])).toEqual({ note: null, version });
  });

  it('validates sibling weights on request: 33.33 + 33.33 + 33.34 passes, 99 does not', async () => {
    const draft = await ok<{ createCycle: { id: string } }>('mutation { createCycle(year: 2026, levels: [{ key: "s", name: "Obiettivo strategico", kind: strategic }, { key: "o", name: "Obiettivo operativo", kind: operational }], periods: ["2026-12-31"]) { id } }', {}, 'admin.so');
    const parent = await ok<{ createNode: { id: string } }>('mutation($c: ID!) { createNode(cycleId: $c, levelKey: "s", code: "1", title: "Strategico uno") { id } }', { c: draft.createCycle.id }, 'admin.so');
    const children: { id: string; version: number }[] = [];
    for (const code of ['1.1', '1.2', '1.3']) {
      const child = await ok<{ createNode: { id: string; version: number } }>('mutation($c: ID!, $p: ID!, $code: String!) { createNode(cycleId: $c, parentId: $p, levelKey: "o", code: $code, title: "Operativo", weight: 30) { id version } }', { c: draft.createCycle.id, p: parent.createNode.id, code }, 'admin.so');
      children.push(child.createNode);
    }
    const bad = await stack.gql('mutation($p: ID!, $w: [WeightInput!]!) { setNodeWeights(parentId: $p, weights: $w) { weight } }', { p: parent.createNode.id, w: children.map((c, i) => ({ ...c, weight: i === 2 ? 33 : 33 })) }, { as: 'admin.so' });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions).toMatchObject({ sum: 99 });
    expect((await stack.db.pool.query<{ w: number }>('SELECT weight::float AS w FROM plan_node WHERE parent_id = $1 ORDER BY position', [parent.createNode.id])).rows.map((r) => r.w)).toEqual([30, 30, 30]);
    const good = await ok<{ setNodeWeights: { weight: number }[] }>('mutation($p: ID!, $w: [WeightInput!]!) { setNodeWeights(parentId: $p, weights: $w) { weight } }', { p: parent.createNode.id, w: children.map((c, i) => ({ ...c, weight: i === 2 ? 33.34 : 33.33 })) }, 'admin.so');
    expect(good.setNodeWeights.map((n) => n.weight)).toEqual([33.33, 33.33, 33.34]);
    const issues = await ok<{ cycle: { weightIssues: unknown[] } }>('query($id: ID) { cycle(id: $id) { weightIssues { sum } } }', { id: draft.createCycle.id }, 'admin.so');
    expect(issues.cycle.weightIssues).toEqual([]);
  });
});

describe('measurements', () => {
  let m: Measurement;

  it('lets staff enter a value of an indicator assigned to them', async () => {
    const sub = decodeJwt(await stack.token('staff.so')).sub;
    m = (await ok<{ enterMeasurement: Measurement }>(ENTER, { i: node['3.2.2']!.indicatorId, p: period.id, v: 25 }, 'staff.so')).enterMeasurement;
    expect(m).toMatchObject({ status: 'draft', valueNumber: 25, enteredBy: sub });
  });

  it('refuses staff a value of an indicator of another unit, and writes nothing', async () => {
    const r = await stack.gql(ENTER, { i: node['1.3.1']!.indicatorId, p: period.id, v: 200 }, { as: 'staff.so' });
    expect(codes(r)).toEqual(['FORBIDDEN']);
    expect(await row('SELECT count(*)::int AS n FROM measurement WHERE indicator_id = $1', [node['1.3.1']!.indicatorId])).toEqual({ n: 0 });
  });

  it('refuses the OIV data entry, and the staff the approval', async () => {
    expect(codes(await stack.gql(ENTER, { i: node['3.2.2']!.indicatorId, p: period.id, v: 1, ver: m.version }, { as: 'oiv.so' }))).toEqual(['FORBIDDEN']);
    expect(codes(await stack.gql('mutation($id: ID!, $v: Int!) { approveMeasurement(id: $id, version: $v) { id } }', { id: m.id, v: m.version }, { as: 'staff.so' }))).toEqual(['FORBIDDEN']);
  });

  it('needs a reason to reject; the reason is kept; staff correct and resubmit; the manager of the unit approves', async () => {
    m = (await ok<{ submitMeasurement: Measurement }>('mutation($id: ID!, $v: Int!) { submitMeasurement(id: $id, version: $v) { id version status valueNumber enteredBy rejectionReason } }', { id: m.id, v: m.version }, 'staff.so')).submitMeasurement;
    expect(m.status).toBe('submitted');
    const noReason = await stack.gql('mutation($id: ID!, $v: Int!) { rejectMeasurement(id: $id, version: $v, reason: "  ") { id } }', { id: m.id, v: m.version }, { as: 'manager.so' });
    expect(codes(noReason)).toEqual(['BAD_USER_INPUT']);
    m = (await ok<{ rejectMeasurement: Measurement }>('mutation($id: ID!, $v: Int!) { rejectMeasurement(id: $id, version: $v, reason: "Manca il dato di dicembre") { id version status valueNumber enteredBy rejectionReason } }', { id: m.id, v: m.version }, 'manager.so')).rejectMeasurement;
    expect(m).toMatchObject({ status: 'rejected', rejectionReason: 'Manca il dato di dicembre' });
    const missingVersion = await stack.gql(ENTER, { i: node['3.2.2']!.indicatorId, p: period.id, v: 23 }, { as: 'staff.so' });
    expect(codes(missingVersion)).toEqual(['BAD_USER_INPUT']);
    m = (await ok<{ enterMeasurement: Measurement }>(ENTER, { i: node['3.2.2']!.indicatorId, p: period.id, v: 23, ver: m.version }, 'staff.so')).enterMeasurement;
    expect(m).toMatchObject({ status: 'draft', valueNumber: 23, rejectionReason: null });
    m = (await ok<{ submitMeasurement: Measurement }>('mutation($id: ID!, $v: Int!) { submitMeasurement(id: $id, version: $v) { id version status valueNumber enteredBy rejectionReason } }', { id: m.id, v: m.version }, 'staff.so')).submitMeasurement;
    m = (await ok<{ approveMeasurement: Measurement }>('mutation($id: ID!, $v: Int!) { approveMeasurement(id: $id, version: $v) { id version status valueNumber enteredBy rejectionReason } }', { id: m.id, v: m.version }, 'manager.so')).approveMeasurement;
    expect(m.status).toBe('approved');
  });

  it('never lets whoever entered or submitted a value review it (separation of duties)', async () => {
    // The manager enters and submits a value of their unit: they cannot approve or reject it; the administration can.
    let own = (await ok<{ enterMeasurement: Measurement }>(ENTER, { i: node['3.2.3']!.indicatorId, p: period.id, v: 30 }, 'manager.so')).enterMeasurement;
    own = (await ok<{ submitMeasurement: Measurement }>('mutation($id: ID!, $v: Int!) { submitMeasurement(id: $id, version: $v) { id version status valueNumber enteredBy rejectionReason } }', { id: own.id, v: own.version }, 'manager.so')).submitMeasurement;
    const mine = await ok<{ measurement: { enteredByViewer: boolean } }>('query($id: ID!) { measurement(id: $id) { enteredByViewer } }', { id: own.id }, 'manager.so');
    expect(mine.measurement.enteredByViewer).toBe(true);
    const theirs = await ok<{ measurement: { enteredByViewer: boolean } }>('query($id: ID!) { measurement(id: $id) { enteredByViewer } }', { id: own.id }, 'admin.so');
    expect(theirs.measurement.enteredByViewer).toBe(false);
    const approve = await stack.gql('mutation($id: ID!, $v: Int!) { approveMeasurement(id: $id, version: $v) { id } }', { id: own.id, v: own.version }, { as: 'manager.so' });
    expect(codes(approve)).toEqual(['FORBIDDEN']);
    expect(approve.errors![0]!.extensions).toMatchObject({ reason: 'SELF_REVIEW' });
    const reject = await stack.gql('mutation($id: ID!, $v: Int!) { rejectMeasurement(id: $id, version: $v, reason: "Lo respingo io stesso") { id } }', { id: own.id, v: own.version }, { as: 'manager.so' });
    expect(codes(reject)).toEqual(['FORBIDDEN']);
    expect(await row('SELECT status::text, reviewed_by, version FROM measurement WHERE id = $1', [own.id])).toEqual({ status: 'submitted', reviewed_by: null, version: own.version });
    const approved = await ok<{ approveMeasurement: Measurement }>('mutation($id: ID!, $v: Int!) { approveMeasurement(id: $id, version: $v) { id version status valueNumber enteredBy rejectionReason } }', { id: own.id, v: own.version }, 'admin.so');
    expect(approved.approveMeasurement.status).toBe('approved');
    // Who did what, by name: each person's first write linked their record to their identity-provider subject.
    const names = await ok<{ measurement: { enteredByName: string; submittedByName: string; reviewedByName: string } }>('query($id: ID!) { measurement(id: $id) { enteredByName submittedByName reviewedByName } }', { id: own.id }, 'oiv.so');
    expect(names.measurement).toEqual({ enteredByName: 'Responsabile Demo U.O. Registro Imprese', submittedByName: 'Responsabile Demo U.O. Registro Imprese', reviewedByName: 'Amministratore Demo Sondrio' });
    expect(await row("SELECT p.subject FROM person p JOIN chamber c ON c.id = p.chamber_id WHERE c.code = 'SO' AND p.username = $1", ['manager.so'])).toEqual({ subject: decodeJwt(await stack.token('manager.so')).sub });
  });

  it('scores the approved value: 23 days against a target of at most 24 meets it', async () => {
    const r = await ok<{ indicator: { score: { score: number; value: number; explanation: { rule: string; met: string } } } }>('query($id: ID!, $p: ID) { indicator(id: $id) { score(periodId: $p) { score value explanation } } }', { id: node['3.2.2']!.indicatorId, p: period.id }, 'staff.so');
    expect(r.indicator.score).toMatchObject({ score: 100, value: 23, explanation: { rule: 'step', met: 'target' } });
  });

  it('lists what the staff member must enter next, with the reason the objective is theirs', async () => {
    const r = await ok<{ myObjectives: { node: { code: string }; reasons: string[]; pending: { next: string; indicator: { id: string } }[] }[] }>('query($c: ID) { myObjectives(cycleId: $c) { node { code } reasons pending { next indicator { id } period { periodDate } } } }', { c: cycle.id }, 'staff.so');
    const byCode = new Map(r.myObjectives.map((o) => [o.node.code, o]));
    expect(byCode.get('3.2.2')).toMatchObject({ reasons: ['assigned', 'unit'], pending: [] });
    expect(byCode.get('3.2.1')).toMatchObject({ reasons: ['assigned', 'unit'], pending: [{ next: 'enter' }] });
    expect(byCode.has('1.3.1')).toBe(false);
  });
});

describe('revisions, overrides and publication', () => {
  it('keeps the original target beside the revised one, and scores against the revised one', async () => {
    const revision = await ok<{ createRevision: { id: string } }>('mutation($c: ID!) { createRevision(cycleId: $c, revisedOn: "2025-07-15", reason: "Rimodulazione di metà anno") { id } }', { c: cycle.id }, 'admin.so');
    const original = await ok<{ indicator: { targets: { id: string; version: number }[] } }>('query($id: ID!) { indicator(id: $id) { targets(year: 2025) { id version } } }', { id: node['3.2.2']!.indicatorId }, 'admin.so');
    await ok('mutation($id: ID!, $v: Int!, $r: ID!) { reviseTarget(id: $id, version: $v, revisionId: $r, values: { valueNumber: 22, threshold80Number: 24, threshold60Number: 26 }) { id } }', { id: original.indicator.targets[0]!.id, v: original.indicator.targets[0]!.version, r: revision.createRevision.id }, 'admin.so');
    const after = await ok<{ indicator: { targets: { valueNumber: number; revision: { reason: string } | null }[]; score: { score: number; explanation: { target: { source: string; value: number; original: { value: number } } } } } }>(
      'query($id: ID!, $p: ID) { indicator(id: $id) { targets(year: 2025) { valueNumber revision { reason } } score(periodId: $p) { score explanation } } }',
      { id: node['3.2.2']!.indicatorId, p: period.id },
      'admin.so',
    );
    expect(after.indicator.targets).toEqual([{ valueNumber: 24, revision: null }, { valueNumber: 22, revision: { reason: 'Rimodulazione di metà anno' } }]);
    expect(after.indicator.score.explanation.target).toMatchObject({ source: 'revised', value: 22, original: { value: 24 } });
    expect(after.indicator.score.score).toBe(80);
  });

  it('lets the OIV override a score with a reason, never without one, and keeps the computed score visible', async () => {
    const noReason = await stack.gql('mutation($n: ID!) { setOverride(nodeId: $n, score: 60, reason: "") { id } }', { n: node['1.3.1']!.id }, { as: 'oiv.so' });
    expect(codes(noReason)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await stack.gql('mutation($n: ID!) { setOverride(nodeId: $n, score: 60, reason: "Parere della dirigente") { id } }', { n: node['1.3.1']!.id }, { as: 'manager.so' }))).toEqual(['FORBIDDEN']);
    const set = await ok<{ setOverride: { by: string; reason: string; score: number } }>('mutation($n: ID!) { setOverride(nodeId: $n, score: 60, reason: "Acquisito il parere dell\'OIV: raggiunto al 60%") { by reason score } }', { n: node['1.3.1']!.id }, 'oiv.so');
    expect(set.setOverride).toEqual({ by: 'oiv', reason: "Acquisito il parere dell'OIV: raggiunto al 60%", score: 60 });
    const score = await ok<{ node: { score: { result: number; overridden: boolean; explanation: { rule: string; reason: string } } } }>('query($id: ID!, $p: ID) { node(id: $id) { score(periodId: $p) { result overridden explanation } } }', { id: node['1.3.1']!.id, p: period.id }, 'staff.so');
    expect(score.node.score).toMatchObject({ result: 60, overridden: true, explanation: { rule: 'override', reason: "Acquisito il parere dell'OIV: raggiunto al 60%" } });
  });

  it('closes, has the OIV validate and publishes; then anyone reads the report without login', async () => {
    const before = await stack.gql('{ publicReport(chamberCode: "so", year: 2025) { year } }', {}, { token: null });
    expect(codes(before)).toEqual(['NOT_FOUND']);
    const closedPeriod = await ok<{ closePeriod: { state: string } }>('mutation($id: ID!, $v: Int!) { closePeriod(id: $id, version: $v) { state } }', { id: period.id, v: period.version }, 'admin.so');
    expect(closedPeriod.closePeriod.state).toBe('closed');
    const afterEntry = await stack.gql(ENTER, { i: node['3.2.1']!.indicatorId, p: period.id, v: 2 }, { as: 'staff.so' });
    expect(codes(afterEntry)).toEqual(['BAD_USER_INPUT']);
    const current = await ok<{ cycle: { version: number } }>('query($id: ID) { cycle(id: $id) { version } }', { id: cycle.id }, 'admin.so');
    const closed = await ok<{ closeCycle: { version: number; state: string } }>('mutation($id: ID!, $v: Int!) { closeCycle(id: $id, version: $v) { version state } }', { id: cycle.id, v: current.cycle.version }, 'admin.so');
    expect(closed.closeCycle.state).toBe('closed');
    const early = await stack.gql('mutation($id: ID!, $v: Int!) { publishCycle(id: $id, version: $v) { state } }', { id: cycle.id, v: closed.closeCycle.version }, { as: 'admin.so' });
    expect(codes(early)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await stack.gql('mutation($c: ID!) { validateReport(cycleId: $c) { state } }', { c: cycle.id }, { as: 'admin.so' }))).toEqual(['FORBIDDEN']);
    const validated = await ok<{ validateReport: { state: string } }>('mutation($c: ID!) { validateReport(cycleId: $c) { state } }', { c: cycle.id }, 'oiv.so');
    expect(validated.validateReport.state).toBe('validated');
    const published = await ok<{ publishCycle: { state: string } }>('mutation($id: ID!, $v: Int!) { publishCycle(id: $id, version: $v) { state } }', { id: cycle.id, v: closed.closeCycle.version }, 'admin.so');
    expect(published.publishCycle.state).toBe('published');
    const report = await stack.gql<{ publicReport: { year: number; chamber: { code: string }; nodes: { code: string; result: number | null; indicators: { name: string; target: string | null }[] }[] } }>(
      '{ publicReport(chamberCode: "so", year: 2025) { year chamber { code } nodes { code result indicators { name target } } } }',
      {},
      { token: null },
    );
    expect(report.errors).toBeUndefined();
    expect(report.data!.publicReport).toMatchObject({ year: 2025, chamber: { code: 'SO' } });
    expect(report.data!.publicReport.nodes.find((n) => n.code === '1.3.1')).toMatchObject({ result: 60 });
    expect(report.data!.publicReport.nodes.find((n) => n.code === '3.2.2')!.indicators[0]!.target).toBe('<= 24');
    const edit = await stack.gql('mutation($id: ID!, $v: Int!) { updateNode(id: $id, version: $v, title: "Dopo la pubblicazione") { id } }', { id: node['3.2.2']!.id, v: node['3.2.2']!.version }, { as: 'admin.so' });
    expect(codes(edit)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('the published report of Sondrio 2024 (Amministrazione trasparente)', () => {
  it('is readable without login, with the published figures and their explanations', async () => {
    const r = await stack.gql<{ publicReport: { entity: { performance: number; meanOfResults: number }; nodes: { code: string; result: number; explanation: { rule: string } }[] } }>(
      '{ publicReport(chamberCode: "SO", year: 2024) { entity nodes { code result explanation } } }',
      {},
      { token: null },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.publicReport.entity).toMatchObject({ performance: 100, meanOfResults: 97.91 });
    expect(r.data!.publicReport.nodes.find((n) => n.code === '1.3')).toMatchObject({ result: 76, explanation: { rule: 'weighted-mean' } });
  });

  it('is answered alone: mixed with tenant fields it is refused', async () => {
    const r = await stack.gql('{ viewer { kind } publicReport(chamberCode: "SO", year: 2024) { year } }', {}, { as: 'admin.so' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('exposes no people, workflow or audit: the public types have none of those fields', async () => {
    const r = await stack.gql('{ publicReport(chamberCode: "SO", year: 2024) { nodes { indicators { measurements { enteredBy } } } } }', {}, { token: null });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('outside the chambers', () => {
  it('shows the platform operator and the Unioncamere analyst no chamber internals', async () => {
    for (const as of ['platform', 'unioncamere']) {
      for (const query of ['{ cycles { id } }', '{ units(first: 5) { edges { node { id } } } }', '{ auditTrail(first: 5) { edges { node { id } } } }']) {
        expect(codes(await stack.gql(query, {}, { as }))).toEqual(['FORBIDDEN']);
      }
    }
    const chambers = await ok<{ chambers: { edges: { node: { code: string; subscriptionStatus: string } }[] } }>('{ chambers(first: 10) { edges { node { code subscriptionStatus } } } }', {}, 'platform');
    expect(chambers.chambers.edges.map((e) => e.node.code)).toEqual(['MT', 'SO']);
  });
});
