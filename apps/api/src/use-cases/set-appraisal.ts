import { smvpSchema } from '@albero/plan-format';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { assertUpdated, assertVersion, authorizeInChamber, findCycle } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

/**
 * Records a person's appraisal inputs for a cycle: the role profile (one of the cycle's SMVP
 * `individualWeights` roles) and the behaviour score (0–100, or null while not yet assessed). Without a
 * version it creates the appraisal (CONFLICT if one exists); with one it updates it (CONFLICT when stale or
 * when there is none). The chamber administration records it, never for themselves. Allowed in every cycle
 * state: the appraisal follows the year's results, after the cycle closes.
 */
export async function setAppraisal(
  options: TenantScope & {
    personId: string;
    cycleId: string;
    roleProfile: string;
    behaviourScore?: number | null | undefined;
    note?: string | null | undefined;
    version?: number | null | undefined;
  },
): Promise<{ id: string }> {
  const { tx, chamberId, personId, cycleId } = options;
  authorizeInChamber(options, 'appraisal.manage');
  const cycle = await findCycle(options, cycleId);
  const person = await tx.person.findUnique({ where: { chamberId_id: { chamberId, id: personId } }, select: { id: true } });
  if (!person) throw new NotFoundError('Person', personId);
  const me = await options.person();
  if (me?.personId === personId) throw new ForbiddenError('nobody records their own appraisal', { action: 'appraisal.manage' });

  const roles = smvpSchema.parse(cycle.smvp ?? {}).individualWeights.map((w) => w.role);
  const wanted = options.roleProfile.trim();
  const roleProfile = roles.find((r) => r === wanted) ?? roles.find((r) => r.toLowerCase() === wanted.toLowerCase());
  if (roleProfile === undefined) {
    throw new BadInputError(
      roles.length === 0 ? 'the cycle\'s SMVP defines no role profiles (individualWeights)' : `unknown role profile "${wanted}": the cycle's SMVP defines ${roles.map((r) => `"${r}"`).join(', ')}`,
      { field: 'roleProfile', allowed: roles },
    );
  }
  const behaviourScore = options.behaviourScore ?? null;
  if (behaviourScore !== null && (!Number.isFinite(behaviourScore) || behaviourScore < 0 || behaviourScore > 100)) {
    throw new BadInputError('behaviourScore must be between 0 and 100', { field: 'behaviourScore' });
  }
  const note = options.note === undefined ? undefined : options.note?.trim() || null;

  const existing = await tx.appraisal.findUnique({ where: { chamberId_cycleId_personId: { chamberId, cycleId, personId } } });
  if (options.version == null) {
    if (existing) throw new ConflictError(`an appraisal of person ${personId} for this cycle exists: send its version to change it`, { entity: 'Appraisal', id: existing.id });
    const created = await tx.appraisal.create({ data: { chamberId, cycleId, personId, roleProfile, behaviourScore, ...(note !== undefined ? { note } : {}) }, select: { id: true } });
    return created;
  }
  if (!existing) throw new ConflictError(`no appraisal of person ${personId} for this cycle to update (version ${options.version})`, { entity: 'Appraisal', version: options.version });
  assertVersion('Appraisal', existing, options.version);
  const result = await tx.appraisal.updateMany({
    where: { chamberId, id: existing.id, version: options.version },
    data: { roleProfile, behaviourScore, ...(note !== undefined ? { note } : {}) },
  });
  assertUpdated(result, 'Appraisal', existing.id, options.version);
  return { id: existing.id };
}
