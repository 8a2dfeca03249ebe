// Benchmark of the cross-chamber comparison (benchmark_compare) on real PostgreSQL: 100 chambers × 25
// indicators × 10 years, queried by 20 concurrent connections through the real unit-of-work path
// (transaction, scope, SET LOCAL ROLE). A measurement script, not a test: it prints latency percentiles.
//   pnpm --filter @albero/db bench:benchmarking   (TEST_DATABASE_URL to use another server)
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, withSqlUnitOfWork, type Scope } from '../src/index.js';

const CHAMBERS = 100;
const INDICATORS = 25;
const YEARS = 10;
const CONNECTIONS = 20;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 20_000);
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const name = `albero_bench_${randomBytes(3).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;

const db = await openDatabase({ url: url.toString(), migrate: true, poolSize: CONNECTIONS });
try {
  const firstYear = 2024 - YEARS + 1;
  console.log(`populating ${CHAMBERS} chambers × ${INDICATORS} indicators × ${YEARS} years …`);
  // Populated by the owner (the benchmark measures reading, not loading); ~5 % of values are missing.
  await db.pool.query(
    `INSERT INTO chamber (id, code, name, region, synthetic, subscription_status)
     SELECT gen_random_uuid(), 'B' || chr(65 + i / 26) || chr(65 + i % 26), 'Camera di prova ' || i,
            (ARRAY['Lombardia','Veneto','Piemonte','Toscana','Lazio','Campania','Puglia','Sicilia'])[1 + i % 8], true, 'active'
       FROM generate_series(1, $1) i`,
    [CHAMBERS],
  );
  await db.pool.query(
    `INSERT INTO chamber_figure (chamber_id, year, active_firms)
     SELECT c.id, y, 8000 + (abs(hashtext(c.code)) % 400000) FROM chamber c, generate_series($1::int, $2::int) y`,
    [firstYear, 2024],
  );
  await db.pool.query(
    `INSERT INTO system_objective (id, year, code, title, unit, direction, normaliser)
     SELECT gen_random_uuid(), y, 'K' || k, 'Indicatore ' || k, '%',
            CASE WHEN k % 5 = 0 THEN 'lower_is_better'::direction ELSE 'higher_is_better'::direction END,
            CASE WHEN k % 4 = 0 THEN 'active_firms'::normaliser END
       FROM generate_series($1::int, $2::int) y, generate_series(1, $3) k`,
    [firstYear, 2024, INDICATORS],
  );
  await db.pool.query(
    `INSERT INTO benchmark_value (chamber_id, kind, code, year, value)
     SELECT c.id, 'system_objective', 'K' || k, y, round((random() * 100)::numeric, 2)
       FROM chamber c, generate_series($1::int, $2::int) y, generate_series(1, $3) k
      WHERE random() > 0.05`,
    [firstYear, 2024, INDICATORS],
  );
  const chamberIds = (await db.pool.query<{ id: string }>('SELECT id FROM chamber')).rows.map((r) => r.id);
  const { rows: counts } = await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM benchmark_value');
  console.log(`${counts[0]!.n} benchmark values`);
  await db.pool.query('ANALYZE');

  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
  type Query = { label: string; scope: () => Scope; sql: () => [string, unknown[]] };
  const asChamber = (): Scope => ({ chamberId: pick(chamberIds), actor: { kind: 'user', subject: 'bench' } });
  const asUnioncamere = (): Scope => ({ chamberId: null, actor: { kind: 'unioncamere', subject: 'bench' } });
  const oneIndicatorYear: [string, unknown[]] = [`SELECT * FROM benchmark_compare('system_objective', $1, $2, $2, $3)`, []];
  const queries: Query[] = [
    {
      label: 'one indicator, one year (chamber, anonymised peers)',
      scope: asChamber,
      sql: () => [oneIndicatorYear[0], [`K${1 + Math.floor(Math.random() * INDICATORS)}`, firstYear + Math.floor(Math.random() * YEARS), null]],
    },
    {
      label: 'one indicator, one year, size class filter (Unioncamere)',
      scope: asUnioncamere,
      sql: () => [oneIndicatorYear[0], [`K${1 + Math.floor(Math.random() * INDICATORS)}`, firstYear + Math.floor(Math.random() * YEARS), pick(['piccola', 'media', 'grande', 'molto-grande'])]],
    },
    {
      label: 'trend: one indicator, ten years (chamber)',
      scope: asChamber,
      sql: () => [`SELECT * FROM benchmark_compare('system_objective', $1, $2, $3)`, [`K${1 + Math.floor(Math.random() * INDICATORS)}`, firstYear, 2024]],
    },
    {
      label: 'heat map: all 25 indicators, one year (Unioncamere)',
      scope: asUnioncamere,
      sql: () => [`SELECT * FROM benchmark_compare('system_objective', NULL, $1, $1)`, [firstYear + Math.floor(Math.random() * YEARS)]],
    },
  ];

  const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  for (const query of queries) {
    // Warm-up, then CONNECTIONS workers issue units of work back to back for DURATION_MS.
    for (let i = 0; i < 20; i++) await withSqlUnitOfWork(db.pool, query.scope(), (c) => c.query(...query.sql()));
    const latencies: number[] = [];
    let rows = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() - started < DURATION_MS) {
          const t0 = performance.now();
          const result = await withSqlUnitOfWork(db.pool, query.scope(), (c) => c.query(...query.sql()));
          latencies.push(performance.now() - t0);
          rows += result.rowCount ?? 0;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(
      `${query.label}: ${latencies.length} units of work in ${elapsed.toFixed(1)} s = ${(latencies.length / elapsed).toFixed(0)}/s, ` +
        `${(rows / latencies.length).toFixed(0)} rows each; latency ms p50 ${percentile(latencies, 50).toFixed(1)}, ` +
        `p95 ${percentile(latencies, 95).toFixed(1)}, p99 ${percentile(latencies, 99).toFixed(1)}, max ${latencies.at(-1)!.toFixed(1)}`,
    );
  }
} finally {
  await db.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
