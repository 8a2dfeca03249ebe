import { NotFoundError } from '../errors.js';
import { assertUpdated, assertVersion, authorizeInChamber, requiredText } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

/**
 * Edits a person and, when `units` is given, replaces their unit memberships (the person's version
 * moves either way, so two administrators cannot silently overwrite each other's changes).
 */
export async function updatePerson(
  options: TenantScope & {
    id: string;
    version: number;
    displayName?: string | null | undefined;
    email?: string | null | undefined;
    position?: string | null | undefined;
    active?: boolean | null | undefined;
    units?: { unitId: string; head?: boolean | null | undefined }[] | null | undefined;
  },
): Promise<void> {
  const { tx, chamberId, id, version } = options;
  authorizeInChamber(options, 'person.manage');
  const person = await tx.person.findUnique({ where: { chamberId_id: { chamberId, id } } });
  if (!person) throw new NotFoundError('Person', id);
  assertVersion('Person', person, version);
  const result = await tx.person.updateMany({
    where: { chamberId, id, version },
    data: {
      ...(options.email !== undefined ? { email: options.email?.trim() || null } : {}),
      ...(options.position !== undefined ? { position: options.position?.trim() || null } : {}),
      ...(options.active != null ? { active: options.active } : {}),
      // Touch the row even when only memberships change: the version trigger bumps it.
      displayName: options.displayName != null ? requiredText(options.displayName, 'displayName') : person.displayName,
    },
  });
  assertUpdated(result, 'Person', id, version);
  if (options.units != null) {
    const units = options.units;
    const found = await tx.orgUnit.count({ where: { chamberId, id: { in: units.map((u) => u.unitId) } } });
    if (found !== new Set(units.map((u) => u.unitId)).size) throw new NotFoundError('OrgUnit');
    await tx.personUnit.deleteMany({ where: { chamberId, personId: id } });
    if (units.length > 0) await tx.personUnit.createMany({ data: units.map((u) => ({ chamberId, personId: id, unitId: u.unitId, head: u.head ?? false })) });
  }
}
