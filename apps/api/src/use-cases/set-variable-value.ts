import { BadInputError, NotFoundError } from '../errors.js';
import { assertUpdated, assertVersion, authorizeInChamber } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

/** Records a variable's value at a date; changing a recorded value needs the version that was read. */
export async function setVariableValue(
  options: TenantScope & { variableId: string; period: Date; value: number; source?: string | null | undefined; version?: number | null | undefined },
): Promise<void> {
  const { tx, chamberId, variableId, period } = options;
  authorizeInChamber(options, 'variable.manage');
  if (!Number.isFinite(options.value)) throw new BadInputError('the value must be a finite number', { field: 'value' });
  if (!(await tx.variable.findUnique({ where: { chamberId_id: { chamberId, id: variableId } }, select: { id: true } }))) throw new NotFoundError('Variable', variableId);
  const existing = await tx.variableValue.findUnique({ where: { chamberId_variableId_period: { chamberId, variableId, period } } });
  const data = { value: options.value, source: options.source?.trim() || null };
  if (!existing) {
    await tx.variableValue.create({ data: { chamberId, variableId, period, ...data } });
    return;
  }
  if (options.version == null) throw new BadInputError('a value is recorded for this date: send the version you read', { field: 'version' });
  assertVersion('VariableValue', { id: `${variableId}@${period.toISOString().slice(0, 10)}`, version: existing.version }, options.version);
  assertUpdated(
    await tx.variableValue.updateMany({ where: { chamberId, variableId, period, version: options.version }, data }),
    'VariableValue',
    variableId,
    options.version,
  );
}
