import { BadInputError } from '../errors.js';
import { assertCycleOpen, assertUpdated, assertVersion, authorizeOnNode, findCycle } from '../domain/guards.js';
import { findMeasurement } from '../domain/measurement.js';
import type { TenantScope } from '../tenant.js';

/** Submits a draft (or corrected rejected) value for review. */
export async function submitMeasurement(options: TenantScope & { measurementId: string; version: number }): Promise<void> {
  const { tx, chamberId, measurementId, version, actor } = options;
  const m = await findMeasurement(options, measurementId);
  await authorizeOnNode(options, 'measurement.enter', m.indicator.nodeId);
  assertCycleOpen(await findCycle(options, m.indicator.cycleId));
  assertVersion('Measurement', m, version);
  if (m.status !== 'draft' && m.status !== 'rejected') throw new BadInputError(`a ${m.status} value cannot be submitted`, { status: m.status });
  if (m.period.state !== 'open') throw new BadInputError(`the monitoring period is ${m.period.state}`, { state: m.period.state });
  const result = await tx.measurement.updateMany({
    where: { chamberId, id: measurementId, version },
    data: { status: 'submitted', submittedBy: actor.subject, submittedAt: new Date() },
  });
  assertUpdated(result, 'Measurement', measurementId, version);
}
