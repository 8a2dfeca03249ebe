// Loads plan files into the database (DATABASE_URL, or the embedded database in ALBERO_DATA_DIR).
// Usage: load [--replace] [--demo] [file.yaml …]
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PlanFileError } from '@albero/plan-format';
import { openDatabase } from '../client.js';
import { databaseConfig } from '../config.js';
import { loadDemoData, loadPlanFiles } from '../load-files.js';
import { PlanLoadError } from '../load-plan.js';

const args = process.argv.slice(2);
const replace = args.includes('--replace');
// pnpm runs scripts in the package folder: accept paths relative to where pnpm was invoked, or to the package.
const files = args
  .filter((a) => !a.startsWith('--'))
  .map((f) => {
    const fromInvocation = resolve(process.env.INIT_CWD ?? process.cwd(), f);
    return existsSync(fromInvocation) ? fromInvocation : resolve(f);
  });
const demo = args.includes('--demo');
if (files.length === 0 && !demo) {
  console.error('usage: load [--replace] [--demo] <plan.yaml> …');
  process.exit(2);
}
const config = databaseConfig();
const db = await openDatabase({ url: config.url, dataDir: config.dataDir, migrate: true });
try {
  const results = demo ? (await loadDemoData(db, { replace })).plans : [];
  results.push(...(await loadPlanFiles(db, files, { replace })));
  for (const r of results) {
    const c = r.counts;
    console.log(
      `${r.file}: ${r.status} — ${r.chamberCode} ${r.year}` +
        (r.status === 'unchanged' ? '' : `, ${c.nodes} nodes, ${c.indicators} indicators, ${c.targets} targets, ${c.measurements} measurements, ${c.overrides} overrides`),
    );
  }
} catch (error) {
  if (error instanceof PlanFileError || error instanceof PlanLoadError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await db.close();
}
