#!/usr/bin/env node
// Albero's two entry points, runnable on a fresh machine with only Node 20+ and npm:
//   npm start  → installs dependencies, prepares the database (embedded unless DATABASE_URL is set),
//                loads the demo chambers and starts identity provider, API and web app.
//   npm test   → installs dependencies, then lint, typecheck and every test suite.
// This file only bootstraps pnpm and the dependencies; the work is done by scripts/platform.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2];
if (command !== 'start' && command !== 'test') {
  console.error('usage: node scripts/albero.mjs start|test');
  process.exit(2);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Albero needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

const pnpmVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.replace(/^pnpm@/, '');
const env = { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: '0', COREPACK_INTEGRITY_KEYS: process.env.COREPACK_INTEGRITY_KEYS ?? '0' };
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

// pnpm through corepack where it works here, otherwise through npx (corepack is not bundled with every Node).
const probe = spawnSync('corepack', ['pnpm', '--version'], { cwd: root, env, encoding: 'utf8' });
const [runner, prefix] = probe.error === undefined && probe.status === 0 ? ['corepack', ['pnpm']] : [npx, ['-y', `pnpm@${pnpmVersion}`]];
const pnpm = (args) => spawnSync(runner, [...prefix, ...args], { cwd: root, env, stdio: 'inherit' }).status ?? 1;
// platform.ts starts services with the same pnpm.
env.ALBERO_PNPM = JSON.stringify([runner, ...prefix]);

// Install when node_modules is missing or older than the lockfile.
const marker = join(root, 'node_modules/.modules.yaml');
const lock = join(root, 'pnpm-lock.yaml');
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
  const frozen = process.env.CI ? ['--frozen-lockfile'] : [];
  const status = pnpm(['install', ...frozen]);
  if (status !== 0) process.exit(status);
}

process.exit(pnpm(['exec', 'tsx', 'scripts/platform.ts', command]));
