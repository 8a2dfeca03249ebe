// Scores a plan file and prints the scored tree as JSON; with --compare, checks every published figure.
// Usage: pnpm --filter @albero/scoring score <plan.yaml> [--year 2024] [--period 2024-12-31] [--compare]
//        [--behaviour <username>=<score>] [--no-explanations]
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PlanFileError, readPlanFile } from '@albero/plan-format';
import { inputFromPlan } from '../from-plan.js';
import { scoreIndividual, scoreIndividualObjectives } from '../individual.js';
import { comparePublished } from '../published.js';
import { scoreTree } from '../tree.js';

const usage = 'usage: score <plan.yaml> [--year 2024] [--period 2024-12-31] [--compare] [--behaviour user=score] [--no-explanations]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    year: { type: 'string' },
    period: { type: 'string' },
    compare: { type: 'boolean', default: false },
    behaviour: { type: 'string', multiple: true, default: [] },
    'no-explanations': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

const file = positionals[0];
if (values.help || file === undefined || positionals.length > 1) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const year = values.year === undefined ? undefined : Number(values.year);
if (year !== undefined && !Number.isInteger(year)) {
  console.error(`--year must be a year, got "${values.year}"`);
  process.exit(2);
}
if (values.period !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.period)) {
  console.error(`--period must be an ISO date (2024-12-31), got "${values.period}"`);
  process.exit(2);
}
const behaviour = new Map<string, number>();
for (const b of values.behaviour) {
  const [user, score] = b.split('=');
  const n = Number(score);
  if (!user || score === undefined || !Number.isFinite(n)) {
    console.error(`--behaviour takes <username>=<score>, got "${b}"`);
    process.exit(2);
  }
  behaviour.set(user, n);
}

// pnpm --filter runs the script in the package folder: the path is resolved from where the user typed the
// command (INIT_CWD) and, failing that, from the package folder, so both "data/demo/x.yaml" typed at the
// repository root and "../../data/demo/x.yaml" work.
const candidates = [process.env.INIT_CWD, process.cwd()].filter((d): d is string => d !== undefined).map((d) => resolve(d, file));
const path = candidates.find((p) => existsSync(p)) ?? resolve(process.cwd(), file);

let plan;
try {
  plan = await readPlanFile(path);
} catch (error) {
  if (error instanceof PlanFileError) {
    console.error(error.message);
    process.exit(1);
  }
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    console.error(`${file}: no such file`);
    process.exit(1);
  }
  throw error;
}

const input = inputFromPlan(plan, { year, period: values.period });
const scored = scoreTree({ config: input.config, tree: input.tree });
const individual = input.individualObjectives.map((io) => {
  const objectives = scoreIndividualObjectives(io.objectives, input.config);
  const scorecard =
    io.roleWeights === undefined
      ? null
      : scoreIndividual(
          io.roleWeights,
          { entity: scored.entity?.exactPerformance ?? null, unit: null, individual: objectives.exactResult, behaviour: behaviour.get(io.person) ?? null },
          input.config.rounding,
        );
  return { person: io.person, position: io.position, ...objectives, scorecard };
});

const output: Record<string, unknown> = {
  chamber: plan.chamber.code,
  year: input.year,
  period: input.period,
  rounding: input.config.rounding,
  missingPolicy: input.config.missingPolicy,
  tree: scored.nodes,
  entity: scored.entity,
  systemObjectives: scored.systemObjectives,
  individualObjectives: individual,
  warnings: scored.warnings,
};

let failed = false;
if (values.compare) {
  const checks = comparePublished(plan, scored, individual, input.config.rounding);
  const differing = checks.filter((c) => !c.equal);
  output.comparison = { checked: checks.length, differing: differing.length, differences: differing, checks };
  failed = differing.length > 0;
  console.error(`${file}: ${checks.length} published figures checked, ${differing.length} differ`);
  for (const d of differing) console.error(`  ${d.kind} ${d.code} ${d.field}: published ${d.published}, computed ${d.computed ?? 'not computable'}`);
}

const replacer = values['no-explanations']
  ? (key: string, value: unknown) =>
      key === 'explanation' || key === 'achievementExplanation' || key.endsWith('Explanation') ? undefined : value
  : undefined;
// exitCode, not exit(): a large JSON written to a pipe must be flushed before the process ends.
process.stdout.write(`${JSON.stringify(output, replacer, 2)}\n`);
process.exitCode = failed ? 1 : 0;
