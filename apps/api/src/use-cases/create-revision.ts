import { BadInputError } from '../errors.js';
import { assertCycleOpen, authorizeInChamber, findCycle, requiredText } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

/** Opens a mid-year revision of the plan (rimodulazione): revised targets point to it, originals stay. */
export async function createRevision(
  options: TenantScope & { cycleId: string; revisedOn: Date; reason: string; resolutionNumber?: string | null | undefined; resolutionDate?: Date | null | undefined },
): Promise<{ id: string }> {
  const { tx, chamberId } = options;
  authorizeInChamber(options, 'cycle.manage');
  const cycle = await findCycle(options, options.cycleId);
  assertCycleOpen(cycle);
  if (cycle.state === 'draft') throw new BadInputError('a draft plan is edited, not revised', { state: cycle.state });
  return tx.planRevision.create({
    data: {
      chamberId,
      cycleId: cycle.id,
      revisedOn: options.revisedOn,
      reason: requiredText(options.reason, 'reason', 5),
      resolutionNumber: options.resolutionNumber?.trim() || null,
      resolutionDate: options.resolutionDate ?? null,
    },
    select: { id: true },
  });
}
