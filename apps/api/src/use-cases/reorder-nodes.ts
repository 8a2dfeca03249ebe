import { BadInputError, NotFoundError } from '../errors.js';
import { assertCycleDraft, assertUpdated, authorizeInChamber, findCycle } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

/** Reorders all the children of a parent (or the roots of a cycle): every sibling, once, with the version read. */
export async function reorderNodes(options: TenantScope & { cycleId: string; parentId?: string | null | undefined; order: { id: string; version: number }[] }): Promise<void> {
  const { tx, chamberId, cycleId } = options;
  const parentId = options.parentId ?? null;
  authorizeInChamber(options, 'tree.restructure');
  assertCycleDraft(await findCycle(options, cycleId), 'the tree is reordered');
  if (parentId && !(await tx.planNode.findUnique({ where: { chamberId_id: { chamberId, id: parentId } }, select: { id: true } }))) throw new NotFoundError('PlanNode', parentId);
  const siblings = await tx.planNode.findMany({ where: { chamberId, cycleId, parentId }, select: { id: true } });
  const given = new Set(options.order.map((o) => o.id));
  if (given.size !== options.order.length || siblings.length !== given.size || siblings.some((s) => !given.has(s.id))) {
    throw new BadInputError('list every child of the parent exactly once', { field: 'order', children: siblings.length });
  }
  for (const [position, { id, version }] of options.order.entries()) {
    assertUpdated(await tx.planNode.updateMany({ where: { chamberId, id, version }, data: { position } }), 'PlanNode', id, version);
  }
}
