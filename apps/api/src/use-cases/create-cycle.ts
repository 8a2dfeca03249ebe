import { smvpSchema } from '@albero/plan-format';
import { BadInputError, ConflictError } from '../errors.js';
import { authorizeInChamber, requiredText } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

type LevelInput = { key: string; name: string; kind: 'perspective' | 'area' | 'strategic' | 'program' | 'operational' | 'action' | 'individual'; aggregation?: 'weighted_mean' | 'simple_mean' | null | undefined };

/** Creates a draft cycle for a year with the chamber's own levels, monitoring dates and SMVP rules. */
export async function createCycle(
  options: TenantScope & { year: number; horizonStart?: number | null | undefined; horizonEnd?: number | null | undefined; levels: LevelInput[]; periods: Date[]; smvp?: unknown },
): Promise<{ id: string }> {
  const { tx, chamberId, year } = options;
  authorizeInChamber(options, 'cycle.manage');
  const horizonStart = options.horizonStart ?? year;
  const horizonEnd = options.horizonEnd ?? year + 2;
  if (!(horizonStart <= year && year <= horizonEnd)) throw new BadInputError('the horizon must contain the cycle year', { field: 'horizonEnd' });
  if (options.levels.length === 0) throw new BadInputError('a cycle needs at least one level', { field: 'levels' });
  const keys = options.levels.map((l) => requiredText(l.key, 'levels.key', 1));
  if (new Set(keys).size !== keys.length) throw new BadInputError('level keys must be unique', { field: 'levels' });
  const smvp = smvpSchema.safeParse(options.smvp ?? {});
  if (!smvp.success) throw new BadInputError(`invalid SMVP: ${smvp.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { field: 'smvp' });
  if (smvp.data.entityLevel !== undefined && !keys.includes(smvp.data.entityLevel)) throw new BadInputError('smvp.entityLevel must be one of the levels', { field: 'smvp' });
  for (const p of options.periods) {
    if (p.getUTCFullYear() !== year) throw new BadInputError('monitoring dates fall within the cycle year', { field: 'periods' });
  }
  if (await tx.cycle.findUnique({ where: { chamberId_year: { chamberId, year } }, select: { id: true } })) throw new ConflictError(`the cycle ${year} exists`, { field: 'year' });
  const previous = await tx.cycle.findFirst({ where: { chamberId, year: { lt: year } }, orderBy: { year: 'desc' }, select: { id: true } });
  const cycle = await tx.cycle.create({
    data: { chamberId, year, horizonStart, horizonEnd, state: 'draft', previousCycleId: previous?.id ?? null, smvp: smvp.data },
    select: { id: true },
  });
  await tx.cycleLevel.createMany({
    data: options.levels.map((l, position) => ({ chamberId, cycleId: cycle.id, key: keys[position]!, position, name: requiredText(l.name, 'levels.name', 1), kind: l.kind, aggregation: l.aggregation ?? 'weighted_mean' })),
  });
  const dates = [...new Set(options.periods.map((p) => p.getTime()))].sort((a, b) => a - b);
  if (dates.length > 0) await tx.monitoringPeriod.createMany({ data: dates.map((t) => ({ chamberId, cycleId: cycle.id, periodDate: new Date(t) })) });
  return cycle;
}
