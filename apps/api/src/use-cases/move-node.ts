import { BadInputError, NotFoundError } from '../errors.js';
import { assertCycleDraft, assertUpdated, assertVersion, authorizeInChamber, findCycle } from '../domain/guards.js';
import { assertWeights } from '../domain/weights.js';
import type { TenantScope } from '../tenant.js';

/** Moves a node (with its subtree) under another parent of the same draft cycle, at a position. */
export async function moveNode(
  options: TenantScope & { nodeId: string; version: number; parentId: string | null; position?: number | null | undefined; validateWeights?: boolean | null | undefined },
): Promise<void> {
  const { tx, chamberId, nodeId, version, parentId } = options;
  authorizeInChamber(options, 'tree.restructure');
  const node = await tx.planNode.findUnique({ where: { chamberId_id: { chamberId, id: nodeId } } });
  if (!node) throw new NotFoundError('PlanNode', nodeId);
  assertCycleDraft(await findCycle(options, node.cycleId), 'the tree is reshaped');
  assertVersion('PlanNode', node, version);
  for (let at: string | null = parentId; at !== null; ) {
    if (at === nodeId) throw new BadInputError('a node cannot move under itself or its own subtree', { field: 'parentId' });
    const row: { parentId: string | null; cycleId: string } | null = await tx.planNode.findUnique({ where: { chamberId_id: { chamberId, id: at } }, select: { parentId: true, cycleId: true } });
    if (!row || row.cycleId !== node.cycleId) throw new NotFoundError('PlanNode', at);
    at = row.parentId;
  }
  // Close the gap at the old place, then open one at the new place.
  await tx.planNode.updateMany({ where: { chamberId, cycleId: node.cycleId, parentId: node.parentId, position: { gt: node.position } }, data: { position: { decrement: 1 } } });
  const siblings = await tx.planNode.count({ where: { chamberId, cycleId: node.cycleId, parentId, id: { not: nodeId } } });
  const position = Math.max(0, Math.min(options.position ?? siblings, siblings));
  await tx.planNode.updateMany({ where: { chamberId, cycleId: node.cycleId, parentId, id: { not: nodeId }, position: { gte: position } }, data: { position: { increment: 1 } } });
  assertUpdated(await tx.planNode.updateMany({ where: { chamberId, id: nodeId, version }, data: { parentId, position } }), 'PlanNode', nodeId, version);
  if (options.validateWeights) {
    await assertWeights(tx, chamberId, node.parentId, 'children');
    await assertWeights(tx, chamberId, parentId, 'children');
  }
}
