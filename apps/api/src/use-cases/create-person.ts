import { ConflictError, NotFoundError } from '../errors.js';
import { authorizeInChamber, requiredText } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

/** Adds a person to the chamber (linked to the identity provider by username until their first sign-in). */
export async function createPerson(
  options: TenantScope & {
    username: string;
    displayName: string;
    email?: string | null | undefined;
    position?: string | null | undefined;
    units?: { unitId: string; head?: boolean | null | undefined }[] | null | undefined;
  },
): Promise<{ id: string }> {
  const { tx, chamberId } = options;
  authorizeInChamber(options, 'person.manage');
  const username = requiredText(options.username, 'username', 2).toLowerCase();
  if (await tx.person.findUnique({ where: { chamberId_username: { chamberId, username } }, select: { id: true } })) {
    throw new ConflictError(`a person with username ${username} exists`, { field: 'username' });
  }
  const units = options.units ?? [];
  const found = await tx.orgUnit.count({ where: { chamberId, id: { in: units.map((u) => u.unitId) } } });
  if (found !== new Set(units.map((u) => u.unitId)).size) throw new NotFoundError('OrgUnit');
  const person = await tx.person.create({
    data: {
      chamberId,
      username,
      displayName: requiredText(options.displayName, 'displayName'),
      email: options.email?.trim() || null,
      position: options.position?.trim() || null,
    },
    select: { id: true },
  });
  if (units.length > 0) {
    await tx.personUnit.createMany({ data: units.map((u) => ({ chamberId, personId: person.id, unitId: u.unitId, head: u.head ?? false })) });
  }
  return person;
}
