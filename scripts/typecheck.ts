// Typechecks every workspace project (each folder with a tsconfig.json), two at a time, and checks the web
// client's GraphQL documents against the API schema with gql.tada's CLI (`gql-tada check`: unknown fields,
// fragments, variables, which tsc alone does not report).
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

const web = join(REPO_ROOT, 'apps/web');
const gqlTada = join(web, 'node_modules/gql.tada/bin/cli.js');

function check(dir: string, args = [tsc, '--noEmit', '-p', dir], name = relative(REPO_ROOT, dir) || '(root)'): Promise<{ dir: string; name: string; code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: dir });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ dir, name, code: code ?? 1, output }));
  });
}

const queue: (() => ReturnType<typeof check>)[] = [
  ...projects.map((dir) => () => check(dir)),
  () => check(web, [gqlTada, 'check'], 'apps/web GraphQL documents (gql-tada check)'),
];
const results: Awaited<ReturnType<typeof check>>[] = [];
await Promise.all(
  [0, 1].map(async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) results.push(await next());
  }),
);
let failed = 0;
for (const r of results.sort((a, b) => a.name.localeCompare(b.name))) {
  console.log(`typecheck ${r.name}: ${r.code === 0 ? 'ok' : 'FAILED'}`);
  if (r.code !== 0) {
    failed++;
    console.log(r.output);
  }
}
process.exit(failed === 0 ? 0 : 1);
