import { BadInputError, NotFoundError } from '../errors.js';
import { assertCycleOpen, assertUpdated, assertVersion, authorizeInChamber, findCycle } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

/** Opens a monitoring period for data entry; the first one opened starts the cycle's monitoring. */
export async function openPeriod(options: TenantScope & { periodId: string; version: number }): Promise<void> {
  const { tx, chamberId, periodId, version } = options;
  authorizeInChamber(options, 'cycle.manage');
  const period = await tx.monitoringPeriod.findUnique({ where: { chamberId_id: { chamberId, id: periodId } } });
  if (!period) throw new NotFoundError('MonitoringPeriod', periodId);
  const cycle = await findCycle(options, period.cycleId);
  assertCycleOpen(cycle);
  if (cycle.state === 'draft') throw new BadInputError('a plan is approved before its monitoring starts', { state: cycle.state });
  assertVersion('MonitoringPeriod', period, version);
  if (period.state === 'open') throw new BadInputError('the period is already open');
  assertUpdated(await tx.monitoringPeriod.updateMany({ where: { chamberId, id: periodId, version }, data: { state: 'open' } }), 'MonitoringPeriod', periodId, version);
  if (cycle.state === 'approved') await tx.cycle.updateMany({ where: { chamberId, id: cycle.id, version: cycle.version }, data: { state: 'monitoring' } });
}
