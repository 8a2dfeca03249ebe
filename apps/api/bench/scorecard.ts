// Benchmark: the full scorecard of Sondrio 2024 over HTTP on loopback, 50 concurrent connections, against
// the real PostgreSQL server; then the same data read with raw SQL (same unit of work, no API), so that the
// API's overhead over the database is visible. Not a test: it prints figures for docs/api.md.
//
//   pnpm --filter @albero/api bench [--duration 20] [--connections 50] [--pool 20]
//   BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres): the server; a database
//   albero_bench is (re)created on it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEMO_DATA_DIR, loadPlanFiles, openDatabase, withSqlUnitOfWork } from '@albero/db';
import { startIdentityProvider } from '@albero/idp';
import { SCORECARD_QUERY } from './scorecard-query.js';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    pool: { type: 'string', default: '20' },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const poolSize = Number(args.pool);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const benchUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = '/albero_bench';
  return u.toString();
})();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function summary(latencies: number[], seconds: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
  };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

async function prepareDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS albero_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE albero_bench');
  await admin.end();
  const db = await openDatabase({ url: benchUrl, migrate: true });
  await loadPlanFiles(db, [`${DEMO_DATA_DIR}/so-2024.yaml`]);
  await db.close();
}

async function startApi(keycloakUrl: string, port: number, cacheMb: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : []), '--import', 'tsx', fileURLToPath(new URL('../src/main.ts', import.meta.url))], {
    env: {
      ...process.env,
      DATABASE_URL: benchUrl,
      DATABASE_POOL_SIZE: String(poolSize),
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      KEYCLOAK_URL: keycloakUrl,
      NODE_ENV: 'production',
      API_RESPONSE_CACHE_MB: String(cacheMb),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('the API did not start');
}

/** The same data as the scorecard query, read with hand-written SQL in the same kind of unit of work. */
async function rawSql(workers: number, seconds: number): Promise<ReturnType<typeof summary> & { statements: number }> {
  const pool = new pg.Pool({ connectionString: benchUrl, max: poolSize });
  const { rows } = await pool.query<{ chamber_id: string; id: string }>("SELECT cy.chamber_id, cy.id FROM cycle cy JOIN chamber c ON c.id = cy.chamber_id WHERE c.code = 'SO' AND cy.year = 2024");
  const { chamber_id: chamberId, id: cycleId } = rows[0]!;
  const statements = [
    ['SELECT * FROM cycle WHERE chamber_id = $1 AND id = $2', [chamberId, cycleId]],
    ['SELECT * FROM cycle_level WHERE chamber_id = $1 AND cycle_id = $2 ORDER BY position', [chamberId, cycleId]],
    ['SELECT * FROM monitoring_period WHERE chamber_id = $1 AND cycle_id = $2 ORDER BY period_date', [chamberId, cycleId]],
    ['SELECT n.*, so.code AS system_code FROM plan_node n LEFT JOIN system_objective so ON so.id = n.system_objective_id WHERE n.chamber_id = $1 AND n.cycle_id = $2 ORDER BY n.position, n.code', [chamberId, cycleId]],
    ['SELECT nu.*, u.code, u.name FROM plan_node_unit nu JOIN org_unit u ON u.chamber_id = nu.chamber_id AND u.id = nu.unit_id JOIN plan_node n ON n.chamber_id = nu.chamber_id AND n.id = nu.node_id WHERE nu.chamber_id = $1 AND n.cycle_id = $2', [chamberId, cycleId]],
    ['SELECT i.*, so.code AS system_code FROM indicator i LEFT JOIN system_objective so ON so.id = i.system_objective_id WHERE i.chamber_id = $1 AND i.cycle_id = $2 ORDER BY i.position', [chamberId, cycleId]],
    ['SELECT t.*, r.reason, r.revised_on FROM target t JOIN indicator i ON i.chamber_id = t.chamber_id AND i.id = t.indicator_id LEFT JOIN plan_revision r ON r.chamber_id = t.chamber_id AND r.id = t.revision_id WHERE t.chamber_id = $1 AND i.cycle_id = $2', [chamberId, cycleId]],
    ['SELECT m.* FROM measurement m JOIN indicator i ON i.chamber_id = m.chamber_id AND i.id = m.indicator_id WHERE m.chamber_id = $1 AND i.cycle_id = $2', [chamberId, cycleId]],
    ['SELECT * FROM score_override WHERE chamber_id = $1 AND cycle_id = $2 AND revoked_at IS NULL', [chamberId, cycleId]],
    ['SELECT vv.*, v.key FROM variable_value vv JOIN variable v ON v.chamber_id = vv.chamber_id AND v.id = vv.variable_id WHERE vv.chamber_id = $1', [chamberId]],
  ] as const;
  const once = () =>
    withSqlUnitOfWork(pool, { chamberId, actor: { kind: 'user', subject: 'bench' } }, async (client) => {
      for (const [sql, params] of statements) await client.query(sql, [...params]);
    });
  for (let i = 0; i < 200; i++) await once();
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  const began = Date.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        await once();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (Date.now() - began) / 1000;
  await pool.end();
  // BEGIN, scope, role, the reads, COMMIT.
  return { ...summary(latencies, elapsed), statements: statements.length + 4 };
}

type Measured = ReturnType<typeof summary> & { failures: number };

/** autocannon against the API: every response's latency, non-2xx counted as failures. */
async function load(url: string, headers: Record<string, string>, body: string, conns: number, seconds: number): Promise<Measured> {
  const latencies: number[] = [];
  let failures = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, method: 'POST', headers, body, connections: conns, duration: seconds }, (error, done) => (error ? reject(error as Error) : resolve(done)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
      else failures++;
    });
  });
  return { ...summary(latencies, result.duration), failures: failures + result.errors + result.timeouts };
}

await prepareDatabase();
const idp = await startIdentityProvider({ port: 0 });
const keycloakUrl = idp.issuer.replace(/\/realms\/albero$/, '');
const tokenResponse = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
  method: 'POST',
  body: new URLSearchParams({ grant_type: 'password', client_id: 'albero-web', username: 'admin.so', password: 'demo', scope: 'openid' }),
});
const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
const body = JSON.stringify({ query: SCORECARD_QUERY, variables: { year: 2024 } });
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
const rows: [string, Measured][] = [];

try {
  for (const [label, cacheMb] of [['API, response cache on (default)', 64], ['API, response cache off (every request executes)', 0]] as const) {
    const port = await freePort();
    const api = await startApi(keycloakUrl, port, cacheMb);
    try {
      const url = `http://127.0.0.1:${port}/graphql`;
      const probe = await fetch(url, { method: 'POST', headers, body });
      const probeText = await probe.text();
      const parsed = JSON.parse(probeText) as { errors?: unknown; data?: { cycle: { nodes: { indicators: { measurements: unknown[] }[] }[]; scorecard: { entity: { performance: number } } } } };
      if (probe.status !== 200 || parsed.errors) throw new Error(`the scorecard query failed: ${probeText.slice(0, 500)}`);
      if (rows.length === 0) {
        const nodes = parsed.data!.cycle.nodes;
        console.log(
          `scorecard of Sondrio 2024: ${nodes.length} nodes, ${nodes.flatMap((n) => n.indicators).length} indicators, ${nodes.flatMap((n) => n.indicators.flatMap((i) => i.measurements)).length} measurements, entity performance ${parsed.data!.cycle.scorecard.entity.performance}, response ${(probeText.length / 1024).toFixed(0)} KiB`,
        );
      }
      // Warm-up: JIT, the chamber directory, the token's JWKS, PostgreSQL's caches.
      await load(url, headers, body, 10, 3);
      rows.push([`${label}, 1 connection`, await load(url, headers, body, 1, Math.min(5, duration))]);
      rows.push([`${label}, ${connections} connections`, await load(url, headers, body, connections, duration)]);
    } finally {
      api.kill('SIGTERM');
      await once(api, 'exit');
    }
  }
  const sqlOne = await rawSql(1, Math.min(5, duration));
  const sqlMany = await rawSql(connections, duration);
  rows.push([`raw SQL, same rows (${sqlOne.statements} statements, one unit of work), 1 connection`, { ...sqlOne, failures: 0 }]);
  rows.push([`raw SQL, same rows, ${connections} workers on a pool of ${poolSize}`, { ...sqlMany, failures: 0 }]);

  const ms = (n: number) => n.toFixed(1);
  console.log('');
  console.log(`| full scorecard of Sondrio 2024 (${duration} s per run) | requests/s | p50 ms | p95 ms | p99 ms | failures |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [label, m] of rows) console.log(`| ${label} | ${m.perSecond.toFixed(0)} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${m.failures} |`);
  const goal = rows.find(([label]) => label.startsWith('API, response cache on') && label.endsWith(`${connections} connections`))![1];
  console.log('');
  console.log(`goal (p95 < 50 ms and >= 500 requests/s at ${connections} connections, default configuration): ${goal.p95 < 50 && goal.perSecond >= 500 ? 'met' : 'NOT met'}`);
} finally {
  await idp.stop();
}
