import { ConflictError, NotFoundError } from '../errors.js';
import { authorizeInChamber, requiredText } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

type UnitKind = 'area' | 'servizio' | 'ufficio' | 'uo' | 'azienda_speciale' | 'staff' | 'segreteria';

/** Creates an organisational unit of the chamber, optionally under a parent unit. */
export async function createUnit(options: TenantScope & { code: string; name: string; kind: UnitKind; parentId?: string | null | undefined }): Promise<{ id: string }> {
  const { tx, chamberId } = options;
  authorizeInChamber(options, 'unit.manage');
  const code = requiredText(options.code, 'code', 1);
  if (options.parentId) {
    const parent = await tx.orgUnit.findUnique({ where: { chamberId_id: { chamberId, id: options.parentId } }, select: { id: true } });
    if (!parent) throw new NotFoundError('OrgUnit', options.parentId);
  }
  if (await tx.orgUnit.findUnique({ where: { chamberId_code: { chamberId, code } }, select: { id: true } })) {
    throw new ConflictError(`a unit with code ${code} exists`, { field: 'code' });
  }
  return tx.orgUnit.create({
    data: { chamberId, code, name: requiredText(options.name, 'name'), kind: options.kind, parentId: options.parentId ?? null },
    select: { id: true },
  });
}
