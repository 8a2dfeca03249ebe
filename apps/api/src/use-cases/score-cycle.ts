// Scores a cycle from the database with @albero/scoring: a fixed number of queries whatever the size of
// the tree (cycle, nodes, indicators, targets, measurements, overrides, variable values), then the pure engine.
import { smvpSchema } from '@albero/plan-format';
import type { Prisma, Tx } from '@albero/db';
import {
  scoreTree,
  type IndicatorInput,
  type IndicatorResult,
  type NodeInput,
  type NodeResult,
  type Operator,
  type Override,
  type ScoredTree,
  type ScoringConfig,
  type Target,
  type Value,
} from '@albero/scoring';
import { NotFoundError } from '../errors.js';
import { inOrder } from '../domain/in-order.js';

const OPERATOR: Record<string, Operator> = { gte: '>=', gt: '>', lte: '<=', lt: '<', eq: '=' };

export type ScoredIndicator = { indicatorId: string; nodeId: string; result: IndicatorResult };
export type ScoredNode = { nodeId: string; parentId: string | null; result: NodeResult; indicators: ScoredIndicator[] };

/** A cycle's scores for one monitoring period, indexed by node and indicator id. */
export type CycleScores = {
  cycleId: string;
  period: { id: string; date: Date } | null;
  tree: ScoredTree;
  /** Nodes in tree order (depth first, siblings by position). */
  nodes: ScoredNode[];
  byNode: Map<string, ScoredNode>;
  byIndicator: Map<string, ScoredIndicator>;
};

type Typed = { valueNumber: Prisma.Decimal | null; valueDate: Date | null; valueBoolean: boolean | null };

const day = (d: Date) => d.toISOString().slice(0, 10);

function typedValue(number: Prisma.Decimal | null, date: Date | null, boolean: boolean | null): Value | undefined {
  if (number !== null) return number.toNumber();
  if (date !== null) return day(date);
  if (boolean !== null) return boolean;
  return undefined;
}

const valueOf = (row: Typed) => typedValue(row.valueNumber, row.valueDate, row.valueBoolean);

/** The engine configuration of a cycle: its SMVP (JSON, defaults filled in) and its levels. */
export function scoringConfig(smvpJson: unknown, levels: { key: string; kind: string; aggregation: string }[]): ScoringConfig {
  const smvp = smvpSchema.parse(smvpJson ?? {});
  return {
    defaultMethod: smvp.defaultMethod,
    stepBands: { threshold80: smvp.stepBands.threshold80, threshold60: smvp.stepBands.threshold60 },
    missingPolicy: smvp.missingPolicy,
    rounding: { decimals: smvp.rounding.decimals, mode: smvp.rounding.mode },
    rollupFrom: 'unrounded',
    achievementMethod: 'proportional',
    levels: Object.fromEntries(
      levels.map((l) => [l.key, { aggregation: l.aggregation === 'simple_mean' ? 'simple-mean' : 'weighted-mean', kind: l.kind }] as const),
    ),
    entityLevel: smvp.entityLevel,
    ratingBands: smvp.ratingBands.map((b) => ({ min: b.min, label: b.label })),
  };
}

/**
 * Scores a cycle for a monitoring period (default: its last one). Only approved measurements count:
 * a value still in the workflow is not yet the chamber's figure.
 */
export async function scoreCycle(options: { tx: Tx; chamberId: string; cycleId: string; periodId?: string | null | undefined }): Promise<CycleScores> {
  const { tx, chamberId, cycleId } = options;
  const cycle = await tx.cycle.findUnique({
    where: { chamberId_id: { chamberId, id: cycleId } },
    select: {
      id: true,
      year: true,
      smvp: true,
      levels: { select: { key: true, kind: true, aggregation: true } },
      periods: { select: { id: true, periodDate: true }, orderBy: { periodDate: 'asc' } },
    },
  });
  if (!cycle) throw new NotFoundError('Cycle', cycleId);
  const period = options.periodId ? cycle.periods.find((p) => p.id === options.periodId) : cycle.periods.at(-1);
  if (options.periodId && !period) throw new NotFoundError('MonitoringPeriod', options.periodId);

  const [nodes, indicators, targets, measurements, overrides, variableValues] = await inOrder(
    () =>
      tx.planNode.findMany({
        where: { chamberId, cycleId },
        select: {
          id: true,
          parentId: true,
          code: true,
          weight: true,
          levelKey: true,
          achievementOperator: true,
          achievementValue: true,
          systemObjective: { select: { code: true } },
        },
        orderBy: [{ position: 'asc' }, { code: 'asc' }],
      }),
    () =>
      tx.indicator.findMany({
        where: { chamberId, cycleId },
        select: {
          id: true,
          nodeId: true,
          code: true,
          weight: true,
          direction: true,
          valueType: true,
          scoringMethod: true,
          scoringBands: true,
          toleranceAbsolute: true,
          toleranceRelative: true,
          toleranceReason: true,
          formula: true,
          rollupChildren: true,
          baselineNumber: true,
          baselineDate: true,
          baselineBoolean: true,
          systemObjective: { select: { code: true } },
        },
        orderBy: [{ position: 'asc' }],
      }),
    () =>
      tx.target.findMany({
        where: { chamberId, year: cycle.year, indicator: { cycleId } },
        include: { revision: { select: { revisedOn: true, reason: true, createdAt: true } } },
      }),
    () =>
      period
        ? tx.measurement.findMany({
            where: { chamberId, periodId: period.id, status: 'approved', indicator: { cycleId } },
            select: { indicatorId: true, valueNumber: true, valueDate: true, valueBoolean: true, inputs: true },
          })
        : Promise.resolve([]),
    () => tx.scoreOverride.findMany({ where: { chamberId, cycleId, revokedAt: null }, orderBy: { setAt: 'asc' } }),
    () => period ? tx.variableValue.findMany({ where: { chamberId, period: period.periodDate }, select: { value: true, variable: { select: { key: true } } } }) : Promise.resolve([]),
  );

  const variables: Record<string, number> = {};
  for (const v of variableValues) variables[v.variable.key] = v.value.toNumber();
  const hasVariables = variableValues.length > 0;

  const targetsByIndicator = new Map<string, typeof targets>();
  for (const t of targets) targetsByIndicator.set(t.indicatorId, [...(targetsByIndicator.get(t.indicatorId) ?? []), t]);
  const measurementByIndicator = new Map(measurements.map((m) => [m.indicatorId, m] as const));
  // The latest active override of each node and indicator replaces the computed score.
  const overrideOf = new Map<string, Override>();
  for (const o of overrides) {
    const override: Override = { score: o.score.toNumber(), reason: o.reason, by: o.by === 'chamber_admin' ? 'chamber-admin' : 'oiv', date: day(o.setAt) };
    if (o.indicatorId) overrideOf.set(`i:${o.indicatorId}`, override);
    else if (o.nodeId) overrideOf.set(`n:${o.nodeId}`, override);
  }

  const targetOf = (indicatorId: string): Target | undefined => {
    const rows = targetsByIndicator.get(indicatorId) ?? [];
    const original = rows.find((t) => t.revisionId === null);
    if (!original) return undefined;
    const value = valueOf(original);
    if (value === undefined) return undefined;
    const target: Target = { operator: OPERATOR[original.operator]!, value };
    if (original.relativeToBaseline) target.relativeToBaseline = true;
    const t80 = typedValue(original.threshold80Number, original.threshold80Date, null);
    const t60 = typedValue(original.threshold60Number, original.threshold60Date, null);
    if (t80 !== undefined) target.threshold80 = t80;
    if (t60 !== undefined) target.threshold60 = t60;
    if (original.label !== null) target.label = original.label;
    const revised = rows
      .filter((t) => t.revision !== null)
      .sort((a, b) => a.revision!.revisedOn.getTime() - b.revision!.revisedOn.getTime() || a.revision!.createdAt.getTime() - b.revision!.createdAt.getTime())
      .at(-1);
    const revisedValue = revised && valueOf(revised);
    if (revised && revisedValue !== undefined) {
      target.revised = {
        value: revisedValue,
        threshold80: typedValue(revised.threshold80Number, revised.threshold80Date, null),
        threshold60: typedValue(revised.threshold60Number, revised.threshold60Date, null),
        date: day(revised.revision!.revisedOn),
        reason: revised.revision!.reason,
      };
    }
    return target;
  };

  const indicatorsByNode = new Map<string, typeof indicators>();
  for (const i of indicators) indicatorsByNode.set(i.nodeId, [...(indicatorsByNode.get(i.nodeId) ?? []), i]);
  const childrenOf = new Map<string | null, typeof nodes>();
  for (const n of nodes) childrenOf.set(n.parentId, [...(childrenOf.get(n.parentId) ?? []), n]);

  const toIndicator = (ind: (typeof indicators)[number], index: number, nodeCode: string): IndicatorInput => {
    const m = measurementByIndicator.get(ind.id);
    const entered = m === undefined ? undefined : (typedValue(m.valueNumber, m.valueDate, m.valueBoolean) ?? null);
    const input: IndicatorInput = {
      code: ind.code ?? (index === 0 ? nodeCode : `${nodeCode}#${index + 1}`),
      weight: ind.weight.toNumber(),
      direction: ind.direction === 'lower_is_better' ? 'lower-is-better' : 'higher-is-better',
      valueType: ind.valueType,
      value: entered,
    };
    if (ind.scoringMethod) input.method = ind.scoringMethod;
    if (Array.isArray(ind.scoringBands)) input.bands = ind.scoringBands as { minPercentOfTarget: number; score: number }[];
    if (ind.toleranceAbsolute !== null || ind.toleranceRelative !== null) {
      input.tolerance = { absolute: ind.toleranceAbsolute?.toNumber(), relative: ind.toleranceRelative?.toNumber(), reason: ind.toleranceReason ?? '' };
    }
    const baseline = typedValue(ind.baselineNumber, ind.baselineDate, ind.baselineBoolean);
    if (baseline !== undefined) input.baseline = baseline;
    const target = targetOf(ind.id);
    if (target) input.target = target;
    if (ind.rollupChildren) input.rollup = 'children';
    if (ind.formula) {
      input.formula = ind.formula;
      const inputs = m?.inputs !== null && typeof m?.inputs === 'object' && !Array.isArray(m.inputs) ? (m.inputs as Record<string, number>) : undefined;
      if (inputs) input.inputs = { ...variables, ...inputs };
      else if ((entered === undefined || entered === null) && hasVariables) input.inputs = variables;
    }
    const override = overrideOf.get(`i:${ind.id}`);
    if (override) input.override = override;
    if (ind.systemObjective) input.systemObjective = ind.systemObjective.code;
    return input;
  };

  const order: { id: string; parentId: string | null; indicatorIds: string[] }[] = [];
  const toNode = (n: (typeof nodes)[number]): NodeInput => {
    const own = indicatorsByNode.get(n.id) ?? [];
    order.push({ id: n.id, parentId: n.parentId, indicatorIds: own.map((i) => i.id) });
    const input: NodeInput = {
      code: n.code,
      weight: n.weight.toNumber(),
      level: n.levelKey,
      indicators: own.map((ind, i) => toIndicator(ind, i, n.code)),
      children: (childrenOf.get(n.id) ?? []).map(toNode),
    };
    if (n.achievementOperator && n.achievementValue !== null) input.achievementTarget = { operator: OPERATOR[n.achievementOperator]!, value: n.achievementValue.toNumber() };
    const override = overrideOf.get(`n:${n.id}`);
    if (override) input.override = override;
    if (n.systemObjective) input.systemObjective = n.systemObjective.code;
    return input;
  };
  const tree = scoreTree({ config: scoringConfig(cycle.smvp, cycle.levels), tree: (childrenOf.get(null) ?? []).map(toNode) });

  // The engine returns results in input order: walk both trees together to index them by id.
  const scored: ScoredNode[] = [];
  const byIndicator = new Map<string, ScoredIndicator>();
  let next = 0;
  const walk = (results: readonly NodeResult[]) => {
    for (const result of results) {
      const meta = order[next++]!;
      const indicators = meta.indicatorIds.map((indicatorId, i) => ({ indicatorId, nodeId: meta.id, result: result.indicators[i]! }));
      for (const indicator of indicators) byIndicator.set(indicator.indicatorId, indicator);
      scored.push({ nodeId: meta.id, parentId: meta.parentId, result, indicators });
      walk(result.children);
    }
  };
  walk(tree.nodes);
  return {
    cycleId,
    period: period ? { id: period.id, date: period.periodDate } : null,
    tree,
    nodes: scored,
    byNode: new Map(scored.map((s) => [s.nodeId, s])),
    byIndicator,
  };
}
