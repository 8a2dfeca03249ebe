import { BadInputError } from '../errors.js';
import { assertCycleDraft, assertCycleOpen, assertUpdated, assertVersion, authorizeInChamber, findCycle, requiredText } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

type LevelKind = 'perspective' | 'area' | 'strategic' | 'program' | 'operational' | 'action' | 'individual';
type Aggregation = 'weighted_mean' | 'simple_mean';
export type LevelNameInput = { key: string; name: string; kind?: LevelKind | null | undefined; aggregation?: Aggregation | null | undefined };

/**
 * Renames a cycle's levels (the chamber's own names: "Linea strategica", "Azione"). Names change until the
 * cycle closes, like any wording; a level's kind and aggregation change how the tree is scored, so they may
 * change only while the cycle is a draft. The cycle's version guards the whole set (it is bumped).
 */
export async function updateLevels(options: TenantScope & { cycleId: string; version: number; levels: readonly LevelNameInput[] }): Promise<void> {
  const { tx, chamberId, cycleId, version } = options;
  authorizeInChamber(options, 'cycle.manage');
  const cycle = await findCycle(options, cycleId);
  if (options.levels.length === 0) throw new BadInputError('give at least one level', { field: 'levels' });
  const current = new Map((await tx.cycleLevel.findMany({ where: { chamberId, cycleId } })).map((l) => [l.key, l] as const));
  const seen = new Set<string>();
  const changes: { key: string; data: { name?: string; kind?: LevelKind; aggregation?: Aggregation } }[] = [];
  let structural = false;
  for (const level of options.levels) {
    const key = level.key.trim();
    const row = current.get(key);
    if (!row) throw new BadInputError(`unknown level "${key}" in this cycle`, { field: 'levels', key, known: [...current.keys()] });
    if (seen.has(key)) throw new BadInputError(`level "${key}" appears twice`, { field: 'levels', key });
    seen.add(key);
    const name = requiredText(level.name, 'name', 1);
    const data: { name?: string; kind?: LevelKind; aggregation?: Aggregation } = {};
    if (name !== row.name) data.name = name;
    if (level.kind != null && level.kind !== row.kind) data.kind = level.kind;
    if (level.aggregation != null && level.aggregation !== row.aggregation) data.aggregation = level.aggregation;
    if (data.kind !== undefined || data.aggregation !== undefined) structural = true;
    if (Object.keys(data).length > 0) changes.push({ key, data });
  }
  assertCycleOpen(cycle);
  if (structural) assertCycleDraft(cycle, 'level kinds and aggregations change');
  assertVersion('Cycle', cycle, version);
  // Bumps the cycle's version (trigger) under the version read: a concurrent change of the cycle is CONFLICT.
  assertUpdated(await tx.cycle.updateMany({ where: { chamberId, id: cycleId, version }, data: { updatedAt: new Date() } }), 'Cycle', cycleId, version);
  for (const change of changes) {
    await tx.cycleLevel.update({ where: { chamberId_cycleId_key: { chamberId, cycleId, key: change.key } }, data: change.data });
  }
}
