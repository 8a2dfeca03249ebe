// Every string goes through i18n: the English resources mirror the Italian ones, and every key the code
// names literally exists.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../src/locales/en.json';
import it_ from '../src/locales/it.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const italianKeys = new Set(keys(it_));

describe('the interface strings', () => {
  it('has an English string for every Italian one and no other', () => {
    expect(keys(en as Tree).sort()).toEqual([...italianKeys].sort());
  });

  it('has no English string left identical to a long Italian sentence', () => {
    const flat = (tree: Tree) => new Map(keys(tree).map((k) => [k, k.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part]!, tree) as string]));
    const italian = flat(it_);
    const same = [...flat(en as Tree)].filter(([k, v]) => v.replace(/\{\{\w+\}\}/g, '').replace(/[^\p{L}]/gu, '').length > 20 && italian.get(k) === v).map(([k]) => k);
    expect(same).toEqual([]);
  });

  it('names only keys that exist (every t("…") with a literal key in src)', () => {
    const missing: string[] = [];
    for (const file of sources(join(import.meta.dirname, '../src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        if (!italianKeys.has(match[1]!)) missing.push(`${file.split('/src/')[1]}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
