import { ConflictError, NotFoundError, staleVersion } from '../errors.js';
import { authorizeInChamber } from '../domain/guards.js';
import { deletionBlockers, draftCycleForDeletion, lockIndicators, lockSubtree, refuseIfBlocked } from '../domain/deletion.js';
import { weightIssues, type WeightIssue } from '../domain/weights.js';
import type { TenantScope } from '../tenant.js';

/** What deleteNode removed, and what the removal left to fix. */
export type DeletedNode = {
  id: string;
  cycleId: string;
  parentId: string | null;
  /** The node and every node under it. */
  nodeIds: string[];
  /** Their indicators. */
  indicatorIds: string[];
  /** Those indicators' targets (original and revised). */
  targetIds: string[];
  /** The parent's children whose weights no longer sum to 100 (empty for a root, or when they still do). */
  weightIssues: WeightIssue[];
};

/**
 * Removes a node of a draft plan with its whole subtree: the nodes under it, their indicators and targets,
 * and their responsible units and assigned people. Refused (nothing removed) outside a draft, on a stale
 * version, when a value or a score override is recorded under it, or when an objective of a later cycle
 * continues one of the nodes (previousNode): that link is the later plan's record of where it comes from,
 * so it is not silently cut; the later objective goes first. The later siblings move up one place.
 */
export async function deleteNode(
  options: TenantScope & { nodeId: string; version: number; expected?: { nodes?: number | null; indicators?: number | null } },
): Promise<DeletedNode> {
  const { tx, chamberId, nodeId, version } = options;
  authorizeInChamber(options, 'node.delete');
  const rows = await tx.$queryRaw<{ cycle_id: string; parent_id: string | null; code: string; position: number; version: number }[]>`
    SELECT cycle_id::text AS cycle_id, parent_id::text AS parent_id, code, position, version
      FROM plan_node WHERE chamber_id = ${chamberId}::uuid AND id = ${nodeId}::uuid FOR UPDATE`;
  const node = rows[0];
  if (!node) throw new NotFoundError('PlanNode', nodeId);
  await draftCycleForDeletion(tx, chamberId, node.cycle_id, 'nodes');
  if (node.version !== version) throw staleVersion('PlanNode', nodeId, version);

  const nodeIds = await lockSubtree(tx, chamberId, nodeId);
  const indicatorIds = await lockIndicators(tx, chamberId, nodeIds);
  // The node's own version does not move when someone adds a child or an indicator under it: the caller says
  // what it confirmed deleting, and a subtree that has changed since is a CONFLICT, not a bigger deletion.
  const below = { nodes: nodeIds.length - 1, indicators: indicatorIds.length };
  const expected = options.expected;
  if (
    (expected?.nodes !== undefined && expected.nodes !== null && expected.nodes !== below.nodes) ||
    (expected?.indicators !== undefined && expected.indicators !== null && expected.indicators !== below.indicators)
  ) {
    throw new ConflictError(
      `node ${node.code} now holds ${below.nodes} nodes and ${below.indicators} indicators under it, not the ${expected.nodes ?? '?'} and ${expected.indicators ?? '?'} you confirmed; nothing was deleted`,
      { entity: 'PlanNode', id: nodeId, nodes: below.nodes, indicators: below.indicators },
    );
  }
  refuseIfBlocked(`node ${node.code}`, await deletionBlockers(tx, chamberId, nodeIds, indicatorIds));
  const targets = indicatorIds.length ? await tx.target.findMany({ where: { chamberId, indicatorId: { in: indicatorIds } }, select: { id: true }, orderBy: { id: 'asc' } }) : [];

  // The database cascades the rest (see domain/deletion.ts); the version was checked under the row lock.
  const removed = await tx.planNode.deleteMany({ where: { chamberId, id: nodeId, version } });
  if (removed.count !== 1) throw staleVersion('PlanNode', nodeId, version);
  await tx.planNode.updateMany({
    where: { chamberId, cycleId: node.cycle_id, parentId: node.parent_id, position: { gt: node.position } },
    data: { position: { decrement: 1 } },
  });
  const issues = node.parent_id === null ? [] : (await weightIssues(tx, chamberId, node.cycle_id)).filter((i) => i.parentId === node.parent_id && i.of === 'children');
  return { id: nodeId, cycleId: node.cycle_id, parentId: node.parent_id, nodeIds, indicatorIds, targetIds: targets.map((t) => t.id), weightIssues: issues };
}
