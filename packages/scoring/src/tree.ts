import { scoreAchievement } from './achievement.js';
import { aggregate, aggregateTerms, weightSumWarning, type MeanInput } from './aggregate.js';
import { scoreIndicator } from './indicator.js';
import { applyOverride } from './override.js';
import { rate } from './rating.js';
import { report } from './report.js';
import { resolveTarget } from './target.js';
import type {
  Aggregation,
  EntityResult,
  IndicatorResult,
  MeanExplanation,
  MeanTerm,
  NodeExplanation,
  NodeInput,
  NodeResult,
  NotComputableExplanation,
  ScoredTree,
  ScoringConfig,
  ScoringInput,
  SystemObjectivesResult,
  Warning,
} from './types.js';

type Context = { config: ScoringConfig; warnings: Warning[] };

// Every leaf shares one frozen empty children array: 180,000 nodes in the benchmark, most of them leaves.
const LEAF: readonly NodeResult[] = Object.freeze([]);

/**
 * Scores a whole tree: every indicator, every node's measured result (weighted mean of its indicators'
 * scores if it has any, otherwise of its children's results, plain mean on simple-mean levels),
 * overrides, achievements against a node's own target with their rating, the entity figures over
 * config.entityLevel and the mean of the system objectives.
 */
export function scoreTree(input: ScoringInput): ScoredTree {
  const ctx: Context = { config: input.config, warnings: [] };
  const nodes = input.tree.map((n) => scoreNode(n, ctx));
  const entity = input.config.entityLevel === undefined ? null : scoreEntity(nodes, input.config.entityLevel, input.config);
  const systemObjectives = scoreSystemObjectives(nodes, input.config);
  return { nodes, entity, systemObjectives, warnings: ctx.warnings };
}

/** The figure a parent aggregates: the child's unrounded value, or its reported one when config.rollupFrom is 'rounded'. */
function basis(exact: number | null, reported: number | null, config: ScoringConfig): number | null {
  return config.rollupFrom === 'rounded' ? reported : exact;
}

function aggregationOf(node: NodeInput, ctx: Context): Aggregation {
  if (node.level === undefined) return 'weighted-mean';
  const level = ctx.config.levels[node.level];
  if (level === undefined) {
    ctx.warnings.push({ kind: 'unknown-level', code: node.code, level: node.level });
    return 'weighted-mean';
  }
  return level.aggregation;
}

/** Scores one node and its subtree. */
function scoreNode(node: NodeInput, ctx: Context): NodeResult {
  const config = ctx.config;
  const children = node.children.length === 0 ? LEAF : node.children.map((c) => scoreNode(c, ctx));
  const aggregation = aggregationOf(node, ctx);

  // The children's mean is the node's result when it has no indicators, or the value of a roll-up indicator.
  let childrenMean: MeanExplanation | NotComputableExplanation | undefined;
  if (children.length > 0 && (node.indicators.length === 0 || node.indicators.some((i) => i.rollup === 'children'))) {
    const terms = new Array<MeanTerm>(children.length);
    for (let i = 0; i < children.length; i++) {
      const c = children[i] as NodeResult;
      terms[i] = { code: c.code, weight: c.weight, score: basis(c.exactResult, c.result, config), contribution: null };
    }
    childrenMean = aggregateTerms(terms, aggregation, config.missingPolicy, 'children');
  }

  const indicators: IndicatorResult[] = new Array<IndicatorResult>(node.indicators.length);
  for (let i = 0; i < node.indicators.length; i++) {
    indicators[i] = scoreIndicator(node.indicators[i] as NodeInput['indicators'][number], config, childrenMean);
  }

  let computed: NodeExplanation;
  if (indicators.length > 0) {
    const terms = new Array<MeanTerm>(indicators.length);
    for (let i = 0; i < indicators.length; i++) {
      const r = indicators[i] as IndicatorResult;
      terms[i] = { code: r.code, weight: r.weight, score: basis(r.exactScore, r.score, config), contribution: null };
    }
    computed = aggregateTerms(terms, aggregation, config.missingPolicy, 'indicators');
  } else {
    computed = childrenMean ?? { rule: 'not-computable', reason: 'no-children', detail: {} };
  }
  // Weights are checked whatever the values: a plan without measurements still gets its warnings.
  if (aggregation === 'weighted-mean') {
    let declaredSum = 0;
    if (indicators.length > 0) for (const r of indicators) declaredSum += r.weight;
    else for (const c of children) declaredSum += c.weight;
    const warning = (indicators.length > 0 || children.length > 0) && weightSumWarning(declaredSum);
    if (warning) ctx.warnings.push({ kind: 'weights-do-not-sum-to-100', code: node.code, declaredSum: warning.declaredSum });
  }

  let explanation: NodeExplanation = computed;
  let exact = computed.rule === 'not-computable' ? null : computed.score;
  if (node.override !== undefined) {
    explanation = applyOverride(exact, computed, node.override, node.code);
    exact = explanation.score;
  }
  const result = report(exact, config);
  const out: NodeResult = {
    code: node.code,
    level: node.level,
    weight: node.weight,
    result,
    exactResult: exact,
    overridden: node.override !== undefined,
    explanation,
    systemObjective: node.systemObjective,
    indicators,
    children,
  };

  if (node.achievementTarget !== undefined) {
    const target = resolveTarget(node.achievementTarget, undefined);
    const value = basis(exact, result, config);
    let achievement: NodeResult['achievementExplanation'];
    if ('rule' in target) achievement = target;
    else if (value === null) achievement = { rule: 'not-computable', reason: 'missing-value', detail: { value: null } };
    else achievement = scoreAchievement(value, target, config.achievementMethod);
    const exactAchievement = achievement.rule === 'not-computable' ? null : achievement.achievement;
    out.achievementExplanation = achievement;
    out.exactAchievement = exactAchievement;
    out.achievement = report(exactAchievement, config);
    const rated = basis(exactAchievement, out.achievement, config);
    out.rating = rated === null ? null : (rate(rated, config.ratingBands)?.label ?? null);
  }
  return out;
}

function collectLevel(nodes: readonly NodeResult[], level: string, into: NodeResult[]): NodeResult[] {
  for (const n of nodes) {
    if (n.level === level) into.push(n);
    else collectLevel(n.children, level, into);
  }
  return into;
}

/**
 * Entity figures over the nodes of the entity level (strategic objectives): the performance is the simple
 * mean of their achievements (a node without its own target has no achievement and counts as missing),
 * reported beside the simple mean of their measured results. Sondrio 2024: 100 and 97.91.
 */
export function scoreEntity(nodes: readonly NodeResult[], level: string, config: ScoringConfig): EntityResult {
  const members = collectLevel(nodes, level, []);
  const results: MeanInput[] = members.map((n) => ({ code: n.code, weight: 1, score: basis(n.exactResult, n.result, config) }));
  const achievements: MeanInput[] = members.map((n) => ({
    code: n.code,
    weight: 1,
    score: basis(n.exactAchievement ?? null, n.achievement ?? null, config),
  }));
  const resultsExplanation = aggregate(results, 'simple-mean', config.missingPolicy, 'children');
  const performanceExplanation = aggregate(achievements, 'simple-mean', config.missingPolicy, 'children');
  const exactMeanOfResults = resultsExplanation.rule === 'not-computable' ? null : resultsExplanation.score;
  const exactPerformance = performanceExplanation.rule === 'not-computable' ? null : performanceExplanation.score;
  const performance = report(exactPerformance, config);
  const rated = basis(exactPerformance, performance, config);
  return {
    level,
    codes: members.map((n) => n.code),
    meanOfResults: report(exactMeanOfResults, config),
    exactMeanOfResults,
    performance,
    exactPerformance,
    rating: rated === null ? null : (rate(rated, config.ratingBands)?.label ?? null),
    resultsExplanation,
    performanceExplanation,
  };
}

function collectSystemObjectives(nodes: readonly NodeResult[], into: MeanInput[], config: ScoringConfig): MeanInput[] {
  for (const n of nodes) {
    if (n.systemObjective !== undefined) {
      into.push({ code: n.code, weight: 1, score: basis(n.exactResult, n.result, config) });
      continue;
    }
    // Indicators adopt system objectives inside nodes that do not themselves (an action's KPI).
    for (const ind of n.indicators) {
      if (ind.systemObjective !== undefined) into.push({ code: ind.code, weight: 1, score: basis(ind.exactScore, ind.score, config) });
    }
    collectSystemObjectives(n.children, into, config);
  }
  return into;
}

/**
 * Mean of the scores of the nodes (or, inside nodes that adopt none, the indicators) linked to a Unioncamere
 * system objective: Sondrio 2024, (23 × 100 + 60 + 80) / 25 = 97.6. null when the tree adopts none.
 */
export function scoreSystemObjectives(nodes: readonly NodeResult[], config: ScoringConfig): SystemObjectivesResult | null {
  const inputs = collectSystemObjectives(nodes, [], config);
  if (inputs.length === 0) return null;
  const explanation = aggregate(inputs, 'simple-mean', config.missingPolicy, 'children');
  const exactMean = explanation.rule === 'not-computable' ? null : explanation.score;
  return { count: inputs.length, mean: report(exactMean, config), exactMean, explanation };
}
