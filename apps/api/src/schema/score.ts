// Scores and their explanations (the engine's structured explanations, as JSON): a cycle's scorecard,
// and the score of each node and indicator, computed once per request and period by @albero/scoring.
import { builder, type Context } from '../builder.js';
import { tenant } from '../tenant.js';
import { scoreCycle, type CycleScores, type ScoredIndicator, type ScoredNode } from '../use-cases/score-cycle.js';

/** A cycle's scores for a period, computed at most once per request. */
export function scoresOf(ctx: Context, cycleId: string, periodId: string | null | undefined): Promise<CycleScores> {
  const key = `scores:${cycleId}:${periodId ?? 'last'}`;
  let scores = ctx.memo.get(key) as Promise<CycleScores> | undefined;
  if (!scores) {
    scores = scoreCycle({ ...tenant(ctx), cycleId, periodId });
    ctx.memo.set(key, scores);
  }
  return scores;
}

export const IndicatorScore = builder.objectRef<ScoredIndicator>('IndicatorScore').implement({
  description: 'An indicator\'s score for a period, with the rule that produced it.',
  fields: (t) => ({
    indicatorId: t.exposeID('indicatorId'),
    nodeId: t.exposeID('nodeId'),
    code: t.string({ resolve: (s) => s.result.code }),
    weight: t.float({ resolve: (s) => s.result.weight }),
    value: t.field({ type: 'JSON', nullable: true, description: 'The value scored (entered, computed by formula or rolled up): number, date or boolean.', resolve: (s) => s.result.value }),
    score: t.float({ nullable: true, resolve: (s) => s.result.score }),
    overridden: t.boolean({ resolve: (s) => s.result.overridden }),
    explanation: t.field({ type: 'JSON', description: 'Why this score: rule, target used, thresholds, tolerance, override.', resolve: (s) => s.result.explanation }),
  }),
});

export const NodeScore = builder.objectRef<ScoredNode>('NodeScore').implement({
  description: 'A node\'s measured result and, where it has its own target, its achievement and rating.',
  fields: (t) => ({
    nodeId: t.exposeID('nodeId'),
    parentId: t.exposeID('parentId', { nullable: true }),
    code: t.string({ resolve: (s) => s.result.code }),
    level: t.string({ nullable: true, resolve: (s) => s.result.level ?? null }),
    weight: t.float({ resolve: (s) => s.result.weight }),
    result: t.float({ nullable: true, description: 'The measured result (risultato misurato), rounded by the SMVP.', resolve: (s) => s.result.result }),
    achievement: t.float({ nullable: true, resolve: (s) => s.result.achievement ?? null }),
    rating: t.string({ nullable: true, resolve: (s) => s.result.rating ?? null }),
    overridden: t.boolean({ resolve: (s) => s.result.overridden }),
    explanation: t.field({ type: 'JSON', resolve: (s) => s.result.explanation }),
    achievementExplanation: t.field({ type: 'JSON', nullable: true, resolve: (s) => s.result.achievementExplanation ?? null }),
    indicators: t.field({ type: [IndicatorScore], resolve: (s) => s.indicators }),
  }),
});

export const Scorecard = builder.objectRef<CycleScores>('Scorecard').implement({
  description: 'The scores of a whole cycle for a monitoring period (approved values only).',
  fields: (t) => ({
    cycleId: t.exposeID('cycleId'),
    periodId: t.id({ nullable: true, resolve: (s) => s.period?.id ?? null }),
    periodDate: t.field({ type: 'Date', nullable: true, resolve: (s) => s.period?.date ?? null }),
    entity: t.field({ type: 'JSON', nullable: true, description: 'Entity performance and mean of results over the SMVP\'s entity level.', resolve: (s) => s.tree.entity }),
    systemObjectives: t.field({ type: 'JSON', nullable: true, resolve: (s) => s.tree.systemObjectives }),
    warnings: t.field({ type: 'JSON', resolve: (s) => s.tree.warnings }),
    nodes: t.field({ type: [NodeScore], description: 'Every node, depth first.', resolve: (s) => s.nodes }),
    indicators: t.field({ type: [IndicatorScore], resolve: (s) => [...s.byIndicator.values()] }),
  }),
});
