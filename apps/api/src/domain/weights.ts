// Weights: the children of a node averaged by weight (its level aggregates with `weighted_mean`) share
// 100 %, and so do the indicators of a node, within the scoring engine's tolerance (WEIGHT_SUM_TOLERANCE
// of @albero/scoring, the one place that defines it). Roots and simple-mean levels carry no weights.
import { WEIGHT_SUM_TOLERANCE } from '@albero/scoring';
import type { Tx } from '@albero/db';
import { BadInputError } from '../errors.js';
import { inOrder } from './in-order.js';

export type WeightIssue = { parentId: string; of: 'children' | 'indicators'; sum: number; codes: string[] };

const rounded = (n: number) => Math.round(n * 10_000) / 10_000;
const off = (sum: number) => Math.abs(sum - 100) > WEIGHT_SUM_TOLERANCE;

/** The groups of a cycle whose weights do not sum to 100 ± the tolerance. */
export async function weightIssues(tx: Tx, chamberId: string, cycleId: string): Promise<WeightIssue[]> {
  const [nodes, indicators] = await inOrder(
    () =>
      tx.planNode.findMany({
        where: { chamberId, cycleId },
        select: { id: true, parentId: true, code: true, weight: true, level: { select: { aggregation: true } } },
        orderBy: [{ position: 'asc' }],
      }),
    () => tx.indicator.findMany({ where: { chamberId, cycleId }, select: { nodeId: true, code: true, name: true, weight: true }, orderBy: [{ position: 'asc' }] }),
  );
  const weighted = new Map(nodes.map((n) => [n.id, n.level.aggregation === 'weighted_mean'] as const));
  const groups = new Map<string, WeightIssue>();
  const add = (parentId: string, of: WeightIssue['of'], code: string, weight: number) => {
    const key = `${of}:${parentId}`;
    const group = groups.get(key) ?? { parentId, of, sum: 0, codes: [] };
    group.sum += weight;
    group.codes.push(code);
    groups.set(key, group);
  };
  for (const n of nodes) if (n.parentId !== null && weighted.get(n.parentId)) add(n.parentId, 'children', n.code, n.weight.toNumber());
  for (const i of indicators) if (weighted.get(i.nodeId)) add(i.nodeId, 'indicators', i.code ?? i.name, i.weight.toNumber());
  return [...groups.values()].filter((g) => off(g.sum)).map((g) => ({ ...g, sum: rounded(g.sum) }));
}

/** Throws BAD_USER_INPUT when the children (or the indicators) of a weighted node do not share 100 %. */
export async function assertWeights(tx: Tx, chamberId: string, parentId: string | null, of: WeightIssue['of']): Promise<void> {
  if (parentId === null) return;
  const parent = await tx.planNode.findUnique({ where: { chamberId_id: { chamberId, id: parentId } }, select: { level: { select: { aggregation: true } } } });
  if (parent?.level.aggregation !== 'weighted_mean') return;
  const rows =
    of === 'children'
      ? await tx.planNode.findMany({ where: { chamberId, parentId }, select: { weight: true } })
      : await tx.indicator.findMany({ where: { chamberId, nodeId: parentId }, select: { weight: true } });
  const sum = rows.reduce((s, r) => s + r.weight.toNumber(), 0);
  if (rows.length > 0 && off(sum)) {
    throw new BadInputError(`the weights of the ${of} of this node sum to ${rounded(sum)}, not 100 (± ${WEIGHT_SUM_TOLERANCE})`, {
      parentId,
      of,
      sum: rounded(sum),
    });
  }
}
