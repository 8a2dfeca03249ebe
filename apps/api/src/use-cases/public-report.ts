import { setScope, withUnitOfWork, type Database } from '@albero/db';
import type { IndicatorExplanation, NodeExplanation, AchievementExplanation, Value } from '@albero/scoring';
import { NotFoundError } from '../errors.js';
import { scoreCycle } from './score-cycle.js';
import { inOrder } from '../domain/in-order.js';

export type PublicIndicator = {
  code: string | null;
  name: string;
  algorithm: string | null;
  unit: string | null;
  direction: string;
  target: string | null;
  value: Value | null;
  score: number | null;
  explanation: IndicatorExplanation | null;
};

export type PublicNode = {
  code: string;
  parentCode: string | null;
  level: string;
  title: string;
  description: string | null;
  weight: number;
  result: number | null;
  achievement: number | null;
  rating: string | null;
  overridden: boolean;
  explanation: NodeExplanation | null;
  achievementExplanation: AchievementExplanation | null;
  indicators: PublicIndicator[];
};

export type PublicReport = {
  chamber: { code: string; name: string; region: string | null };
  year: number;
  horizonStart: number;
  horizonEnd: number;
  resolutionNumber: string | null;
  resolutionDate: Date | null;
  publishedAt: Date | null;
  periodDate: Date | null;
  levels: { key: string; name: string; kind: string }[];
  entity: unknown;
  nodes: PublicNode[];
};

const OPERATOR: Record<string, string> = { gte: '>=', gt: '>', lte: '<=', lt: '<', eq: '=' };

/**
 * The published report of a chamber's cycle, for anyone (Amministrazione trasparente). It runs in its own
 * unit of work, scoped to the chamber named in the request and acting as the public, and answers only
 * for a cycle in state `published` (anything else: NOT_FOUND, whether it exists or not). Only the public
 * projection leaves this function: no people, no workflow, no audit.
 */
export async function publicReport(options: { db: Pick<Database, 'prisma'>; chamberCode: string; year: number }): Promise<PublicReport> {
  return withUnitOfWork(options.db, { chamberId: null, actor: { kind: 'public', subject: null } }, async (tx) => {
    const chamber = await tx.chamber.findFirst({ where: { code: { equals: options.chamberCode.trim(), mode: 'insensitive' } } });
    if (!chamber) throw new NotFoundError('PublicReport', `${options.chamberCode}/${options.year}`);
    await setScope(tx, { chamberId: chamber.id, actor: { kind: 'public', subject: null } });
    const cycle = await tx.cycle.findUnique({
      where: { chamberId_year: { chamberId: chamber.id, year: options.year } },
      include: { levels: { orderBy: { position: 'asc' } }, reports: { where: { kind: 'relazione' }, select: { publishedAt: true } } },
    });
    if (!cycle || cycle.state !== 'published') throw new NotFoundError('PublicReport', `${options.chamberCode}/${options.year}`);
    const [scores, nodes, indicators, targets] = await inOrder(
      () => scoreCycle({ tx, chamberId: chamber.id, cycleId: cycle.id }),
      () => tx.planNode.findMany({ where: { chamberId: chamber.id, cycleId: cycle.id }, select: { id: true, code: true, title: true, description: true, levelKey: true, weight: true } }),
      () => tx.indicator.findMany({ where: { chamberId: chamber.id, cycleId: cycle.id }, select: { id: true, code: true, name: true, algorithm: true, unit: true, direction: true } }),
      () => tx.target.findMany({ where: { chamberId: chamber.id, year: cycle.year, revisionId: null, indicator: { cycleId: cycle.id } }, select: { indicatorId: true, operator: true, label: true, valueNumber: true, valueDate: true, valueBoolean: true } }),
    );
    const nodeById = new Map(nodes.map((n) => [n.id, n] as const));
    const indicatorById = new Map(indicators.map((i) => [i.id, i] as const));
    const targetLabel = new Map(
      targets.map((t) => {
        const value = t.valueNumber?.toString() ?? t.valueDate?.toISOString().slice(0, 10) ?? (t.valueBoolean === null ? '' : t.valueBoolean ? 'SI' : 'NO');
        return [t.indicatorId, t.label ?? `${OPERATOR[t.operator]} ${value}`] as const;
      }),
    );
    return {
      chamber: { code: chamber.code, name: chamber.name, region: chamber.region },
      year: cycle.year,
      horizonStart: cycle.horizonStart,
      horizonEnd: cycle.horizonEnd,
      resolutionNumber: cycle.resolutionNumber,
      resolutionDate: cycle.resolutionDate,
      publishedAt: cycle.reports[0]?.publishedAt ?? null,
      periodDate: scores.period?.date ?? null,
      levels: cycle.levels.map((l) => ({ key: l.key, name: l.name, kind: l.kind })),
      entity: scores.tree.entity,
      nodes: scores.nodes.map((s) => {
        const node = nodeById.get(s.nodeId)!;
        return {
          code: node.code,
          parentCode: s.parentId ? (nodeById.get(s.parentId)?.code ?? null) : null,
          level: node.levelKey,
          title: node.title,
          description: node.description,
          weight: node.weight.toNumber(),
          result: s.result.result,
          achievement: s.result.achievement ?? null,
          rating: s.result.rating ?? null,
          overridden: s.result.overridden,
          explanation: s.result.explanation,
          achievementExplanation: s.result.achievementExplanation ?? null,
          indicators: s.indicators.map((i) => {
            const indicator = indicatorById.get(i.indicatorId)!;
            return {
              code: indicator.code,
              name: indicator.name,
              algorithm: indicator.algorithm,
              unit: indicator.unit,
              direction: indicator.direction,
              target: targetLabel.get(i.indicatorId) ?? null,
              value: i.result.value,
              score: i.result.score,
              explanation: i.result.explanation,
            };
          }),
        };
      }),
    };
  });
}
