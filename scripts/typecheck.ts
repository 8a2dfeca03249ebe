// Typechecks every workspace project (each folder with a tsconfig.json), two at a time.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '@albero/db';

const projects = [
  REPO_ROOT,
  join(REPO_ROOT, 'test'),
  join(REPO_ROOT, 'e2e'),
  ...['apps', 'packages'].flatMap((group) => readdirSync(join(REPO_ROOT, group)).map((name) => join(REPO_ROOT, group, name))),
].filter((dir) => existsSync(join(dir, 'tsconfig.json')) && (dir === REPO_ROOT || dir.endsWith('e2e') || existsSync(join(dir, 'package.json'))));

const tsc = join(REPO_ROOT, 'node_modules/typescript/bin/tsc');

function check(dir: string): Promise<{ dir: string; code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '--noEmit', '-p', dir], { cwd: dir });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ dir, code: code ?? 1, output }));
  });
}

const queue = [...projects];
const results: Awaited<ReturnType<typeof check>>[] = [];
await Promise.all(
  [0, 1].map(async () => {
    for (let dir = queue.shift(); dir !== undefined; dir = queue.shift()) results.push(await check(dir));
  }),
);
let failed = 0;
for (const r of results.sort((a, b) => a.dir.localeCompare(b.dir))) {
  const name = relative(REPO_ROOT, r.dir) || '(root)';
  console.log(`typecheck ${name}: ${r.code === 0 ? 'ok' : 'FAILED'}`);
  if (r.code !== 0) {
    failed++;
    console.log(r.output);
  }
}
process.exit(failed === 0 ? 0 : 1);
