import { BadInputError, NotFoundError } from '../errors.js';
import { assertUpdated, assertVersion, authorizeInChamber, findCycle } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

/** Revokes an override: the computed score applies again; the override stays on record. */
export async function revokeOverride(options: TenantScope & { overrideId: string; version: number }): Promise<void> {
  const { tx, chamberId, overrideId, version } = options;
  authorizeInChamber(options, 'override.set');
  const override = await tx.scoreOverride.findUnique({ where: { chamberId_id: { chamberId, id: overrideId } } });
  if (!override) throw new NotFoundError('ScoreOverride', overrideId);
  const cycle = await findCycle(options, override.cycleId);
  if (cycle.state === 'published') throw new BadInputError('a published cycle\'s scores are final', { state: cycle.state });
  assertVersion('ScoreOverride', override, version);
  if (override.revokedAt !== null) throw new BadInputError('the override is already revoked');
  assertUpdated(await tx.scoreOverride.updateMany({ where: { chamberId, id: overrideId, version }, data: { revokedAt: new Date() } }), 'ScoreOverride', overrideId, version);
}
