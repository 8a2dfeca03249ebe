// Benchmarking through the API (docs/api.md "Benchmarking"): the catalogues, the comparison read through
// benchmark_compare with identities masked by the database, the publication of the catalogue and a chamber's
// choice to share its name. Real HTTP server, real tokens, the whole demo data (Sondrio, the demo chambers and
// the eleven synthetic ones).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUnitOfWork } from '@albero/db';
import { ForbiddenError } from '../src/errors.js';
import { queryBenchmark } from '../src/use-cases/compare-benchmark.js';
import { codes, startStack, type Stack } from './support/stack.js';

type Chamber = { id: string | null; code: string | null; name: string | null; label: string; isSelf: boolean; named: boolean; synthetic: boolean; region: string | null; activeFirms: number | null };
type Entry = { chamber: Chamber; value: number | null; valuePer1000Firms: number | null; rank: number | null; percentile: number | null };
type Series = { kind: string; code: string; year: number; title: string; unit: string | null; direction: string; normaliser: string | null; stats: { n: number; minimum: number | null; q1: number | null; median: number | null; q3: number | null; maximum: number | null }; entries: Entry[] };

const BENCHMARK = `query($kind: BenchmarkKind!, $code: String, $from: Int!, $to: Int!, $size: String, $region: String) {
  benchmark(kind: $kind, code: $code, fromYear: $from, toYear: $to, sizeClass: $size, region: $region) {
    kind code year title unit direction normaliser
    stats { n minimum q1 median q3 maximum }
    entries { value valuePer1000Firms rank percentile chamber { id code name label isSelf named synthetic region sizeClass activeFirms } }
  }
}`;
const ONE = { kind: 'system_objective', code: '1.2.2', from: 2024, to: 2024 };

let stack: Stack;
const bench = (as: string, variables: Record<string, unknown> = ONE) => stack.gql<{ benchmark: Series[] }>(BENCHMARK, variables, { as });
const chamberOf = async (as: string) =>
  (await stack.gql<{ myChamber: { id: string; code: string; version: number; shareNameInBenchmark: boolean } }>('{ myChamber { id code version shareNameInBenchmark } }', {}, { as })).data!.myChamber;
const objective = async (code: string, year = 2024) =>
  (await stack.db.pool.query<{ id: string; title: string; version: number; published_at: Date | null; unit: string | null }>('SELECT id, title, version, published_at, unit FROM system_objective WHERE year = $1 AND code = $2', [year, code])).rows[0];

beforeAll(async () => {
  stack = await startStack({ demoData: true });
}, 240_000);

afterAll(() => stack?.stop());

describe('catalogues', () => {
  it('shows the system objectives of a year, the financial ratios and the size classes to any signed-in caller', async () => {
    for (const as of ['unioncamere', 'platform', 'admin.so', 'staff.so']) {
      const r = await stack.gql<{ systemObjectives: { code: string; title: string; direction: string; normaliser: string | null; publishedAt: string | null }[]; financialRatios: { code: string }[]; sizeClasses: { code: string; maxActiveFirms: number | null }[] }>(
        '{ systemObjectives(year: 2024) { code title algorithm formula unit direction defaultTarget normaliser publishedAt version } financialRatios { code title formula unit direction source } sizeClasses { code label minActiveFirms maxActiveFirms } }',
        {},
        { as },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.systemObjectives).toHaveLength(25);
      expect(r.data!.systemObjectives.find((o) => o.code === '1.2.2')).toMatchObject({ direction: expect.any(String) });
      expect(r.data!.financialRatios.map((f) => f.code)).toEqual(['EC27', 'EC15.2', 'EC07', 'EC05.1', 'B3.1_02', 'SEF.1', 'SEF.2', 'SEF.3', 'SEF.4', 'SEF.5']);
      expect(r.data!.sizeClasses.map((s) => s.code)).toEqual(['piccola', 'media', 'grande', 'molto-grande']);
    }
    expect(codes(await stack.gql('{ systemObjectives(year: 2024) { code } }', {}, { token: null }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('benchmark', () => {
  it('names every chamber to Unioncamere (Sondrio 1.2.2 in 2024: 58.07)', async () => {
    const r = await bench('unioncamere');
    expect(r.errors).toBeUndefined();
    const [series] = r.data!.benchmark;
    expect(r.data!.benchmark).toHaveLength(1);
    expect(series).toMatchObject({ kind: 'system_objective', code: '1.2.2', year: 2024 });
    expect(series!.entries.length).toBeGreaterThanOrEqual(12);
    expect(series!.entries.every((e) => e.chamber.named && e.chamber.code !== null && e.chamber.id !== null && !e.chamber.isSelf)).toBe(true);
    const so = series!.entries.find((e) => e.chamber.code === 'SO')!;
    expect([so.chamber.name, so.value]).toEqual(['Camera di commercio di Sondrio', 58.07]);
    expect(series!.entries.filter((e) => e.chamber.synthetic)).toHaveLength(11);
    // The statistics are over the chambers with a value; ranks run 1..n.
    const valued = series!.entries.filter((e) => e.value !== null);
    expect(series!.stats.n).toBe(valued.length);
    expect(series!.stats.minimum).toBe(Math.min(...valued.map((e) => e.value!)));
    expect(series!.stats.maximum).toBe(Math.max(...valued.map((e) => e.value!)));
    expect(valued.map((e) => e.rank).sort((a, b) => a! - b!)[0]).toBe(1);
  });

  it('shows a chamber itself named and its peers anonymised', async () => {
    const [series] = (await bench('admin.so')).data!.benchmark;
    const self = series!.entries.filter((e) => e.chamber.isSelf);
    expect(self).toHaveLength(1);
    expect(self[0]).toMatchObject({ value: 58.07, chamber: { code: 'SO', named: true, name: 'Camera di commercio di Sondrio' } });
    const peers = series!.entries.filter((e) => !e.chamber.isSelf);
    expect(peers.length).toBeGreaterThanOrEqual(11);
    for (const p of peers) {
      expect(p.chamber).toMatchObject({ id: null, code: null, name: null, named: false, region: null, activeFirms: null });
      expect(p.chamber.label).toMatch(/^Camera [0-9A-F]{6}$/);
    }
    // Same values and statistics as Unioncamere's, only the identities differ.
    const [uc] = (await bench('unioncamere')).data!.benchmark;
    expect(series!.stats).toEqual(uc!.stats);
    expect(series!.entries.map((e) => e.value).sort()).toEqual(uc!.entries.map((e) => e.value).sort());
  });

  it('lets chamber-admin, manager and oiv compare; refuses staff and the platform operator', async () => {
    for (const as of ['manager.so', 'oiv.so', 'admin.mt']) expect((await bench(as)).errors).toBeUndefined();
    expect(codes(await bench('staff.so'))).toEqual(['FORBIDDEN']);
    expect(codes(await bench('platform'))).toEqual(['FORBIDDEN']);
    expect(codes(await stack.gql(BENCHMARK, ONE, { token: null }))).toEqual(['UNAUTHENTICATED']);
  });

  it('is refused by the database to the platform operator and the public, whatever the API rules say', async () => {
    for (const actor of [{ kind: 'platform', subject: 'platform' }, { kind: 'public', subject: null }] as const) {
      const attempt = withUnitOfWork(stack.db, { chamberId: null, actor }, (tx) => queryBenchmark(tx, { kind: 'system_objective', code: '1.2.2', fromYear: 2024, toYear: 2024 }));
      await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
      await expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('gives the heat map (every objective of a year), trends over years, and filters by size class', async () => {
    const heat = (await bench('unioncamere', { kind: 'system_objective', code: null, from: 2024, to: 2024 })).data!.benchmark;
    expect(heat.length).toBeGreaterThanOrEqual(20);
    expect(new Set(heat.map((s) => s.entries.length)).size).toBe(1);
    const trend = (await bench('admin.so', { kind: 'system_objective', code: '1.2.2', from: 2022, to: 2024 })).data!.benchmark;
    expect(trend.map((s) => s.year)).toEqual([2022, 2023, 2024]);
    const small = (await bench('unioncamere', { ...ONE, size: 'piccola' })).data!.benchmark;
    expect(small[0]!.entries.length).toBeGreaterThan(0);
    expect(small[0]!.entries.every((e) => (e.chamber as unknown as { sizeClass: string }).sizeClass === 'piccola')).toBe(true);
    const ratios = (await bench('unioncamere', { kind: 'financial_ratio', code: null, from: 2024, to: 2024 })).data!.benchmark;
    expect(ratios.length).toBeGreaterThan(0);
  });

  it('caps the span of years', async () => {
    expect(codes(await bench('unioncamere', { ...ONE, from: 2000, to: 2024 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await bench('unioncamere', { ...ONE, from: 2024, to: 2023 }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('setBenchmarkNameSharing', () => {
  const SHARE = 'mutation($share: Boolean!, $v: Int!) { setBenchmarkNameSharing(share: $share, version: $v) { code shareNameInBenchmark version } }';

  it('names a chamber that shares its name to its peers, at once (no cached answer), and records it', async () => {
    const before = (await bench('admin.so')).data!.benchmark[0]!;
    expect(before.entries.some((e) => e.chamber.code === 'MT')).toBe(false);
    const mt = await chamberOf('admin.mt');
    expect(mt.shareNameInBenchmark).toBe(false);

    const r = await stack.gql<{ setBenchmarkNameSharing: { code: string; shareNameInBenchmark: boolean; version: number } }>(SHARE, { share: true, v: mt.version }, { as: 'admin.mt' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.setBenchmarkNameSharing).toEqual({ code: 'MT', shareNameInBenchmark: true, version: mt.version + 1 });

    // MT has no value of 1.2.2: it is listed, named, without a value.
    const after = (await bench('admin.so')).data!.benchmark[0]!;
    const named = after.entries.find((e) => e.chamber.code === 'MT');
    expect(named).toMatchObject({ value: null, rank: null, chamber: { named: true, isSelf: false, code: 'MT', id: mt.id } });
    expect(after.entries.filter((e) => e.chamber.named)).toHaveLength(2);

    const trail = await stack.db.pool.query<{ actor_subject: string | null; before: { share_name_in_benchmark: boolean }; after: { share_name_in_benchmark: boolean; version: number } }>(
      "SELECT actor_subject, before, after FROM platform_audit_event WHERE entity = 'chamber' AND entity_id = $1 AND action = 'update' ORDER BY id DESC LIMIT 1",
      [mt.id],
    );
    expect(trail.rows[0]).toMatchObject({ before: { share_name_in_benchmark: false }, after: { share_name_in_benchmark: true, version: mt.version + 1 } });
    expect(trail.rows[0]!.actor_subject).toBeTruthy();
  });

  it('answers CONFLICT to a stale version and writes nothing', async () => {
    const mt = await chamberOf('admin.mt');
    const r = await stack.gql(SHARE, { share: false, v: mt.version - 1 }, { as: 'admin.mt' });
    expect(codes(r)).toEqual(['CONFLICT']);
    expect(r.data).toBeNull();
    expect(await chamberOf('admin.mt')).toEqual(mt);
  });

  it('is for the chamber administrator only', async () => {
    for (const as of ['manager.so', 'staff.so', 'oiv.so', 'unioncamere', 'platform']) {
      expect({ as, codes: codes(await stack.gql(SHARE, { share: true, v: 1 }, { as })) }).toEqual({ as, codes: ['FORBIDDEN'] });
    }
  });

  it('is refused by the database outside a chamber user\'s unit of work', async () => {
    const attempt = withUnitOfWork(stack.db, { chamberId: null, actor: { kind: 'platform', subject: 'platform' } }, (tx) => tx.$queryRaw`SELECT set_benchmark_name_sharing(true, 1)`);
    await expect(attempt).rejects.toMatchObject({ meta: { driverAdapterError: { cause: { originalCode: '42501' } } } });
    // The application role cannot write the chamber row directly either.
    const so = await chamberOf('admin.so');
    const direct = withUnitOfWork(stack.db, { chamberId: so.id, actor: { kind: 'user', subject: 'x' } }, (tx) => tx.$executeRaw`UPDATE chamber SET share_name_in_benchmark = true WHERE id = ${so.id}::uuid`);
    await expect(direct).resolves.toBe(0);
  });
});

describe('publishSystemObjectives', () => {
  const PUBLISH = 'mutation($year: Int!, $o: [SystemObjectiveInput!]!) { publishSystemObjectives(year: $year, objectives: $o) { code title unit version publishedAt } }';

  it('is refused to everyone but the Unioncamere analyst', async () => {
    const row = await objective('1.2.2');
    for (const as of ['admin.so', 'manager.so', 'oiv.so', 'platform']) {
      const r = await stack.gql(PUBLISH, { year: 2024, o: [{ code: '1.2.2', title: 'Titolo non autorizzato', version: row!.version }] }, { as });
      expect({ as, codes: codes(r) }).toEqual({ as, codes: ['FORBIDDEN'] });
    }
    expect(await objective('1.2.2')).toEqual(row);
  });

  it('updates an objective with its version, creates a new one, and records both', async () => {
    const row = (await objective('1.2.2'))!;
    const r = await stack.gql<{ publishSystemObjectives: { code: string; title: string; unit: string | null; version: number; publishedAt: string }[] }>(
      PUBLISH,
      { year: 2024, o: [{ code: '1.2.2', title: `${row.title} (rev.)`, unit: row.unit, version: row.version }, { code: '9.9.9', title: 'Nuovo obiettivo di sistema', unit: '%', direction: 'lower_is_better' }] },
      { as: 'unioncamere' },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.publishSystemObjectives.map((o) => [o.code, o.title, o.version])).toEqual([
      ['1.2.2', `${row.title} (rev.)`, row.version + 1],
      ['9.9.9', 'Nuovo obiettivo di sistema', 1],
    ]);
    const changed = (await objective('1.2.2'))!;
    expect([changed.title, changed.version]).toEqual([`${row.title} (rev.)`, row.version + 1]);
    expect(changed.published_at).not.toBeNull();
    const trail = await stack.db.pool.query<{ n: string }>("SELECT count(*) AS n FROM platform_audit_event WHERE entity = 'system_objective' AND entity_id = ANY($1::text[]) AND actor_subject IS NOT NULL", [[row.id, (await objective('9.9.9'))!.id]]);
    expect(Number(trail.rows[0]!.n)).toBeGreaterThanOrEqual(2);
    // The comparison shows the new title.
    expect((await bench('unioncamere')).data!.benchmark[0]!.title).toBe(`${row.title} (rev.)`);
  });

  it('answers CONFLICT to a stale or missing version and writes nothing', async () => {
    const row = (await objective('1.2.2'))!;
    const stale = await stack.gql(PUBLISH, { year: 2024, o: [{ code: '1.2.2', title: 'Titolo vecchio', version: row.version - 1 }] }, { as: 'unioncamere' });
    expect(codes(stale)).toEqual(['CONFLICT']);
    const missing = await stack.gql(PUBLISH, { year: 2024, o: [{ code: '9.9.8', title: 'Ancora nuovo' }, { code: '1.2.2', title: 'Senza versione' }] }, { as: 'unioncamere' });
    expect(codes(missing)).toEqual(['CONFLICT']);
    expect(await objective('1.2.2')).toEqual(row);
    expect(await objective('9.9.8')).toBeUndefined();
  });
});
