import { BadInputError } from '../errors.js';
import { assertCycleOpen, assertUpdated, assertVersion, authorizeOnNode, findCycle, requiredText } from '../domain/guards.js';
import { assertNotOwnValue, findMeasurement } from '../domain/measurement.js';
import type { TenantScope } from '../tenant.js';

/** Sends a submitted value back to whoever entered it, with the reason (mandatory). */
export async function rejectMeasurement(options: TenantScope & { measurementId: string; version: number; reason: string }): Promise<void> {
  const { tx, chamberId, measurementId, version, actor } = options;
  const m = await findMeasurement(options, measurementId);
  await authorizeOnNode(options, 'measurement.review', m.indicator.nodeId);
  assertNotOwnValue(actor, m, 'reject');
  const reason = requiredText(options.reason, 'reason', 5);
  assertCycleOpen(await findCycle(options, m.indicator.cycleId));
  assertVersion('Measurement', m, version);
  if (m.status !== 'submitted') throw new BadInputError(`only a submitted value is rejected; this one is ${m.status}`, { status: m.status });
  const result = await tx.measurement.updateMany({
    where: { chamberId, id: measurementId, version },
    data: { status: 'rejected', reviewedBy: actor.subject, reviewedAt: new Date(), rejectionReason: reason },
  });
  assertUpdated(result, 'Measurement', measurementId, version);
}
