// Loading a measurement with what its workflow rules need (indicator's node, period state).
import { NotFoundError } from '../errors.js';
import type { TenantScope } from '../tenant.js';

/** A measurement of the chamber with its indicator's node and its period, or NOT_FOUND. */
export async function findMeasurement(scope: Pick<TenantScope, 'tx' | 'chamberId'>, id: string) {
  const m = await scope.tx.measurement.findUnique({
    where: { chamberId_id: { chamberId: scope.chamberId, id } },
    include: { indicator: { select: { nodeId: true, cycleId: true } }, period: { select: { state: true } } },
  });
  if (!m) throw new NotFoundError('Measurement', id);
  return m;
}
