import type { Prisma } from '@albero/db';
import { BadInputError } from '../errors.js';
import { assertUpdated, assertVersion, authorizeInChamber, findCycle } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';
import { scoreCycle } from './score-cycle.js';

/**
 * Publishes a closed cycle whose Relazione the OIV has validated (Amministrazione trasparente): the
 * report keeps a frozen snapshot of the scores, and the cycle becomes readable by the public.
 */
export async function publishCycle(options: TenantScope & { cycleId: string; version: number }): Promise<void> {
  const { tx, chamberId, cycleId, version } = options;
  authorizeInChamber(options, 'cycle.publish');
  const cycle = await findCycle(options, cycleId);
  if (cycle.state !== 'closed') throw new BadInputError(`a ${cycle.state} cycle cannot be published: close it first`, { state: cycle.state });
  assertVersion('Cycle', cycle, version);
  const report = await tx.report.findUnique({ where: { chamberId_cycleId_kind: { chamberId, cycleId, kind: 'relazione' } } });
  if (report?.state !== 'validated') throw new BadInputError('the OIV has not validated the Relazione yet', { reportState: report?.state ?? null });
  const scores = await scoreCycle({ tx, chamberId, cycleId });
  const snapshot = {
    period: scores.period?.date.toISOString().slice(0, 10) ?? null,
    entity: scores.tree.entity,
    nodes: scores.nodes.map((n) => ({ code: n.result.code, result: n.result.result, achievement: n.result.achievement ?? null, rating: n.result.rating ?? null })),
  };
  assertUpdated(await tx.cycle.updateMany({ where: { chamberId, id: cycleId, version }, data: { state: 'published' } }), 'Cycle', cycleId, version);
  await tx.report.update({
    where: { chamberId_id: { chamberId, id: report.id } },
    data: { state: 'published', publishedAt: new Date(), snapshot: JSON.parse(JSON.stringify(snapshot)) as Prisma.InputJsonValue },
  });
}
