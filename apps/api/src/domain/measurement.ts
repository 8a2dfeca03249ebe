// Loading a measurement with what its workflow rules need (indicator's node, period state).
import { ForbiddenError, NotFoundError } from '../errors.js';
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

/**
 * Separation of duties (four eyes): whoever entered or submitted a value does not also approve or reject it;
 * another manager of the unit, or the chamber's administration, reviews it.
 */
export function assertNotOwnValue(actor: { subject: string }, m: { enteredBy: string | null; submittedBy: string | null }, action: 'approve' | 'reject'): void {
  if (m.enteredBy === actor.subject || m.submittedBy === actor.subject) {
    throw new ForbiddenError(`you entered or submitted this value, so you cannot ${action} it: another manager of the unit or the administration reviews it`, {
      reason: 'SELF_REVIEW',
    });
  }
}
