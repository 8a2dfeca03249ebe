// Adapter from a plan file (@albero/plan-format) to the engine's own input. It imports only the
// format's types, so loading it never loads zod or the YAML reader; the CLI reads the file.
import type { PlanFile, PlanIndicator, PlanNode, PlanTarget } from '@albero/plan-format';
import type { RoleWeights } from './individual.js';
import type { IndicatorInput, NodeInput, Override, ScoringConfig, Target } from './types.js';

export type FromPlanOptions = {
  /** The cycle year whose targets are used; default plan.cycle.year. */
  year?: number | undefined;
  /** The monitoring date whose measurements are used; default the cycle's last period, else 31/12 of the year. */
  period?: string | undefined;
};

/** A person's individual objectives, ready to score, with the weights of their role when the SMVP defines it. */
export type PersonObjectivesInput = {
  person: string;
  position: string | undefined;
  objectives: NodeInput[];
  roleWeights: RoleWeights | undefined;
};

export type PlanScoringInput = {
  year: number;
  period: string;
  config: ScoringConfig;
  tree: NodeInput[];
  individualObjectives: PersonObjectivesInput[];
};

/** The chamber's SMVP as engine configuration (figures aggregate unrounded, unmet achievements proportional). */
export function configFromPlan(plan: PlanFile): ScoringConfig {
  const levels: Record<string, { aggregation: 'weighted-mean' | 'simple-mean'; kind: string }> = {};
  for (const l of plan.levels) levels[l.key] = { aggregation: l.aggregation, kind: l.kind };
  return {
    defaultMethod: plan.smvp.defaultMethod,
    stepBands: { threshold80: plan.smvp.stepBands.threshold80, threshold60: plan.smvp.stepBands.threshold60 },
    missingPolicy: plan.smvp.missingPolicy,
    rounding: { decimals: plan.smvp.rounding.decimals, mode: plan.smvp.rounding.mode },
    rollupFrom: 'unrounded',
    achievementMethod: 'proportional',
    levels,
    entityLevel: plan.smvp.entityLevel,
    ratingBands: plan.smvp.ratingBands.map((b) => ({ min: b.min, label: b.label })),
  };
}

/** The default period of a plan: the cycle's last monitoring date, else 31 December of the year. */
export function defaultPeriod(plan: PlanFile, year: number): string {
  const periods = [...plan.cycle.periods].sort();
  return year === plan.cycle.year && periods.length > 0 ? (periods[periods.length - 1] as string) : `${year}-12-31`;
}

/** Maps a plan file onto the engine input for one year and period. */
export function inputFromPlan(plan: PlanFile, options: FromPlanOptions = {}): PlanScoringInput {
  const year = options.year ?? plan.cycle.year;
  const period = options.period ?? defaultPeriod(plan, year);
  const variables: Record<string, number> = {};
  let hasVariables = false;
  for (const v of plan.variables) {
    const at = v.values.find((x) => x.period === period);
    if (at !== undefined) {
      variables[v.key] = at.value;
      hasVariables = true;
    }
  }
  const ctx: Ctx = { year, period, variables, hasVariables, levelKeys: plan.levels.map((l) => l.key) };
  const config = configFromPlan(plan);
  const people = new Map(plan.people.map((p) => [p.username, p]));
  const individualObjectives = plan.individualObjectives.map((io): PersonObjectivesInput => {
    const position = people.get(io.person)?.position;
    const role =
      position === undefined ? undefined : plan.smvp.individualWeights.find((w) => w.role.trim().toLowerCase() === position.trim().toLowerCase());
    return {
      person: io.person,
      position,
      objectives: io.objectives.map((n) => nodeFromPlan(n, ctx, undefined)),
      roleWeights: role && { role: role.role, entity: role.entity, unit: role.unit, individual: role.individual, behaviour: role.behaviour },
    };
  });
  return { year, period, config, tree: plan.tree.map((n) => nodeFromPlan(n, ctx, 0)), individualObjectives };
}

type Ctx = { year: number; period: string; variables: Record<string, number>; hasVariables: boolean; levelKeys: string[] };

// Every object is built with all its keys in one order (undefined where absent): the engine's property
// reads then stay monomorphic, which matters for speed (see README, Benchmark).
// A node without an explicit level is of the level at its depth in the tree (as the plan format says and as the
// database loader records it); individual objectives (depth undefined) keep only an explicit one.
function nodeFromPlan(node: PlanNode, ctx: Ctx, depth: number | undefined): NodeInput {
  return {
    code: node.code,
    weight: node.weight,
    level: node.level ?? (depth === undefined ? undefined : ctx.levelKeys[depth]),
    indicators: node.indicators.map((ind, i) => indicatorFromPlan(ind, i, node, ctx)),
    children: node.children.map((c) => nodeFromPlan(c, ctx, depth === undefined ? undefined : depth + 1)),
    achievementTarget: node.achievementTarget === undefined ? undefined : targetFromPlan(node.achievementTarget),
    override: node.override === undefined ? undefined : overrideFromPlan(node.override),
    systemObjective: node.systemObjective,
  };
}

function overrideFromPlan(o: NonNullable<PlanNode['override']>): Override {
  return { score: o.score, reason: o.reason, by: o.by, date: o.date };
}

function targetFromPlan(t: PlanTarget): Target {
  return {
    operator: t.operator,
    value: t.value,
    relativeToBaseline: t.relativeToBaseline,
    threshold80: t.threshold80,
    threshold60: t.threshold60,
    label: t.label,
    revised: t.revised === undefined ? undefined : { ...t.revised },
  };
}

/**
 * An indicator of the plan for the scored year and period. Its code defaults to the node's code (with
 * "#2", "#3"… for further indicators). A formula is evaluated when the measurement gives inputs, or when it
 * has no entered value and the chamber's variables are known for the period; otherwise the entered value
 * (as transcribed from the report) is scored, so a formula kept only as documentation does not turn a
 * published value into a missing input.
 */
function indicatorFromPlan(ind: PlanIndicator, index: number, node: PlanNode, ctx: Ctx): IndicatorInput {
  const measurement = ind.measurements.find((m) => m.period === ctx.period);
  const target = ind.targets.find((t) => t.year === ctx.year);
  let inputs: Record<string, number> | undefined;
  if (ind.formula !== undefined) {
    const entered = measurement?.value !== undefined && measurement.value !== null;
    if (measurement?.inputs !== undefined) inputs = { ...ctx.variables, ...measurement.inputs };
    else if (!entered && ctx.hasVariables) inputs = ctx.variables;
  }
  const scoring = ind.scoring;
  const tolerance = scoring?.tolerance;
  return {
    code: ind.code ?? (index === 0 ? node.code : `${node.code}#${index + 1}`),
    weight: ind.weight,
    direction: ind.direction,
    valueType: ind.valueType,
    method: scoring?.method,
    bands: scoring?.bands?.map((b) => ({ minPercentOfTarget: b.minPercentOfTarget, score: b.score })),
    tolerance: tolerance === undefined ? undefined : { absolute: tolerance.absolute, relative: tolerance.relative, reason: tolerance.reason },
    baseline: ind.baseline?.value,
    target: target === undefined ? undefined : targetFromPlan(target),
    value: measurement === undefined ? undefined : measurement.value,
    formula: ind.formula,
    inputs,
    rollup: ind.rollup,
    override: ind.override === undefined ? undefined : overrideFromPlan(ind.override),
    systemObjective: ind.systemObjective,
  };
}
