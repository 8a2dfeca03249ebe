// updateLevels (renaming a cycle's levels; kind and aggregation only in a draft; CONFLICT on a stale cycle
// version) and publishedCycles (the public list of a chamber's published cycles, without login).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, demo, startStack, type GraphQLResponse, type Stack } from './support/stack.js';

let stack: Stack;

async function ok<T>(query: string, variables: Record<string, unknown>, as: string): Promise<T> {
  const r: GraphQLResponse<T> = await stack.gql<T>(query, variables, { as });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data!;
}

type Cycle = { id: string; version: number; state: string; levels: { key: string; name: string; kind: string; aggregation: string }[] };
const CYCLE = 'id version state levels { key name kind aggregation }';
const UPDATE = `mutation($c: ID!, $v: Int!, $l: [LevelNameInput!]!) { updateLevels(cycleId: $c, version: $v, levels: $l) { ${CYCLE} } }`;

beforeAll(async () => {
  stack = await startStack({ plans: demo('so-2020', 'so-2024', 'mt-2023') });
});

afterAll(() => stack?.stop());

describe('updateLevels', () => {
  let draft: Cycle;

  beforeAll(async () => {
    draft = (
      await ok<{ createCycle: Cycle }>(
        `mutation { createCycle(year: 2030, levels: [{ key: "area", name: "Area", kind: area }, { key: "azione", name: "Azione", kind: action }], periods: ["2030-12-31"]) { ${CYCLE} } }`,
        {},
        'admin.so',
      )
    ).createCycle;
    expect(draft.state).toBe('draft');
  });

  it('renames levels and changes kind and aggregation of a draft, bumping the cycle version, with an audit record', async () => {
    const r = (
      await ok<{ updateLevels: Cycle }>(UPDATE, { c: draft.id, v: draft.version, l: [{ key: 'area', name: '  Linea strategica ', aggregation: 'simple_mean' }, { key: 'azione', name: 'Progetto', kind: 'operational' }] }, 'admin.so')
    ).updateLevels;
    expect(r.version).toBe(draft.version + 1);
    expect(r.levels).toEqual([
      { key: 'area', name: 'Linea strategica', kind: 'area', aggregation: 'simple_mean' },
      { key: 'azione', name: 'Progetto', kind: 'operational', aggregation: 'weighted_mean' },
    ]);
    const trail = await ok<{ auditTrail: { edges: { node: { action: string; after: { name: string } } }[] } }>(
      '{ auditTrail(entity: "cycle_level", first: 10) { edges { node { action after } } } }',
      {},
      'admin.so',
    );
    expect(trail.auditTrail.edges.filter((e) => e.node.action === 'update').map((e) => e.node.after.name).sort()).toEqual(['Linea strategica', 'Progetto']);
    // A stale version (the one read before the rename) is CONFLICT; nothing changes.
    const stale = await stack.gql(UPDATE, { c: draft.id, v: draft.version, l: [{ key: 'area', name: 'Area' }] }, { as: 'admin.so' });
    expect(codes(stale)).toEqual(['CONFLICT']);
    draft = r;
    const after = await ok<{ cycle: Cycle }>(`query($id: ID) { cycle(id: $id) { ${CYCLE} } }`, { id: draft.id }, 'admin.so');
    expect(after.cycle).toEqual(draft);
  });

  it('refuses unknown keys, duplicate keys, empty names and an empty list (BAD_USER_INPUT)', async () => {
    for (const l of [[{ key: 'strategico', name: 'Obiettivo' }], [{ key: 'area', name: 'A' }, { key: 'area', name: 'B' }], [{ key: 'area', name: '   ' }], []]) {
      expect(codes(await stack.gql(UPDATE, { c: draft.id, v: draft.version, l }, { as: 'admin.so' }))).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('refuses a published cycle; an approved one takes new names but not a new kind or aggregation', async () => {
    const cycles = await ok<{ cycles: (Cycle & { year: number })[] }>(`{ cycles { year ${CYCLE} } }`, {}, 'admin.so');
    const published = cycles.cycles.find((c) => c.year === 2024)!;
    expect(published.state).toBe('published');
    const refused = await stack.gql(UPDATE, { c: published.id, v: published.version, l: [{ key: 'strategico', name: 'Linea strategica' }] }, { as: 'admin.so' });
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.extensions).toMatchObject({ state: 'published' });

    const approved = cycles.cycles.find((c) => c.year === 2020)!;
    expect(approved.state).toBe('approved');
    const level = approved.levels[0]!;
    const kind = await stack.gql(UPDATE, { c: approved.id, v: approved.version, l: [{ key: level.key, name: level.name, aggregation: level.aggregation === 'simple_mean' ? 'weighted_mean' : 'simple_mean' }] }, { as: 'admin.so' });
    expect(codes(kind)).toEqual(['BAD_USER_INPUT']);
    const renamed = (await ok<{ updateLevels: Cycle }>(UPDATE, { c: approved.id, v: approved.version, l: [{ key: level.key, name: `${level.name} (rinominato)`, kind: level.kind }] }, 'admin.so')).updateLevels;
    expect(renamed.levels[0]).toEqual({ ...level, name: `${level.name} (rinominato)` });
  });

  it('is the administration\'s: FORBIDDEN for the other roles, NOT_FOUND for another chamber', async () => {
    for (const as of ['manager.so', 'staff.so', 'oiv.so']) {
      expect(codes(await stack.gql(UPDATE, { c: draft.id, v: draft.version, l: [{ key: 'area', name: 'Area' }] }, { as }))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await stack.gql(UPDATE, { c: draft.id, v: draft.version, l: [{ key: 'area', name: 'Area' }] }, { as: 'admin.mt' }))).toEqual(['NOT_FOUND']);
  });
});

describe('publishedCycles', () => {
  const LIST = '{ publishedCycles(chamberCode: "so") { year title horizonStart horizonEnd resolutionNumber resolutionDate publishedAt } }';

  it('lists Sondrio\'s published 2024 without a token, not the approved 2020 plan', async () => {
    const r = await stack.gql<{ publishedCycles: { year: number; title: string }[] }>(LIST, {}, { token: null });
    expect(r.errors).toBeUndefined();
    expect(r.data!.publishedCycles).toEqual([
      { year: 2024, title: 'Relazione sulla performance 2024', horizonStart: 2023, horizonEnd: 2025, resolutionNumber: '3/GC', resolutionDate: '2024-01-31', publishedAt: null },
    ]);
    // (publishedAt is the Relazione's publication time: the demo files load no report row.)
    // The same for a signed-in caller of another chamber, and each listed year opens with publicReport.
    const asOther = await stack.gql<{ publishedCycles: { year: number }[] }>(LIST, {}, { as: 'admin.mt' });
    expect(asOther.data!.publishedCycles.map((c) => c.year)).toEqual([2024]);
    const report = await stack.gql<{ publicReport: { year: number } }>('{ publicReport(chamberCode: "SO", year: 2024) { year } }', {}, { token: null });
    expect(report.data!.publicReport.year).toBe(2024);
  });

  it('lists nothing for a chamber without published cycles, NOT_FOUND for an unknown chamber', async () => {
    const mt = await stack.gql<{ publishedCycles: unknown[] }>('{ publishedCycles(chamberCode: "MT") { year } }', {}, { token: null });
    expect(mt.data!.publishedCycles).toEqual([]);
    expect(codes(await stack.gql('{ publishedCycles(chamberCode: "ZZ") { year } }', {}, { token: null }))).toEqual(['NOT_FOUND']);
    expect(codes(await stack.gql('{ publishedCycles(chamberCode: "not a code") { year } }', {}, { token: null }))).toEqual(['BAD_USER_INPUT']);
  });

  it('goes with publicReport in a public request, but not with a tenant field', async () => {
    const both = await stack.gql<{ publishedCycles: { year: number }[]; publicReport: { year: number } }>(
      '{ publishedCycles(chamberCode: "SO") { year } publicReport(chamberCode: "SO", year: 2024) { year } }',
      {},
      { token: null },
    );
    expect(both.errors).toBeUndefined();
    expect(both.data!.publishedCycles[0]!.year).toBe(2024);
    const mixed = await stack.gql('{ publishedCycles(chamberCode: "SO") { year } myChamber { code } }', {}, { as: 'admin.so' });
    expect(codes(mixed)).toContain('BAD_USER_INPUT');
  });
});
