import { NotFoundError, staleVersion } from '../errors.js';
import { authorizeInChamber } from '../domain/guards.js';
import { deletionBlockers, draftCycleForDeletion, refuseIfBlocked } from '../domain/deletion.js';
import { weightIssues, type WeightIssue } from '../domain/weights.js';
import type { TenantScope } from '../tenant.js';

/** What deleteIndicator removed, and what the removal left to fix. */
export type DeletedIndicator = {
  id: string;
  nodeId: string;
  /** The indicator's targets (original and revised). */
  targetIds: string[];
  /** The node's remaining indicators, when their weights no longer sum to 100. */
  weightIssues: WeightIssue[];
};

/**
 * Removes an indicator of a draft plan with its targets. Refused (nothing removed) outside a draft, on a
 * stale version, and when a value or a score override is recorded for it. The node's later indicators move
 * up one place.
 */
export async function deleteIndicator(options: TenantScope & { indicatorId: string; version: number }): Promise<DeletedIndicator> {
  const { tx, chamberId, indicatorId, version } = options;
  authorizeInChamber(options, 'indicator.delete');
  const rows = await tx.$queryRaw<{ cycle_id: string; node_id: string; code: string | null; name: string; position: number; version: number }[]>`
    SELECT cycle_id::text AS cycle_id, node_id::text AS node_id, code, name, position, version
      FROM indicator WHERE chamber_id = ${chamberId}::uuid AND id = ${indicatorId}::uuid FOR UPDATE`;
  // Locked: no target or value can be added to it until the removal commits.
  const indicator = rows[0];
  if (!indicator) throw new NotFoundError('Indicator', indicatorId);
  await draftCycleForDeletion(tx, chamberId, indicator.cycle_id, 'indicators');
  if (indicator.version !== version) throw staleVersion('Indicator', indicatorId, version);

  refuseIfBlocked(`indicator ${indicator.code ?? indicator.name}`, await deletionBlockers(tx, chamberId, [], [indicatorId]));
  const targets = await tx.target.findMany({ where: { chamberId, indicatorId }, select: { id: true }, orderBy: { id: 'asc' } });

  // Its targets go by the database's cascade (target.indicator_id ON DELETE CASCADE).
  const removed = await tx.indicator.deleteMany({ where: { chamberId, id: indicatorId, version } });
  if (removed.count !== 1) throw staleVersion('Indicator', indicatorId, version);
  await tx.indicator.updateMany({ where: { chamberId, nodeId: indicator.node_id, position: { gt: indicator.position } }, data: { position: { decrement: 1 } } });
  const issues = (await weightIssues(tx, chamberId, indicator.cycle_id)).filter((i) => i.parentId === indicator.node_id && i.of === 'indicators');
  return { id: indicatorId, nodeId: indicator.node_id, targetIds: targets.map((t) => t.id), weightIssues: issues };
}
