// Cross-chamber benchmarking, enforced in PostgreSQL: values come from each chamber's own approved
// measurements and account figures; benchmark_compare() is the only cross-chamber read path, and it masks
// identities by actor. Runs on the server and on embedded PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PoolClient } from 'pg';
import { loadDemoData, withSqlUnitOfWork, type Scope } from '@albero/db';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
let chambers: Map<string, string>;

type Row = {
  kind: string;
  code: string;
  year: number;
  chamber_id: string | null;
  chamber_code: string | null;
  chamber_name: string | null;
  label: string;
  is_self: boolean;
  named: boolean;
  synthetic: boolean;
  region: string | null;
  size_class: string | null;
  active_firms: number | null;
  value: string | null;
  value_per_1000_firms: string | null;
  rank: number | null;
  percentile: string | null;
  n: number;
  minimum: string | null;
  q1: string | null;
  median: string | null;
  q3: string | null;
  maximum: string | null;
  direction: string;
};

const unioncamere: Scope = { chamberId: null, actor: { kind: 'unioncamere', subject: 'analyst' } };
const userOf = (code: string): Scope => ({ chamberId: chambers.get(code)!, actor: { kind: 'user', subject: `admin.${code.toLowerCase()}` } });

async function compare(scope: Scope, code: string | null, from: number, to = from, filters: { size?: string; region?: string } = {}): Promise<Row[]> {
  return withSqlUnitOfWork(db.pool, scope, async (c: PoolClient) =>
    (
      await c.query<Row>(`SELECT * FROM benchmark_compare('system_objective', $1, $2, $3, $4, $5)`, [
        code,
        from,
        to,
        filters.size ?? null,
        filters.region ?? null,
      ])
    ).rows,
  );
}

/** The median and quartiles as PostgreSQL's percentile_cont computes them (linear interpolation). */
function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db);
  const { rows } = await db.pool.query<{ code: string; id: string }>('SELECT code, id FROM chamber');
  chambers = new Map(rows.map((r) => [r.code, r.id]));
}, 300_000);

afterAll(async () => {
  await db?.drop();
});

describe(`benchmarking (${testDatabaseKind()})`, () => {
  it('has values for at least twelve chambers on the 25 system objectives of 2024, the synthetic ones marked', async () => {
    const rows = await compare(unioncamere, null, 2024);
    const codes = new Set(rows.map((r) => r.code));
    expect(codes.size).toBe(25);
    const withValues = new Set(rows.filter((r) => r.value !== null).map((r) => r.chamber_code));
    expect(withValues.size).toBeGreaterThanOrEqual(12);
    expect(withValues.has('SO')).toBe(true);
    const synthetic = rows.filter((r) => r.synthetic).map((r) => r.chamber_code);
    expect(synthetic.every((c) => c!.startsWith('SYN'))).toBe(true);
    expect(rows.filter((r) => r.chamber_code === 'SO').every((r) => !r.synthetic)).toBe(true);
  });

  it('shows the Unioncamere analyst every chamber named', async () => {
    const rows = await compare(unioncamere, '1.2.2', 2024);
    expect(rows.length).toBe(chambers.size);
    expect(rows.every((r) => r.named && r.chamber_id !== null && r.chamber_code !== null)).toBe(true);
    const so = rows.find((r) => r.chamber_code === 'SO')!;
    expect([so.chamber_name, Number(so.value)]).toEqual(['Camera di commercio di Sondrio', 58.07]);
  });

  it('shows a chamber itself named and its peers anonymised under stable pseudonyms', async () => {
    const rows = await compare(userOf('SO'), '1.2.2', 2022, 2024);
    // Sondrio is listed every year, missing (not zero) where it has no value.
    const self = rows.filter((r) => r.is_self);
    expect(self.map((r) => [r.year, r.chamber_code, r.named, r.value === null ? null : Number(r.value)])).toEqual([
      [2022, 'SO', true, null],
      [2023, 'SO', true, null],
      [2024, 'SO', true, 58.07],
    ]);
    const peers = rows.filter((r) => !r.is_self);
    expect(peers.length).toBeGreaterThan(20);
    for (const peer of peers) {
      expect(peer).toMatchObject({ named: false, chamber_id: null, chamber_code: null, chamber_name: null, region: null, active_firms: null });
      expect(peer.label).toMatch(/^Camera [0-9A-F]{6}$/);
    }
    // The same peer keeps its pseudonym across years, so trends can be followed without naming it.
    const labels2022 = new Set(peers.filter((r) => r.year === 2022).map((r) => r.label));
    const labels2024 = new Set(peers.filter((r) => r.year === 2024).map((r) => r.label));
    expect([...labels2022].filter((l) => labels2024.has(l)).length).toBeGreaterThanOrEqual(11);
    // …and the pseudonyms cannot be matched with the named list of Unioncamere by value order alone: same values, hidden names.
    const named = await compare(unioncamere, '1.2.2', 2024);
    const peerValues = peers.filter((r) => r.year === 2024).map((r) => r.value).sort();
    const otherValues = named.filter((r) => r.chamber_code !== 'SO').map((r) => r.value).sort();
    expect(peerValues).toEqual(otherValues);
  });

  it('names a peer that chose to share its name', async () => {
    await withSqlUnitOfWork(db.pool, { chamberId: null, actor: { kind: 'platform', subject: 'operator' } }, (c) =>
      c.query(`UPDATE chamber SET share_name_in_benchmark = true WHERE code = 'SYNE'`),
    );
    try {
      const rows = await compare(userOf('SO'), '1.2.2', 2024);
      const shared = rows.filter((r) => r.named && !r.is_self);
      expect(shared.map((r) => r.chamber_code)).toEqual(['SYNE']);
    } finally {
      await withSqlUnitOfWork(db.pool, { chamberId: null, actor: { kind: 'platform', subject: 'operator' } }, (c) =>
        c.query(`UPDATE chamber SET share_name_in_benchmark = false WHERE code = 'SYNE'`),
      );
    }
  });

  it('refuses the platform operator, the public and a user without a chamber', async () => {
    for (const scope of [
      { chamberId: null, actor: { kind: 'platform', subject: 'operator' } },
      { chamberId: null, actor: { kind: 'public', subject: null } },
      { chamberId: null, actor: { kind: 'user', subject: 'nobody' } },
    ] satisfies Scope[]) {
      await expect(compare(scope, '1.2.2', 2024)).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('gives the application role no way around the function: other chambers\' rows are invisible, the secret unreadable', async () => {
    const visible = await withSqlUnitOfWork(db.pool, userOf('SO'), async (c) =>
      (await c.query<{ code: string }>(`SELECT DISTINCT c.code FROM benchmark_value bv JOIN chamber c ON c.id = bv.chamber_id`)).rows.map((r) => r.code),
    );
    expect(visible).toEqual(['SO']);
    await expect(withSqlUnitOfWork(db.pool, userOf('SO'), (c) => c.query('SELECT salt FROM benchmark_secret'))).rejects.toMatchObject({ code: '42501' });
    const viaUnioncamere = await withSqlUnitOfWork(db.pool, unioncamere, async (c) => (await c.query('SELECT 1 FROM benchmark_value')).rowCount);
    expect(viaUnioncamere).toBe(0);
  });

  it('computes count, min, quartiles, median and max over the values present, leaving missing values out', async () => {
    const rows = await compare(unioncamere, '2.2.3', 2024);
    const values = rows.filter((r) => r.value !== null).map((r) => Number(r.value)).sort((a, b) => a - b);
    const missing = rows.filter((r) => r.value === null);
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((r) => r.rank === null && r.percentile === null)).toBe(true);
    const stats = rows[0]!;
    expect(stats.n).toBe(values.length);
    expect(Number(stats.minimum)).toBe(values[0]);
    expect(Number(stats.maximum)).toBe(values.at(-1));
    expect(Number(stats.median)).toBeCloseTo(quantile(values, 0.5), 6);
    expect(Number(stats.q1)).toBeCloseTo(quantile(values, 0.25), 6);
    expect(Number(stats.q3)).toBeCloseTo(quantile(values, 0.75), 6);
  });

  it('ranks by the indicator\'s direction: the lowest payment timeliness index is first, the highest share is first', async () => {
    const payment = (await compare(unioncamere, '3.1.1', 2024)).filter((r) => r.value !== null);
    expect(payment[0]!.direction).toBe('lower_is_better');
    expect(Number(payment[0]!.value)).toBe(Math.min(...payment.map((r) => Number(r.value))));
    expect(payment[0]).toMatchObject({ rank: 1 });
    expect(Number(payment[0]!.percentile)).toBe(100);
    expect(Number(payment.at(-1)!.percentile)).toBe(0);
    const share = (await compare(unioncamere, '1.2.2', 2024)).filter((r) => r.value !== null);
    expect(Number(share[0]!.value)).toBe(Math.max(...share.map((r) => Number(r.value))));
  });

  it('normalises counts per 1,000 active firms, and only counts', async () => {
    const counts = await compare(unioncamere, '2.1.1', 2024);
    const so = counts.find((r) => r.chamber_code === 'SO')!;
    expect([so.active_firms, Number(so.value), Number(so.value_per_1000_firms)]).toEqual([13014, 170, Number(((170 / 13014) * 1000).toFixed(6))]);
    const shares = await compare(unioncamere, '1.2.2', 2024);
    expect(shares.every((r) => r.value_per_1000_firms === null)).toBe(true);
  });

  it('filters by size class and by region', async () => {
    const small = await compare(unioncamere, '1.2.2', 2024, 2024, { size: 'piccola' });
    expect(small.length).toBeGreaterThan(0);
    expect(small.every((r) => r.size_class === 'piccola' && r.active_firms! <= 40000)).toBe(true);
    expect(small.map((r) => r.chamber_code)).toContain('SO');
    const veneto = await compare(unioncamere, '1.2.2', 2024, 2024, { region: 'Veneto' });
    expect(veneto.map((r) => r.chamber_code).sort()).toEqual(['SYND', 'SYNL']);
    expect(veneto[0]!.n).toBe(veneto.filter((r) => r.value !== null).length);
  });

  it('collects a value once, from the chamber\'s own approved measurement: approval adds it, rejection removes it', async () => {
    const so = chambers.get('SO')!;
    const scope: Scope = { chamberId: so, actor: { kind: 'user', subject: 'manager.so' } };
    const current = async () => (await compare(unioncamere, '2.1.1', 2024)).find((r) => r.chamber_code === 'SO')!.value;
    expect(Number(await current())).toBe(170);
    const measurement = await withSqlUnitOfWork(db.pool, scope, async (c) =>
      (
        await c.query<{ id: string }>(
          `SELECT m.id FROM measurement m JOIN indicator i ON i.chamber_id = m.chamber_id AND i.id = m.indicator_id
             JOIN plan_node n ON n.chamber_id = i.chamber_id AND n.id = i.node_id AND n.code = '2.1.1'
             JOIN cycle cy ON cy.chamber_id = n.chamber_id AND cy.id = n.cycle_id AND cy.year = 2024`,
        )
      ).rows[0]!.id,
    );
    await withSqlUnitOfWork(db.pool, scope, (c) =>
      c.query(`UPDATE measurement SET status = 'rejected', rejection_reason = 'da verificare' WHERE id = $1`, [measurement]),
    );
    expect(await current()).toBeNull();
    await withSqlUnitOfWork(db.pool, scope, (c) =>
      c.query(`UPDATE measurement SET status = 'approved', value_number = 175, rejection_reason = NULL WHERE id = $1`, [measurement]),
    );
    expect(Number(await current())).toBe(175);
    await withSqlUnitOfWork(db.pool, scope, (c) => c.query(`UPDATE measurement SET value_number = 170 WHERE id = $1`, [measurement]));
  });

  it('computes the financial-health ratios from the account figures with the fixed formulas, a missing operand giving no value', async () => {
    const figures = async (code: string) =>
      withSqlUnitOfWork(db.pool, userOf(code), async (c) =>
        Object.fromEntries(
          (
            await c.query<{ key: string; value: string }>(
              `SELECT v.key, vv.value FROM variable v JOIN variable_value vv ON vv.chamber_id = v.chamber_id AND vv.variable_id = v.id WHERE vv.period = '2024-12-31'`,
            )
          ).rows.map((r) => [r.key, Number(r.value)]),
        ),
      );
    const ratios = await withSqlUnitOfWork(db.pool, unioncamere, async (c) =>
      (await c.query<Row>(`SELECT * FROM benchmark_compare('financial_ratio', NULL, 2024, 2024)`)).rows,
    );
    const f = await figures('SYNB');
    const ec051 = ratios.find((r) => r.code === 'EC05.1' && r.chamber_code === 'SYNB')!;
    expect(Number(ec051.value)).toBeCloseTo((f.patrimonio_netto! / f.immobilizzazioni!) * 100, 5);
    const ec27 = ratios.find((r) => r.code === 'EC27' && r.chamber_code === 'SYNB')!;
    expect(Number(ec27.value)).toBeCloseTo(((f.proventi_strutturali! - f.oneri_strutturali!) / f.proventi_strutturali!) * 100, 5);
    // Chambers whose accounts lack the fixed assets have no EC05.1, but still have the ratios that do not need them.
    const lacking: string[] = [];
    for (const code of [...chambers.keys()].filter((c) => c.startsWith('SYN'))) if (!('immobilizzazioni' in (await figures(code)))) lacking.push(code);
    expect(lacking.length).toBeGreaterThan(0);
    for (const code of lacking) {
      expect(ratios.find((r) => r.code === 'EC05.1' && r.chamber_code === code)!.value).toBeNull();
      expect(ratios.find((r) => r.code === 'EC27' && r.chamber_code === code)!.value).not.toBeNull();
    }
  });
});
