// The real stack for the end-to-end suite, started the way scripts/platform.ts starts it, on free ports:
// a fresh PostgreSQL database with the demo chambers, the identity provider (in process), the API (its
// own `start` entry, as `npm start` runs it) and a `vite preview` of the production build of the web app.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT, loadDemoData, openDatabase } from '@albero/db';
import { startIdentityProvider } from '@albero/idp';

export type Stack = {
  webUrl: string;
  apiUrl: string;
  idpUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
};

const adminUrl = () => process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const WEB_DIR = join(REPO_ROOT, 'apps/web');
const API_DIR = join(REPO_ROOT, 'apps/api');

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, what: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const began = Date.now();
  while (Date.now() - began < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before answering ${url}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer ${url} within ${timeoutMs} ms`);
}

function startProcess(name: string, cwd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // The suite's own tsx/vitest settings must not leak into the services.
  const { TSX_TSCONFIG_PATH: _tsconfig, VITEST: _vitest, NODE_OPTIONS: _nodeOptions, ...inherited } = process.env;
  const child = spawn(process.execPath, args, { cwd, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (chunk: Buffer) => {
    if (process.env.ALBERO_E2E_VERBOSE) process.stderr.write(`[${name}] ${chunk.toString()}`);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (process.env.ALBERO_E2E_VERBOSE || /error/i.test(text)) process.stderr.write(`[${name}] ${text.slice(0, 2000)}\n`);
  });
  return child;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * A fresh database on the PostgreSQL server, migrated, with all the demo data: the Unioncamere catalogue, every
 * demo chamber and the synthetic chambers of the benchmarks.
 */
async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `albero_e2e_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), migrate: true, poolSize: 2 });
  try {
    await loadDemoData(db, { replace: true });
  } finally {
    await db.close();
  }
  return {
    url: url.toString(),
    async drop() {
      const again = new pg.Client({ connectionString: adminUrl() });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

/** The realm file with the web client's redirect URIs and origins moved to the test's web port. */
async function realmFor(webOrigin: string): Promise<string> {
  const source = await readFile(join(REPO_ROOT, 'infra/keycloak/development/albero-realm.json'), 'utf8');
  const dir = await mkdtemp(join(tmpdir(), 'albero-e2e-realm-'));
  const file = join(dir, 'albero-realm.json');
  await writeFile(file, source.replaceAll('http://localhost:5173', webOrigin));
  return file;
}

/** Runs `vite build` of apps/web (the production build the suite measures and serves). */
export async function buildWeb(): Promise<string> {
  const vite = join(WEB_DIR, 'node_modules/vite/bin/vite.js');
  // NODE_ENV=test (set by Vitest) would make Vite build React's development runtime.
  const { VITEST: _vitest, ...inherited } = process.env;
  const child = spawn(process.execPath, [vite, 'build'], { cwd: WEB_DIR, env: { ...inherited, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`vite build failed:\n${output}`);
  return output;
}

/** Starts database, identity provider, API and web preview; `stop()` tears all of it down. */
export async function startStack(options: { web?: boolean; webPort?: number } = {}): Promise<Stack> {
  const [idpPort, apiPort, webPort] = [await freePort(), await freePort(), options.webPort ?? (await freePort())];
  const webUrl = `http://localhost:${webPort}`;
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch((error: unknown) => console.error('e2e: stop failed', error));
  };
  try {
    const database = await createDatabase();
    stops.push(() => database.drop());

    const idp = await startIdentityProvider({ port: idpPort, realmFile: await realmFor(webUrl) });
    stops.push(() => idp.stop());
    const idpUrl = `http://localhost:${idpPort}`;

    const api = startProcess('api', API_DIR, [join(API_DIR, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], {
      DATABASE_URL: database.url,
      API_PORT: String(apiPort),
      API_HOST: '127.0.0.1',
      KEYCLOAK_URL: idpUrl,
      CORS_ORIGINS: webUrl,
      NODE_ENV: 'development',
      DATABASE_POOL_SIZE: '5',
    });
    stops.push(() => stopProcess(api));
    const apiUrl = `http://localhost:${apiPort}/graphql`;
    await waitFor(`http://127.0.0.1:${apiPort}/health`, 'API', api);

    if (options.web === false) return { webUrl, apiUrl, idpUrl, databaseUrl: database.url, stop };
    const web = startProcess('web', WEB_DIR, [join(WEB_DIR, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(webPort), '--strictPort'], {
      ALBERO_API_URL: apiUrl,
      ALBERO_KEYCLOAK_URL: idpUrl,
    });
    stops.push(() => stopProcess(web));
    await waitFor(`http://127.0.0.1:${webPort}/`, 'web preview', web);

    return { webUrl, apiUrl, idpUrl, databaseUrl: database.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
