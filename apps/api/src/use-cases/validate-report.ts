import { BadInputError } from '../errors.js';
import { assertUpdated, assertVersion, authorizeInChamber, findCycle } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

/** The OIV validates a closed cycle's report (Relazione by default); a published report is final. */
export async function validateReport(
  options: TenantScope & { cycleId: string; kind?: 'piano' | 'relazione' | null | undefined; version?: number | null | undefined },
): Promise<{ id: string }> {
  const { tx, chamberId, cycleId, actor } = options;
  authorizeInChamber(options, 'report.validate');
  const cycle = await findCycle(options, cycleId);
  const kind = options.kind ?? 'relazione';
  if (kind === 'relazione' && cycle.state !== 'closed') throw new BadInputError('the Relazione is validated once the cycle is closed', { state: cycle.state });
  const report = await tx.report.findUnique({ where: { chamberId_cycleId_kind: { chamberId, cycleId, kind } } });
  if (!report) {
    return tx.report.create({ data: { chamberId, cycleId, kind, state: 'validated', validatedBy: actor.subject, validatedAt: new Date() }, select: { id: true } });
  }
  if (options.version == null) throw new BadInputError('the report exists: send the version you read', { field: 'version' });
  assertVersion('Report', report, options.version);
  if (report.state === 'published') throw new BadInputError('a published report is final', { state: report.state });
  const result = await tx.report.updateMany({
    where: { chamberId, id: report.id, version: options.version },
    data: { state: 'validated', validatedBy: actor.subject, validatedAt: new Date() },
  });
  assertUpdated(result, 'Report', report.id, options.version);
  return { id: report.id };
}
