import { BadInputError, NotFoundError } from '../errors.js';
import { assertCycleOpen, assertUpdated, assertVersion, authorizeInChamber, findCycle } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

/** Closes a monitoring period: no more values are entered or changed for it. */
export async function closePeriod(options: TenantScope & { periodId: string; version: number }): Promise<void> {
  const { tx, chamberId, periodId, version } = options;
  authorizeInChamber(options, 'cycle.manage');
  const period = await tx.monitoringPeriod.findUnique({ where: { chamberId_id: { chamberId, id: periodId } } });
  if (!period) throw new NotFoundError('MonitoringPeriod', periodId);
  assertCycleOpen(await findCycle(options, period.cycleId));
  assertVersion('MonitoringPeriod', period, version);
  if (period.state !== 'open') throw new BadInputError(`the period is ${period.state}, not open`, { state: period.state });
  assertUpdated(await tx.monitoringPeriod.updateMany({ where: { chamberId, id: periodId, version }, data: { state: 'closed' } }), 'MonitoringPeriod', periodId, version);
}
