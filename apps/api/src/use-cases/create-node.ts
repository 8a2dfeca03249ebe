import { BadInputError, ConflictError, NotFoundError } from '../errors.js';
import { assertCycleDraft, authorizeInChamber, authorizeOnNode, findCycle, requiredText } from '../domain/guards.js';
import { assertWeights } from '../domain/weights.js';
import type { TenantScope } from '../tenant.js';

/** Most nodes in one cycle: the tree is read whole (scorecard), so its size is bounded here. */
export const MAX_NODES_PER_CYCLE = 5_000;

/** Adds a node to a draft cycle's tree at any depth, at the end of its siblings unless a position is given. */
export async function createNode(
  options: TenantScope & {
    cycleId: string;
    parentId?: string | null | undefined;
    levelKey: string;
    code: string;
    title: string;
    description?: string | null | undefined;
    weight?: number | null | undefined;
    position?: number | null | undefined;
    perspectiveId?: string | null | undefined;
    validateWeights?: boolean | null | undefined;
  },
): Promise<{ id: string }> {
  const { tx, chamberId, cycleId } = options;
  const parentId = options.parentId ?? null;
  if (parentId) await authorizeOnNode(options, 'node.create', parentId);
  else authorizeInChamber(options, 'node.create');
  const cycle = await findCycle(options, cycleId);
  assertCycleDraft(cycle, 'the tree is built');
  if (parentId) {
    const parent = await tx.planNode.findUnique({ where: { chamberId_id: { chamberId, id: parentId } }, select: { cycleId: true } });
    if (!parent || parent.cycleId !== cycleId) throw new NotFoundError('PlanNode', parentId);
  }
  if (!(await tx.cycleLevel.findUnique({ where: { chamberId_cycleId_key: { chamberId, cycleId, key: options.levelKey } } }))) {
    throw new BadInputError(`the cycle has no level "${options.levelKey}"`, { field: 'levelKey' });
  }
  if (options.perspectiveId && !(await tx.perspective.findUnique({ where: { chamberId_id: { chamberId, id: options.perspectiveId } } }))) {
    throw new NotFoundError('Perspective', options.perspectiveId);
  }
  const code = requiredText(options.code, 'code', 1);
  if (await tx.planNode.findUnique({ where: { chamberId_cycleId_code: { chamberId, cycleId, code } }, select: { id: true } })) {
    throw new ConflictError(`the cycle has a node with code ${code}`, { field: 'code' });
  }
  if ((await tx.planNode.count({ where: { chamberId, cycleId } })) >= MAX_NODES_PER_CYCLE) {
    throw new BadInputError(`a cycle holds at most ${MAX_NODES_PER_CYCLE} nodes`);
  }
  const weight = options.weight ?? 100;
  if (!(weight >= 0 && weight <= 100)) throw new BadInputError('a weight is between 0 and 100', { field: 'weight' });
  const siblings = await tx.planNode.findMany({ where: { chamberId, cycleId, parentId }, orderBy: { position: 'asc' }, select: { id: true } });
  const position = Math.max(0, Math.min(options.position ?? siblings.length, siblings.length));
  // Make room: later siblings move one place down.
  await tx.planNode.updateMany({ where: { chamberId, cycleId, parentId, position: { gte: position } }, data: { position: { increment: 1 } } });
  const node = await tx.planNode.create({
    data: {
      chamberId,
      cycleId,
      parentId,
      levelKey: options.levelKey,
      code,
      title: requiredText(options.title, 'title'),
      description: options.description?.trim() || null,
      weight,
      position,
      perspectiveId: options.perspectiveId ?? null,
    },
    select: { id: true },
  });
  if (options.validateWeights) await assertWeights(tx, chamberId, parentId, 'children');
  return node;
}
