import { randomUUID } from 'node:crypto';
import { Prisma } from '@albero/db';
import { BadInputError, ConflictError } from '../errors.js';
import { authorizeInChamber, findCycle } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';
import { inOrder } from '../domain/in-order.js';

const nextYear = (d: Date) => new Date(Date.UTC(d.getUTCFullYear() + 1, d.getUTCMonth(), d.getUTCDate()));

/**
 * Starts next year's cycle from a previous one: same levels, perspectives, tree, responsibilities,
 * indicators and the targets already planned for the new year (three-year horizon), monitoring dates a
 * year later. Every copied node links to the objective it continues (previousNodeId); values,
 * overrides and revisions stay with the year they belong to.
 */
export async function copyCycle(options: TenantScope & { fromCycleId: string; year?: number | null | undefined }): Promise<{ id: string }> {
  const { tx, chamberId } = options;
  authorizeInChamber(options, 'cycle.manage');
  const from = await findCycle(options, options.fromCycleId);
  const year = options.year ?? from.year + 1;
  if (year <= from.year) throw new BadInputError('a copy is for a later year', { field: 'year' });
  if (await tx.cycle.findUnique({ where: { chamberId_year: { chamberId, year } }, select: { id: true } })) throw new ConflictError(`the cycle ${year} exists`, { field: 'year' });

  const [levels, perspectives, nodes, nodeUnits, nodePeople, indicators, targets, periods] = await inOrder(
    () => tx.cycleLevel.findMany({ where: { chamberId, cycleId: from.id } }),
    () => tx.perspective.findMany({ where: { chamberId, cycleId: from.id } }),
    () => tx.planNode.findMany({ where: { chamberId, cycleId: from.id } }),
    () => tx.planNodeUnit.findMany({ where: { chamberId, node: { cycleId: from.id } } }),
    () => tx.planNodePerson.findMany({ where: { chamberId, node: { cycleId: from.id } } }),
    () => tx.indicator.findMany({ where: { chamberId, cycleId: from.id } }),
    () => tx.target.findMany({ where: { chamberId, revisionId: null, year: { gte: year }, indicator: { cycleId: from.id } } }),
    () => tx.monitoringPeriod.findMany({ where: { chamberId, cycleId: from.id } }),
  );

  const id = randomUUID();
  const shift = year - from.year;
  await tx.cycle.create({
    data: {
      chamberId,
      id,
      year,
      horizonStart: from.horizonStart + shift,
      horizonEnd: from.horizonEnd + shift,
      state: 'draft',
      previousCycleId: from.id,
      smvp: from.smvp as Prisma.InputJsonValue,
      notes: [],
    },
  });
  if (levels.length) await tx.cycleLevel.createMany({ data: levels.map((l) => ({ ...l, cycleId: id })) });
  const perspectiveIds = new Map(perspectives.map((p) => [p.id, randomUUID()] as const));
  if (perspectives.length) await tx.perspective.createMany({ data: perspectives.map((p) => ({ ...p, id: perspectiveIds.get(p.id)!, cycleId: id })) });

  const nodeIds = new Map(nodes.map((n) => [n.id, randomUUID()] as const));
  // Parents before children: foreign keys are checked per statement.
  const depth = new Map<string, number>();
  const byId = new Map(nodes.map((n) => [n.id, n] as const));
  const depthOf = (nodeId: string): number => {
    const known = depth.get(nodeId);
    if (known !== undefined) return known;
    const parentId = byId.get(nodeId)?.parentId;
    const d = parentId ? depthOf(parentId) + 1 : 0;
    depth.set(nodeId, d);
    return d;
  };
  const ordered = [...nodes].sort((a, b) => depthOf(a.id) - depthOf(b.id));
  if (ordered.length) {
    await tx.planNode.createMany({
      data: ordered.map(({ createdAt: _c, updatedAt: _u, version: _v, publishedScore: _s, publishedAchievement: _a, ...n }) => ({
        ...n,
        id: nodeIds.get(n.id)!,
        cycleId: id,
        parentId: n.parentId ? nodeIds.get(n.parentId)! : null,
        perspectiveId: n.perspectiveId ? (perspectiveIds.get(n.perspectiveId) ?? null) : null,
        previousNodeId: n.id,
      })),
    });
  }
  if (nodeUnits.length) await tx.planNodeUnit.createMany({ data: nodeUnits.map((u) => ({ ...u, nodeId: nodeIds.get(u.nodeId)! })) });
  if (nodePeople.length) await tx.planNodePerson.createMany({ data: nodePeople.map((p) => ({ ...p, nodeId: nodeIds.get(p.nodeId)! })) });

  const indicatorIds = new Map(indicators.map((i) => [i.id, randomUUID()] as const));
  if (indicators.length) {
    await tx.indicator.createMany({
      data: indicators.map(({ createdAt: _c, updatedAt: _u, version: _v, publishedScore: _s, ...i }) => ({
        ...i,
        // A JSON null column is written back as SQL NULL.
        scoringBands: i.scoringBands === null ? Prisma.DbNull : i.scoringBands,
        id: indicatorIds.get(i.id)!,
        cycleId: id,
        nodeId: nodeIds.get(i.nodeId)!,
      })),
    });
  }
  if (targets.length) {
    await tx.target.createMany({
      data: targets.map(({ createdAt: _c, version: _v, ...t }) => ({ ...t, id: randomUUID(), indicatorId: indicatorIds.get(t.indicatorId)! })),
    });
  }
  if (periods.length) {
    await tx.monitoringPeriod.createMany({
      data: periods.map((p) => ({ chamberId, id: randomUUID(), cycleId: id, periodDate: nextYear(p.periodDate), dueDate: p.dueDate ? nextYear(p.dueDate) : null, state: 'planned' as const })),
    });
  }
  return { id };
}
