// Individual scorecards over HTTP with real tokens: Sondrio 2024's Segretario Generale (sg.so), given an
// appraisal in this setup (profile "Segretario Generale", behaviour 90): entity 100 × 50 % + individual
// 100 × 30 % + behaviour 90 × 20 % = 98 (unit weight 0). Who may read whose scorecard, who records appraisals,
// validation, optimistic concurrency, missing components.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, demo, startStack, type GraphQLResponse, type Stack } from './support/stack.js';

let stack: Stack;
let cycleId: string;
let firstPeriodId: string;
const people: Record<string, string> = {};

async function ok<T>(query: string, variables: Record<string, unknown>, as: string): Promise<T> {
  const r: GraphQLResponse<T> = await stack.gql<T>(query, variables, { as });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
}

type Component = { component: string; weight: number; score: number | null; contribution: number | null; missing: boolean; nodeIds: string[]; explanation: { rule: string } };
type Card = {
  personId: string;
  periodDate: string | null;
  unavailableReason: string | null;
  unavailableMessage: string | null;
  appraisal: { id: string; roleProfile: string; behaviourScore: number | null; version: number } | null;
  scorecard: { roleProfile: string; score: number | null; computable: boolean; missingPolicy: string; components: Component[]; explanation: { rule: string; reason?: string; detail?: { missing?: string[] } } } | null;
};

const FIELDS = `personId periodDate unavailableReason unavailableMessage appraisal { id roleProfile behaviourScore version }
  scorecard { roleProfile score computable missingPolicy explanation components { component weight score contribution missing nodeIds explanation } }`;
const MY = `query($c: ID!, $p: ID) { myScorecard(cycleId: $c, periodId: $p) { ${FIELDS} } }`;
const PERSON = `query($id: ID!, $c: ID!) { personScorecard(personId: $id, cycleId: $c) { ${FIELDS} } }`;
const SET = `mutation($id: ID!, $c: ID!, $r: String!, $b: Float, $v: Int) { setAppraisal(personId: $id, cycleId: $c, roleProfile: $r, behaviourScore: $b, version: $v) { ${FIELDS} } }`;

const component = (card: Card, name: string) => card.scorecard!.components.find((c) => c.component === name)!;

beforeAll(async () => {
  stack = await startStack({ plans: demo('so-2020', 'so-2024', 'mt-2023') });
  const r = await ok<{ cycle: { id: string; periods: { id: string; periodDate: string }[] }; people: { edges: { node: { id: string; username: string } }[] } }>(
    '{ cycle(year: 2024) { id periods { id periodDate } } people(first: 100) { edges { node { id username } } } }',
    {},
    'admin.so',
  );
  cycleId = r.cycle.id;
  firstPeriodId = r.cycle.periods.find((p) => p.periodDate === '2024-06-30')!.id;
  for (const e of r.people.edges) people[e.node.username] = e.node.id;
  // The demo has no appraisals: the controller (admin.so) records the Segretario Generale's.
  const set = await ok<{ setAppraisal: Card }>(SET, { id: people['sg.so'], c: cycleId, r: 'Segretario Generale', b: 90 }, 'admin.so');
  expect(set.setAppraisal.appraisal).toMatchObject({ roleProfile: 'Segretario Generale', behaviourScore: 90, version: 1 });
});

afterAll(() => stack?.stop());

describe('myScorecard', () => {
  it('scores Sondrio 2024\'s Segretario Generale: 100 × 50 % + 100 × 30 % + 90 × 20 % = 98', async () => {
    const card = (await ok<{ myScorecard: Card }>(MY, { c: cycleId }, 'sg.so')).myScorecard;
    expect(card).toMatchObject({ personId: people['sg.so'], periodDate: '2024-12-31', unavailableReason: null, appraisal: { roleProfile: 'Segretario Generale', behaviourScore: 90 } });
    expect(card.scorecard).toMatchObject({ roleProfile: 'Segretario Generale', score: 98, computable: true, missingPolicy: 'not-computable', explanation: { rule: 'individual-scorecard' } });
    expect(card.scorecard!.components.map(({ component, weight, score, contribution, missing }) => ({ component, weight, score, contribution, missing }))).toEqual([
      { component: 'entity', weight: 50, score: 100, contribution: 50, missing: false },
      { component: 'unit', weight: 0, score: expect.anything() as unknown as number, contribution: null, missing: false },
      { component: 'individual', weight: 30, score: 100, contribution: 30, missing: false },
      { component: 'behaviour', weight: 20, score: 90, contribution: 18, missing: false },
    ]);
    // The individual component is the weighted mean of SG.1–SG.4 (30/30/10/30), all 100.
    const individual = component(card, 'individual');
    expect(individual.nodeIds).toHaveLength(4);
    expect(individual.explanation).toMatchObject({ rule: 'weighted-mean', terms: [{ code: 'SG.1', weight: 30 }, { code: 'SG.2', weight: 30 }, { code: 'SG.3', weight: 10 }, { code: 'SG.4', weight: 30 }] });
    expect(component(card, 'entity').explanation).toMatchObject({ rule: 'simple-mean' });
    // Unit: the nodes the SG unit answers for (the component has weight 0 for this profile: shown, not counted).
    expect(component(card, 'unit').explanation.rule).toMatch(/simple-mean|not-computable/);
  });

  it('names the missing components when a period has no approved values (the engine\'s rules: not computable)', async () => {
    const card = (await ok<{ myScorecard: Card }>(MY, { c: cycleId, p: firstPeriodId }, 'sg.so')).myScorecard;
    expect(card.periodDate).toBe('2024-06-30');
    expect(card.scorecard).toMatchObject({ score: null, computable: false, explanation: { rule: 'not-computable', reason: 'missing-input' } });
    expect(card.scorecard!.explanation.detail!.missing).toEqual(expect.arrayContaining(['entity', 'individual']));
    expect(component(card, 'entity').missing).toBe(true);
    expect(component(card, 'behaviour')).toMatchObject({ score: 90, missing: false, contribution: null });
  });

  it('gives a person without an appraisal no scorecard, with the reason', async () => {
    const card = (await ok<{ myScorecard: Card }>(MY, { c: cycleId }, 'staff.so')).myScorecard;
    expect(card).toMatchObject({ personId: people['staff.so'], appraisal: null, scorecard: null, unavailableReason: 'no_appraisal' });
    expect(card.unavailableMessage).toMatch(/no appraisal/);
  });

  it('is NOT_FOUND for another chamber\'s cycle', async () => {
    expect(codes(await stack.gql(MY, { c: cycleId }, { as: 'staff.mt' }))).toEqual(['NOT_FOUND']);
    expect(codes(await stack.gql(MY, { c: cycleId }, { as: 'admin.mt' }))).toEqual(['NOT_FOUND']);
    expect(codes(await stack.gql(MY, { c: cycleId }, { token: null }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('personScorecard', () => {
  it('lets the administration and the OIV read anyone\'s', async () => {
    for (const as of ['admin.so', 'oiv.so']) {
      const card = (await ok<{ personScorecard: Card }>(PERSON, { id: people['sg.so'], c: cycleId }, as)).personScorecard;
      expect(card.scorecard!.score).toBe(98);
    }
  });

  it('lets a manager read the people of their unit only; staff only their own (myScorecard)', async () => {
    const own = (await ok<{ personScorecard: Card }>(PERSON, { id: people['staff.so'], c: cycleId }, 'manager.so')).personScorecard;
    expect(own.unavailableReason).toBe('no_appraisal');
    expect(codes(await stack.gql(PERSON, { id: people['sg.so'], c: cycleId }, { as: 'manager.so' }))).toEqual(['FORBIDDEN']);
    expect(codes(await stack.gql(PERSON, { id: people['sg.so'], c: cycleId }, { as: 'staff.so' }))).toEqual(['FORBIDDEN']);
    expect(codes(await stack.gql(PERSON, { id: people['manager.so'], c: cycleId }, { as: 'staff.so' }))).toEqual(['FORBIDDEN']);
  });

  it('is NOT_FOUND for another chamber\'s person, FORBIDDEN for Unioncamere', async () => {
    expect(codes(await stack.gql(PERSON, { id: people['sg.so'], c: cycleId }, { as: 'admin.mt' }))).toEqual(['NOT_FOUND']);
    expect(codes(await stack.gql(PERSON, { id: people['sg.so'], c: cycleId }, { as: 'oiv.mt' }))).toEqual(['NOT_FOUND']);
    expect(codes(await stack.gql(PERSON, { id: people['sg.so'], c: cycleId }, { as: 'unioncamere' }))).toEqual(['FORBIDDEN']);
  });
});

describe('setAppraisal', () => {
  it('creates without version, then updates with it; a missing behaviour score makes the scorecard not computable', async () => {
    const created = (await ok<{ setAppraisal: Card }>(SET, { id: people['staff.so'], c: cycleId, r: 'dipendente', b: null }, 'admin.so')).setAppraisal;
    expect(created.appraisal).toMatchObject({ roleProfile: 'dipendente', behaviourScore: null, version: 1 });
    expect(created.scorecard).toMatchObject({ roleProfile: 'dipendente', score: null, computable: false, explanation: { rule: 'not-computable', detail: { missing: ['behaviour'] } } });
    expect(component(created, 'behaviour').missing).toBe(true);
    // The unit component: the nodes of U.O. Registro Imprese.
    expect(component(created, 'unit').nodeIds.length).toBeGreaterThan(0);

    const again = await stack.gql(SET, { id: people['staff.so'], c: cycleId, r: 'dipendente', b: 80 }, { as: 'admin.so' });
    expect(codes(again)).toEqual(['CONFLICT']);
    const updated = (await ok<{ setAppraisal: Card }>(SET, { id: people['staff.so'], c: cycleId, r: 'dipendente', b: 80, v: 1 }, 'admin.so')).setAppraisal;
    expect(updated.appraisal).toMatchObject({ behaviourScore: 80, version: 2 });
    expect(updated.scorecard!.computable).toBe(true);
    expect(component(updated, 'behaviour')).toMatchObject({ weight: 50, score: 80, contribution: 40 });
    expect(codes(await stack.gql(SET, { id: people['staff.so'], c: cycleId, r: 'dipendente', b: 70, v: 1 }, { as: 'admin.so' }))).toEqual(['CONFLICT']);
    // Seen by the person themselves.
    expect((await ok<{ myScorecard: Card }>(MY, { c: cycleId }, 'staff.so')).myScorecard.appraisal!.behaviourScore).toBe(80);
    // Recorded in the audit trail by the database.
    const trail = await ok<{ auditTrail: { edges: { node: { action: string; actorSubject: string | null } }[] } }>(
      'query($e: String) { auditTrail(entity: "appraisal", entityId: $e, first: 10) { edges { node { action actorSubject } } } }',
      { e: updated.appraisal!.id },
      'admin.so',
    );
    expect(trail.auditTrail.edges.map((e) => e.node.action).sort()).toEqual(['insert', 'update']);
  });

  it('validates the profile against the cycle\'s SMVP and the score range', async () => {
    const unknown = await stack.gql(SET, { id: people['manager.so'], c: cycleId, r: 'Direttore', b: 50 }, { as: 'admin.so' });
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors![0]!.extensions).toMatchObject({ field: 'roleProfile', allowed: ['Segretario Generale', 'dirigente', 'P.O.', 'dipendente'] });
    expect(codes(await stack.gql(SET, { id: people['manager.so'], c: cycleId, r: 'P.O.', b: 101 }, { as: 'admin.so' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await stack.gql(SET, { id: people['manager.so'], c: cycleId, r: 'P.O.', b: -1 }, { as: 'admin.so' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await stack.gql(SET, { id: people['manager.so'], c: cycleId, r: ' ', b: 50 }, { as: 'admin.so' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('is the administration\'s, never for oneself; not the OIV\'s, a manager\'s or another chamber\'s', async () => {
    expect(codes(await stack.gql(SET, { id: people['sg.so'], c: cycleId, r: 'Segretario Generale', b: 100, v: 1 }, { as: 'sg.so' }))).toEqual(['FORBIDDEN']);
    for (const as of ['oiv.so', 'manager.so', 'staff.so', 'unioncamere']) {
      expect(codes(await stack.gql(SET, { id: people['manager.so'], c: cycleId, r: 'P.O.', b: 50 }, { as }))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await stack.gql(SET, { id: people['manager.so'], c: cycleId, r: 'P.O.', b: 50 }, { as: 'admin.mt' }))).toEqual(['NOT_FOUND']);
    const card = (await ok<{ myScorecard: Card }>(MY, { c: cycleId }, 'sg.so')).myScorecard;
    expect(card.appraisal).toMatchObject({ behaviourScore: 90, version: 1 });
  });
});
