// The engine core stays pure: no Node built-ins, no database or network client, no app, and
// @albero/plan-format only as types (the CLI is the one place that reads files).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const core = files(src).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes(`${join(src, 'cli')}`));

describe('engine purity', () => {
  it('finds the engine sources', () => {
    expect(core.map((f) => relative(src, f))).toEqual(expect.arrayContaining(['tree.ts', 'formula.ts', 'from-plan.ts', 'round.ts']));
  });

  it.each(core.map((f) => [relative(src, f), f]))('%s imports only relative modules, jsep, and plan-format types', (_name, file) => {
    const imports = [...readFileSync(file, 'utf8').matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)].map((m) => ({ type: Boolean(m[1]), from: m[2] as string }));
    for (const i of imports) {
      const allowed = i.from.startsWith('./') || i.from.startsWith('../') || i.from === 'jsep' || (i.from === '@albero/plan-format' && i.type);
      expect(allowed, `${i.type ? 'import type' : 'import'} from '${i.from}'`).toBe(true);
    }
  });

  it('never evaluates code', () => {
    for (const file of core) expect(readFileSync(file, 'utf8'), file).not.toMatch(/\beval\(|new Function\(/);
  });
});
