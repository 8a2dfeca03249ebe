import { ConflictError, NotFoundError } from '../errors.js';
import { assertCycleDraft, authorizeInChamber, findCycle } from '../domain/guards.js';
import { targetValues, type TargetValueInput } from '../domain/values.js';
import type { TenantScope } from '../tenant.js';

/** Sets an indicator's planned target for one year of the horizon, with its thresholds (draft plans only). */
export async function setTarget(
  options: TenantScope & { indicatorId: string; year: number; values: TargetValueInput; relativeToBaseline?: boolean | null | undefined; label?: string | null | undefined },
): Promise<{ id: string }> {
  const { tx, chamberId, indicatorId, year } = options;
  authorizeInChamber(options, 'target.manage');
  const indicator = await tx.indicator.findUnique({ where: { chamberId_id: { chamberId, id: indicatorId } }, select: { cycleId: true, valueType: true } });
  if (!indicator) throw new NotFoundError('Indicator', indicatorId);
  const cycle = await findCycle(options, indicator.cycleId);
  assertCycleDraft(cycle, 'targets are set');
  const existing = await tx.target.findFirst({ where: { chamberId, indicatorId, year, revisionId: null }, select: { id: true } });
  if (existing) throw new ConflictError(`the indicator has a ${year} target: update it`, { id: existing.id });
  return tx.target.create({
    data: {
      chamberId,
      indicatorId,
      year,
      operator: options.values.operator ?? 'gte',
      relativeToBaseline: options.relativeToBaseline ?? false,
      label: options.label?.trim() || null,
      ...targetValues(options.values, indicator.valueType),
    },
    select: { id: true },
  });
}
