import { BadInputError, NotFoundError } from '../errors.js';
import { assertCycleDraft, assertUpdated, authorizeInChamber, findCycle } from '../domain/guards.js';
import { assertWeights } from '../domain/weights.js';
import type { TenantScope } from '../tenant.js';

/**
 * Sets the weights of all the children of a node at once (33.33 / 33.33 / 33.34 cannot be reached one
 * node at a time with validation on); by default they must then share 100 ± 0.01.
 */
export async function setNodeWeights(
  options: TenantScope & { parentId: string; weights: { id: string; version: number; weight: number }[]; validate?: boolean | null | undefined },
): Promise<void> {
  const { tx, chamberId, parentId } = options;
  authorizeInChamber(options, 'tree.restructure');
  const parent = await tx.planNode.findUnique({ where: { chamberId_id: { chamberId, id: parentId } }, select: { cycleId: true } });
  if (!parent) throw new NotFoundError('PlanNode', parentId);
  assertCycleDraft(await findCycle(options, parent.cycleId), 'weights change');
  const children = await tx.planNode.findMany({ where: { chamberId, parentId }, select: { id: true } });
  const given = new Set(options.weights.map((w) => w.id));
  if (given.size !== options.weights.length || children.length !== given.size || children.some((c) => !given.has(c.id))) {
    throw new BadInputError('give the weight of every child exactly once', { field: 'weights', children: children.length });
  }
  for (const { id, version, weight } of options.weights) {
    if (!(weight >= 0 && weight <= 100)) throw new BadInputError('a weight is between 0 and 100', { field: 'weights', id });
    assertUpdated(await tx.planNode.updateMany({ where: { chamberId, id, version }, data: { weight } }), 'PlanNode', id, version);
  }
  if (options.validate ?? true) await assertWeights(tx, chamberId, parentId, 'children');
}
