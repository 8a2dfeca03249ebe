// Validates plan files and prints a short summary of each, or every located issue.
// Usage: pnpm --filter @albero/plan-format check <file.yaml> [more files]
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PlanFileError, readPlanFile, type PlanNode } from '../index.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: check <plan.yaml> [...]');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  try {
    // pnpm runs scripts in the package folder; accept paths relative to where pnpm was invoked, or to the package.
    const fromInvocation = resolve(process.env.INIT_CWD ?? process.cwd(), file);
    const plan = await readPlanFile(existsSync(fromInvocation) ? fromInvocation : resolve(file));
    let nodes = 0;
    let indicators = 0;
    let measurements = 0;
    const walk = (n: PlanNode) => {
      nodes++;
      indicators += n.indicators.length;
      measurements += n.indicators.reduce((s, i) => s + i.measurements.length, 0);
      n.children.forEach(walk);
    };
    plan.tree.forEach(walk);
    plan.individualObjectives.forEach((io) => io.objectives.forEach(walk));
    console.log(`${file}: ok — ${plan.chamber.code} ${plan.cycle.year}, ${nodes} nodes, ${indicators} indicators, ${measurements} measurements`);
  } catch (error) {
    failed = true;
    if (error instanceof PlanFileError) console.error(error.message);
    else throw error;
  }
}
process.exit(failed ? 1 : 0);
