import { BadInputError } from '../errors.js';
import { assertCycleOpen, assertUpdated, assertVersion, authorizeOnNode, findCycle } from '../domain/guards.js';
import { assertNotOwnValue, findMeasurement } from '../domain/measurement.js';
import type { TenantScope } from '../tenant.js';

/** Approves a submitted value: it then counts in the scores. Managers approve for their units. */
export async function approveMeasurement(options: TenantScope & { measurementId: string; version: number }): Promise<void> {
  const { tx, chamberId, measurementId, version, actor } = options;
  const m = await findMeasurement(options, measurementId);
  await authorizeOnNode(options, 'measurement.review', m.indicator.nodeId);
  assertNotOwnValue(actor, m, 'approve');
  assertCycleOpen(await findCycle(options, m.indicator.cycleId));
  assertVersion('Measurement', m, version);
  if (m.status !== 'submitted') throw new BadInputError(`only a submitted value is approved; this one is ${m.status}`, { status: m.status });
  const result = await tx.measurement.updateMany({
    where: { chamberId, id: measurementId, version },
    data: { status: 'approved', reviewedBy: actor.subject, reviewedAt: new Date(), rejectionReason: null },
  });
  assertUpdated(result, 'Measurement', measurementId, version);
}
