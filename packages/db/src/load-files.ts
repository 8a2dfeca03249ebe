import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseCatalogue, parsePlan } from '@albero/plan-format';
import type { Database } from './client.js';
import { DEMO_CATALOGUE_DIR, DEMO_DATA_DIR, REPO_ROOT } from './config.js';
import { loadCatalogue, type CatalogueLoadResult } from './load-catalogue.js';
import { syntheticPlans } from './synthetic.js';
import { loadPlan, planChecksum, type LoadResult } from './load-plan.js';

/** The demo plan files, oldest cycle first within each chamber (so that links to the previous cycle resolve). */
export async function demoPlanFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => /\.(ya?ml|json)$/.test(n));
  return names.sort().map((n) => join(dir, n));
}

/**
 * Parses every file first (so that a malformed file stops the run before anything is written), then loads
 * each in its own unit of work, ordered by chamber and year.
 */
export async function loadPlanFiles(db: Pick<Database, 'prisma'>, files: string[], options: { replace?: boolean } = {}): Promise<LoadResult[]> {
  const parsed = await Promise.all(
    files.map(async (path) => {
      const display = relative(REPO_ROOT, path) || path;
      const source = await readFile(path, 'utf8');
      return { display, plan: parsePlan(source, display), checksum: planChecksum(source) };
    }),
  );
  parsed.sort((a, b) => a.plan.chamber.code.localeCompare(b.plan.chamber.code) || a.plan.cycle.year - b.plan.cycle.year);
  const results: LoadResult[] = [];
  for (const { display, plan, checksum } of parsed) {
    results.push(await loadPlan(db, plan, { file: display, checksum, replace: options.replace ?? false }));
  }
  return results;
}

/** Publishes every catalogue file of a folder (system objectives by year), before plans adopt them. */
export async function loadCatalogueFiles(db: Pick<Database, 'prisma'>, dir: string): Promise<CatalogueLoadResult[]> {
  const names = (await readdir(dir)).filter((n) => /\.(ya?ml|json)$/.test(n)).sort();
  const catalogues = await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const display = relative(REPO_ROOT, path);
      return { display, catalogue: parseCatalogue(await readFile(path, 'utf8'), display) };
    }),
  );
  const results: CatalogueLoadResult[] = [];
  for (const { display, catalogue } of catalogues) results.push(await loadCatalogue(db, catalogue, display));
  return results;
}

/**
 * All demo data: the Unioncamere catalogue, the demo chambers transcribed from the seeds, and the synthetic
 * chambers generated from the catalogue (for benchmarking), in that order.
 */
export async function loadDemoData(
  db: Pick<Database, 'prisma'>,
  options: { replace?: boolean; synthetic?: boolean } = {},
): Promise<{ catalogues: CatalogueLoadResult[]; plans: LoadResult[] }> {
  const catalogues = await loadCatalogueFiles(db, DEMO_CATALOGUE_DIR);
  const plans = await loadPlanFiles(db, await demoPlanFiles(DEMO_DATA_DIR), options);
  if (options.synthetic ?? true) {
    const catalogue = parseCatalogue(await readFile(join(DEMO_CATALOGUE_DIR, 'system-objectives-2024.yaml'), 'utf8'), 'system-objectives-2024.yaml');
    for (const plan of syntheticPlans(catalogue)) {
      const file = `synthetic:${plan.chamber.code}-${plan.cycle.year}`;
      plans.push(await loadPlan(db, plan, { file, checksum: planChecksum(JSON.stringify(plan)), replace: options.replace ?? false }));
    }
  }
  return { catalogues, plans };
}
