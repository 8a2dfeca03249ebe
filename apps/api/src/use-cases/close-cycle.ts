import { BadInputError } from '../errors.js';
import { assertUpdated, assertVersion, authorizeInChamber, findCycle } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

/** Closes a cycle at year end, once every monitoring period is closed: its figures become the record. */
export async function closeCycle(options: TenantScope & { cycleId: string; version: number }): Promise<void> {
  const { tx, chamberId, cycleId, version } = options;
  authorizeInChamber(options, 'cycle.manage');
  const cycle = await findCycle(options, cycleId);
  if (cycle.state !== 'monitoring' && cycle.state !== 'approved') throw new BadInputError(`a ${cycle.state} cycle cannot be closed`, { state: cycle.state });
  assertVersion('Cycle', cycle, version);
  const open = await tx.monitoringPeriod.count({ where: { chamberId, cycleId, state: 'open' } });
  if (open > 0) throw new BadInputError(`${open} monitoring period(s) are still open`, { openPeriods: open });
  assertUpdated(await tx.cycle.updateMany({ where: { chamberId, id: cycleId, version }, data: { state: 'closed' } }), 'Cycle', cycleId, version);
}
