// The JavaScript a first visit downloads, from Vite's manifest of the production build, gzip-compressed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; src?: string };
type Manifest = Record<string, ManifestChunk>;

export type BundleFigures = {
  /** index.html's entry and its static imports: what every first visit downloads. */
  initialGzipBytes: number;
  initialFiles: string[];
  /** The initial JS plus what the signed-in cruscotto loads (keycloak-js, the app shell, the route). */
  cruscottoGzipBytes: number;
  /** Every JS file of the build. */
  totalGzipBytes: number;
};

function closure(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) return;
    seen.add(key);
    for (const next of chunk.imports ?? []) visit(next);
  };
  keys.forEach(visit);
  return seen;
}

/** Measures the build in dist/ (gzip level 9, as the transfer size a server with compression sends). */
export function measureBundle(distDir: string): BundleFigures {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const size = (file: string) => gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
  const jsOf = (keys: Set<string>) => [...new Set([...keys].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js')))];
  const sum = (files: string[]) => files.reduce((total, file) => total + size(file), 0);
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry) ?? 'index.html';
  const initial = closure(manifest, [entry]);
  const cruscotto = closure(manifest, [entry, 'src/auth/keycloak.ts', 'src/app/signed-in-app.tsx', 'src/routes/cruscotto.tsx']);
  const all = new Set(Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js')));
  return {
    initialGzipBytes: sum(jsOf(initial)),
    initialFiles: jsOf(initial),
    cruscottoGzipBytes: sum(jsOf(cruscotto)),
    totalGzipBytes: sum([...all]),
  };
}
