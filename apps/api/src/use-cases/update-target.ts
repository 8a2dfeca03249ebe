import { BadInputError, NotFoundError } from '../errors.js';
import { assertCycleDraft, assertUpdated, assertVersion, authorizeInChamber, findCycle } from '../domain/guards.js';
import { targetValues, type TargetValueInput } from '../domain/values.js';
import type { TenantScope } from '../tenant.js';

/** Changes a planned target of a draft plan; once approved, targets are revised (both versions kept). */
export async function updateTarget(
  options: TenantScope & { targetId: string; version: number; values: TargetValueInput; relativeToBaseline?: boolean | null | undefined; label?: string | null | undefined },
): Promise<void> {
  const { tx, chamberId, targetId, version } = options;
  authorizeInChamber(options, 'target.manage');
  const target = await tx.target.findUnique({ where: { chamberId_id: { chamberId, id: targetId } }, include: { indicator: { select: { cycleId: true, valueType: true } } } });
  if (!target) throw new NotFoundError('Target', targetId);
  if (target.revisionId !== null) throw new BadInputError('a revised target is part of its revision\'s record', { field: 'targetId' });
  assertCycleDraft(await findCycle(options, target.indicator.cycleId), 'targets are edited');
  assertVersion('Target', target, version);
  const result = await tx.target.updateMany({
    where: { chamberId, id: targetId, version },
    data: {
      operator: options.values.operator ?? target.operator,
      ...(options.relativeToBaseline != null ? { relativeToBaseline: options.relativeToBaseline } : {}),
      ...(options.label !== undefined ? { label: options.label?.trim() || null } : {}),
      ...targetValues(options.values, target.indicator.valueType),
    },
  });
  assertUpdated(result, 'Target', targetId, version);
}
