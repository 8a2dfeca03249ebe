// The platform launcher behind `npm start` and `npm test` (after scripts/albero.mjs has installed dependencies).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT, databaseConfig, loadDemoData, openDatabase, startEmbeddedPostgres } from '@albero/db';

const command = process.argv[2];

/** The services `npm start` runs, each a workspace package with a `start` script, in start order. */
const SERVICES = [
  { name: 'idp', dir: 'apps/idp', script: 'start', url: 'http://localhost:8080/realms/albero' },
  { name: 'api', dir: 'apps/api', script: 'start', url: 'http://localhost:4000/graphql' },
  { name: 'web', dir: 'apps/web', script: 'dev', url: 'http://localhost:5173' },
] as const;

// The pnpm that scripts/albero.mjs found (corepack or npx), for the services and test steps.
const pnpmCommand = JSON.parse(process.env.ALBERO_PNPM ?? '["pnpm"]') as [string, ...string[]];
const PNPM: [string, string[]] = [pnpmCommand[0], pnpmCommand.slice(1)];
const pnpmArgs = (args: string[]) => [...PNPM[1], ...args];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: REPO_ROOT, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function start(): Promise<void> {
  const config = databaseConfig();
  let url = config.url;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort });
    url = embedded.url;
    stopEmbedded = () => embedded.stop();
    console.log(`albero: embedded PostgreSQL in ${config.dataDir}, serving ${url}`);
  } else {
    console.log(`albero: PostgreSQL at ${url.replace(/\/\/[^@]*@/, '//…@')}`);
  }

  const db = await openDatabase({ url, migrate: true, log: (line) => console.log(`albero: migration ${line}`) });
  try {
    // Demo files are the source of truth for the demo chambers: a changed file rebuilds its cycle.
    const demo = await loadDemoData(db, { replace: true });
    for (const c of demo.catalogues) console.log(`albero: catalogue ${c.year}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`);
    const counts = new Map<string, number>();
    for (const r of demo.plans) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    console.log(`albero: demo plans ${[...counts].map(([status, n]) => `${n} ${status}`).join(', ')}`);
  } finally {
    await db.close();
  }

  // Embedded PostgreSQL runs one query at a time: each service keeps a pool of one connection.
  // The API administers people through the development provider's Admin REST API with the development realm's
  // service-account secret (infra/keycloak/development/albero-realm.json), unless one is given.
  const env = {
    ...process.env,
    DATABASE_URL: url,
    KEYCLOAK_ADMIN_CLIENT_SECRET: process.env.KEYCLOAK_ADMIN_CLIENT_SECRET ?? 'albero-admin-development-secret',
    ...(stopEmbedded ? { DATABASE_POOL_SIZE: '1' } : {}),
  };
  const children: ChildProcess[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    await stopEmbedded?.();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  for (const service of SERVICES) {
    if (!existsSync(join(REPO_ROOT, service.dir, 'package.json'))) continue;
    const child = spawn(PNPM[0], pnpmArgs(['--dir', service.dir, 'run', service.script]), { cwd: REPO_ROOT, env, stdio: 'inherit' });
    child.on('exit', (code) => {
      if (!stopping) {
        console.error(`albero: ${service.name} stopped (exit ${code}); stopping the platform`);
        void stopAll(code ?? 1);
      }
    });
    children.push(child);
  }
  console.log(
    [
      '',
      'Albero is starting:',
      ...SERVICES.map((s) => `  ${s.name.padEnd(4)} ${s.url}`),
      '  Demo logins (password "demo"): platform, unioncamere, admin.so, manager.so, staff.so, oiv.so (and the same for every demo chamber)',
      '  Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );
}

async function test(): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const probe = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await probe.connect();
    await probe.end();
  } catch (error) {
    console.error(
      `albero: the test suite needs a PostgreSQL server at ${adminUrl} (set TEST_DATABASE_URL): ${(error as Error).message}\n` +
        'On Debian: apt-get install -y postgresql && pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    );
    process.exit(1);
  }
  rmSync(RESULTS, { force: true });
  const steps: [string, string, string[]][] = [
    ['lint', PNPM[0], pnpmArgs(['run', 'lint'])],
    ['typecheck', PNPM[0], pnpmArgs(['run', 'typecheck'])],
    ['tests', PNPM[0], pnpmArgs(['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}`])],
  ];
  for (const [name, cmd, args] of steps) {
    const began = Date.now();
    console.log(`\nalbero test: ${name}`);
    const code = await run(cmd, args);
    console.log(`albero test: ${name} ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    if (code !== 0) {
      printSummary();
      process.exit(code);
    }
  }
  printSummary();
}

const RESULTS = join(REPO_ROOT, 'test-results/vitest.json');

/** The closing line CI reads: "N passed, N failed, N skipped". */
function printSummary(): void {
  if (!existsSync(RESULTS)) return;
  const report = JSON.parse(readFileSync(RESULTS, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  console.log(`\n${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`);
}

if (command === 'start') await start();
else if (command === 'test') await test();
else {
  console.error('usage: platform.ts start|test');
  process.exit(2);
}
