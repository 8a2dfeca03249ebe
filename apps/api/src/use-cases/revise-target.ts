import { BadInputError, ConflictError, NotFoundError } from '../errors.js';
import { assertCycleOpen, assertVersion, authorizeInChamber, findCycle } from '../domain/guards.js';
import { targetValues, type TargetValueInput } from '../domain/values.js';
import type { TenantScope } from '../tenant.js';

/** Revises a target under a plan revision: a new target row is added, the original stays on record. */
export async function reviseTarget(options: TenantScope & { targetId: string; version: number; revisionId: string; values: TargetValueInput; label?: string | null | undefined }): Promise<{ id: string }> {
  const { tx, chamberId } = options;
  authorizeInChamber(options, 'target.manage');
  const original = await tx.target.findUnique({ where: { chamberId_id: { chamberId, id: options.targetId } }, include: { indicator: { select: { cycleId: true, valueType: true } } } });
  if (!original) throw new NotFoundError('Target', options.targetId);
  if (original.revisionId !== null) throw new BadInputError('revise the original target, not a revision of it', { field: 'targetId' });
  assertVersion('Target', original, options.version);
  const revision = await tx.planRevision.findUnique({ where: { chamberId_id: { chamberId, id: options.revisionId } } });
  if (!revision || revision.cycleId !== original.indicator.cycleId) throw new NotFoundError('PlanRevision', options.revisionId);
  assertCycleOpen(await findCycle(options, original.indicator.cycleId));
  const existing = await tx.target.findFirst({ where: { chamberId, indicatorId: original.indicatorId, year: original.year, revisionId: revision.id }, select: { id: true } });
  if (existing) throw new ConflictError('this target is already revised under this revision', { id: existing.id });
  return tx.target.create({
    data: {
      chamberId,
      indicatorId: original.indicatorId,
      year: original.year,
      revisionId: revision.id,
      operator: options.values.operator ?? original.operator,
      relativeToBaseline: original.relativeToBaseline,
      label: options.label?.trim() || null,
      ...targetValues(options.values, original.indicator.valueType),
    },
    select: { id: true },
  });
}
