import type { Prisma } from '@albero/db';
import { BadInputError, NotFoundError } from '../errors.js';
import { assertCycleOpen, assertUpdated, assertVersion, authorizeOnNode, findCycle } from '../domain/guards.js';
import { measurementValues, type ValueInput } from '../domain/values.js';
import type { TenantScope } from '../tenant.js';

/**
 * Enters (or corrects, while still a draft or after a rejection) the value of an indicator for an open
 * monitoring period. Staff enter values of the indicators assigned to them or to their unit.
 */
export async function enterMeasurement(
  options: TenantScope &
    ValueInput & {
      indicatorId: string;
      periodId: string;
      inputs?: Record<string, number> | null | undefined;
      note?: string | null | undefined;
      evidence?: string | null | undefined;
      label?: string | null | undefined;
      /** Required when a value exists for the indicator and period. */
      version?: number | null | undefined;
    },
): Promise<{ id: string }> {
  const { tx, chamberId, indicatorId, periodId, actor } = options;
  const indicator = await tx.indicator.findUnique({ where: { chamberId_id: { chamberId, id: indicatorId } }, select: { nodeId: true, cycleId: true, valueType: true, rollupChildren: true } });
  if (!indicator) throw new NotFoundError('Indicator', indicatorId);
  const period = await tx.monitoringPeriod.findUnique({ where: { chamberId_id: { chamberId, id: periodId } } });
  if (!period || period.cycleId !== indicator.cycleId) throw new NotFoundError('MonitoringPeriod', periodId);
  await authorizeOnNode(options, 'measurement.enter', indicator.nodeId);
  assertCycleOpen(await findCycle(options, indicator.cycleId));
  if (period.state !== 'open') throw new BadInputError(`the monitoring period is ${period.state}, not open for data entry`, { state: period.state });
  if (indicator.rollupChildren) throw new BadInputError('this indicator is computed from its node\'s children', { field: 'indicatorId' });
  const values = measurementValues(options, indicator.valueType);
  if (options.inputs != null && Object.values(options.inputs).some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
    throw new BadInputError('formula inputs are finite numbers', { field: 'inputs' });
  }
  const data = {
    ...values,
    ...(options.inputs !== undefined ? { inputs: (options.inputs ?? undefined) as Prisma.InputJsonValue | undefined } : {}),
    note: options.note?.trim() || null,
    evidence: options.evidence?.trim() || null,
    label: options.label?.trim() || null,
    status: 'draft' as const,
    enteredBy: actor.subject,
    enteredAt: new Date(),
  };
  const existing = await tx.measurement.findUnique({ where: { chamberId_indicatorId_periodId: { chamberId, indicatorId, periodId } } });
  if (!existing) return tx.measurement.create({ data: { chamberId, indicatorId, periodId, ...data }, select: { id: true } });

  if (options.version == null) throw new BadInputError('a value exists for this period: send the version you read', { field: 'version', id: existing.id });
  assertVersion('Measurement', existing, options.version);
  if (existing.status === 'submitted' || existing.status === 'approved') {
    throw new BadInputError(`the value is ${existing.status}: it is reviewed, not edited`, { status: existing.status });
  }
  const result = await tx.measurement.updateMany({ where: { chamberId, id: existing.id, version: options.version }, data: { ...data, rejectionReason: null } });
  assertUpdated(result, 'Measurement', existing.id, options.version);
  return { id: existing.id };
}
