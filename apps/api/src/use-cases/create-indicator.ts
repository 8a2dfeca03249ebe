import type { Prisma } from '@albero/db';
import { compileFormula } from '@albero/scoring';
import { BadInputError, NotFoundError } from '../errors.js';
import { assertCycleDraft, authorizeOnNode, findCycle, requiredText } from '../domain/guards.js';
import { assertWeights } from '../domain/weights.js';
import type { IndicatorFields } from '../domain/indicator-fields.js';
import { indicatorData } from '../domain/indicator-fields.js';
import type { TenantScope } from '../tenant.js';

/** Adds an indicator to a node of a draft cycle. */
export async function createIndicator(options: TenantScope & { nodeId: string; name: string; validateWeights?: boolean | null | undefined } & IndicatorFields): Promise<{ id: string }> {
  const { tx, chamberId, nodeId } = options;
  const node = await tx.planNode.findUnique({ where: { chamberId_id: { chamberId, id: nodeId } }, select: { cycleId: true } });
  if (!node) throw new NotFoundError('PlanNode', nodeId);
  await authorizeOnNode(options, 'indicator.create', nodeId);
  assertCycleDraft(await findCycle(options, node.cycleId), 'indicators are added');
  if (options.formula) {
    const compiled = compileFormula(options.formula);
    if (!compiled.ok) throw new BadInputError(`invalid formula: ${compiled.message}`, { field: 'formula' });
  }
  const position = await tx.indicator.count({ where: { chamberId, nodeId } });
  const indicator = await tx.indicator.create({
    data: { chamberId, cycleId: node.cycleId, nodeId, position, name: requiredText(options.name, 'name'), ...(indicatorData(options) as Omit<Prisma.IndicatorUncheckedCreateInput, 'chamberId' | 'cycleId' | 'nodeId' | 'name' | 'position'>) },
    select: { id: true },
  });
  if (options.validateWeights) await assertWeights(tx, chamberId, nodeId, 'indicators');
  return indicator;
}
