import { BadInputError, ConflictError, NotFoundError } from '../errors.js';
import { assertCycleDraft, assertCycleOpen, assertUpdated, assertVersion, authorizeOnNode, findCycle, requiredText } from '../domain/guards.js';
import { assertWeights } from '../domain/weights.js';
import type { TenantScope } from '../tenant.js';

/**
 * Edits a node: wording at any time before the cycle closes; code, weight and the node's own target
 * (achievement) while the plan is a draft. Managers edit the objectives of their units.
 */
export async function updateNode(
  options: TenantScope & {
    nodeId: string;
    version: number;
    code?: string | null | undefined;
    title?: string | null | undefined;
    description?: string | null | undefined;
    note?: string | null | undefined;
    weight?: number | null | undefined;
    achievementOperator?: 'gte' | 'gt' | 'lte' | 'lt' | 'eq' | null | undefined;
    achievementValue?: number | null | undefined;
    validateWeights?: boolean | null | undefined;
  },
): Promise<void> {
  const { tx, chamberId, nodeId, version } = options;
  const node = await tx.planNode.findUnique({ where: { chamberId_id: { chamberId, id: nodeId } } });
  if (!node) throw new NotFoundError('PlanNode', nodeId);
  await authorizeOnNode(options, 'node.edit', nodeId);
  const cycle = await findCycle(options, node.cycleId);
  assertCycleOpen(cycle);
  const structural = options.code != null || options.weight != null || options.achievementOperator !== undefined || options.achievementValue !== undefined;
  if (structural) assertCycleDraft(cycle, 'codes, weights and targets change');
  assertVersion('PlanNode', node, version);
  if (options.weight != null && !(options.weight >= 0 && options.weight <= 100)) throw new BadInputError('a weight is between 0 and 100', { field: 'weight' });
  if (options.code != null && options.code.trim() !== node.code) {
    const taken = await tx.planNode.findUnique({ where: { chamberId_cycleId_code: { chamberId, cycleId: node.cycleId, code: options.code.trim() } }, select: { id: true } });
    if (taken) throw new ConflictError(`the cycle has a node with code ${options.code.trim()}`, { field: 'code' });
  }
  const result = await tx.planNode.updateMany({
    where: { chamberId, id: nodeId, version },
    data: {
      title: options.title != null ? requiredText(options.title, 'title') : node.title,
      ...(options.code != null ? { code: requiredText(options.code, 'code', 1) } : {}),
      ...(options.description !== undefined ? { description: options.description?.trim() || null } : {}),
      ...(options.note !== undefined ? { note: options.note?.trim() || null } : {}),
      ...(options.weight != null ? { weight: options.weight } : {}),
      ...(options.achievementOperator !== undefined ? { achievementOperator: options.achievementOperator } : {}),
      ...(options.achievementValue !== undefined ? { achievementValue: options.achievementValue } : {}),
    },
  });
  assertUpdated(result, 'PlanNode', nodeId, version);
  if (options.validateWeights && options.weight != null) await assertWeights(tx, chamberId, node.parentId, 'children');
}
