// Builds the web app, measures its JavaScript, starts the real stack once for every end-to-end file and
// hands its addresses to the tests (inject('stack')).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '@albero/db';
import { measureBundle, type BundleFigures } from './bundle.js';
import { buildWeb, startStack } from './stack.js';

export type StackInfo = { webUrl: string; apiUrl: string; idpUrl: string; bundle: BundleFigures };

declare module 'vitest' {
  // Vitest's provide/inject registry is an interface to augment.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface ProvidedContext {
    stack: StackInfo;
  }
}

export const RESULTS = join(REPO_ROOT, 'test-results');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildWeb();
  const bundle = measureBundle(join(REPO_ROOT, 'apps/web/dist'));
  await mkdir(RESULTS, { recursive: true });
  await writeFile(join(RESULTS, 'web-bundle.json'), `${JSON.stringify(bundle, null, 2)}\n`);
  const stack = await startStack();
  project.provide('stack', { webUrl: stack.webUrl, apiUrl: stack.apiUrl, idpUrl: stack.idpUrl, bundle });
  return () => stack.stop();
}
