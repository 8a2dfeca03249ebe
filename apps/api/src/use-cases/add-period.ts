import { BadInputError, ConflictError } from '../errors.js';
import { assertCycleOpen, authorizeInChamber, findCycle } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

/** Adds a monitoring date to a cycle (planned until it is opened). */
export async function addPeriod(options: TenantScope & { cycleId: string; periodDate: Date; dueDate?: Date | null | undefined }): Promise<{ id: string }> {
  const { tx, chamberId } = options;
  authorizeInChamber(options, 'cycle.manage');
  const cycle = await findCycle(options, options.cycleId);
  assertCycleOpen(cycle);
  if (options.periodDate.getUTCFullYear() !== cycle.year) throw new BadInputError('a monitoring date falls within the cycle year', { field: 'periodDate' });
  if (options.dueDate && options.dueDate < options.periodDate) throw new BadInputError('the due date follows the monitoring date', { field: 'dueDate' });
  const exists = await tx.monitoringPeriod.findUnique({ where: { chamberId_cycleId_periodDate: { chamberId, cycleId: cycle.id, periodDate: options.periodDate } } });
  if (exists) throw new ConflictError('this monitoring date exists', { id: exists.id });
  return tx.monitoringPeriod.create({ data: { chamberId, cycleId: cycle.id, periodDate: options.periodDate, dueDate: options.dueDate ?? null }, select: { id: true } });
}
