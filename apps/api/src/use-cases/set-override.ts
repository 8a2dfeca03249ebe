import { BadInputError, NotFoundError } from '../errors.js';
import { authorizeInChamber, findCycle, requiredText } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

/**
 * Sets a justified score on a node or an indicator (OIV opinion, or a chamber decision), replacing the
 * computed one in the scores while both stay visible; a previous active override of the same target is
 * revoked, not overwritten. The reason is mandatory.
 */
export async function setOverride(
  options: TenantScope & { nodeId?: string | null | undefined; indicatorId?: string | null | undefined; score: number; reason: string },
): Promise<{ id: string }> {
  const { tx, chamberId, actor } = options;
  authorizeInChamber(options, 'override.set');
  if (Boolean(options.nodeId) === Boolean(options.indicatorId)) throw new BadInputError('an override is set on a node or on an indicator', { field: 'nodeId' });
  if (!(options.score >= 0 && options.score <= 100)) throw new BadInputError('a score is between 0 and 100', { field: 'score' });
  const reason = requiredText(options.reason, 'reason', 5);
  const target = options.nodeId
    ? await tx.planNode.findUnique({ where: { chamberId_id: { chamberId, id: options.nodeId } }, select: { cycleId: true } })
    : await tx.indicator.findUnique({ where: { chamberId_id: { chamberId, id: options.indicatorId! } }, select: { cycleId: true } });
  if (!target) throw new NotFoundError(options.nodeId ? 'PlanNode' : 'Indicator', (options.nodeId ?? options.indicatorId)!);
  const cycle = await findCycle(options, target.cycleId);
  if (cycle.state === 'draft' || cycle.state === 'published') throw new BadInputError(`scores of a ${cycle.state} cycle are not overridden`, { state: cycle.state });
  const where = options.nodeId ? { nodeId: options.nodeId } : { indicatorId: options.indicatorId! };
  await tx.scoreOverride.updateMany({ where: { chamberId, ...where, revokedAt: null }, data: { revokedAt: new Date() } });
  return tx.scoreOverride.create({
    data: {
      chamberId,
      cycleId: target.cycleId,
      ...where,
      score: options.score,
      reason,
      by: actor.roles.includes('oiv') ? 'oiv' : 'chamber_admin',
      setBy: actor.subject,
    },
    select: { id: true },
  });
}
