// The command line, run as a user would: scored JSON on stdout, exit code 1 when a published figure differs.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli/score.ts', import.meta.url));
const so2024 = fileURLToPath(new URL('../../../data/demo/so-2024.yaml', import.meta.url));
const score = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: packageDir, maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe('score CLI', () => {
  it('prints the scored tree as JSON and exits 0 when every published figure of so-2024.yaml is reproduced', async () => {
    const r = await score([so2024, '--compare']);
    expect(r.stderr).toContain('115 published figures checked, 0 differ');
    // The README states what this command prints (audit item 5: it said 112 while the command checked 115).
    const readme = await readFile(join(packageDir, 'README.md'), 'utf8');
    expect(readme.match(/`(\d+) published figures checked, 0 differ`/)?.[1]).toBe(/(\d+) published figures checked/.exec(r.stderr)?.[1]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { tree: { code: string; result: number }[] };
    expect(out).toMatchObject({ chamber: 'SO', year: 2024, period: '2024-12-31', entity: { meanOfResults: 97.91, performance: 100 }, comparison: { differing: 0 } });
    expect(out.tree.map((p) => [p.code, p.result])).toEqual([
      ['P1', 97.8],
      ['P2', 95.2],
      ['P3', 100],
      ['P4', 100],
    ]);
  }, 30_000);

  it('exits 1 and names the figure when a published figure differs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'albero-score-'));
    const altered = (await readFile(so2024, 'utf8')).replace(/(code: '1\.3'\n(?:.*\n)*?\s+published:\n\s+score: )76/, '$177');
    expect(altered).not.toBe(await readFile(so2024, 'utf8'));
    const file = join(dir, 'altered.yaml');
    await writeFile(file, altered);
    const r = await score([file, '--compare', '--no-explanations']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 differ');
    expect(r.stderr).toContain('node 1.3 score: published 77, computed 76');
    expect(JSON.parse(r.stdout).tree[0]).not.toHaveProperty('explanation');
  }, 30_000);

  it('rejects a bad argument with the usage', async () => {
    const r = await score([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: score <plan.yaml>');
  }, 30_000);
});
