import { BadInputError, NotFoundError } from '../errors.js';
import { assertUpdated, assertVersion, authorizeInChamber, requiredText } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

type UnitKind = 'area' | 'servizio' | 'ufficio' | 'uo' | 'azienda_speciale' | 'staff' | 'segreteria';

/** Renames, re-kinds or re-parents a unit; a unit cannot move under itself or one of its descendants. */
export async function updateUnit(
  options: TenantScope & { id: string; version: number; name?: string | null | undefined; kind?: UnitKind | null | undefined; parentId?: string | null | undefined },
): Promise<void> {
  const { tx, chamberId, id, version } = options;
  authorizeInChamber(options, 'unit.manage');
  const unit = await tx.orgUnit.findUnique({ where: { chamberId_id: { chamberId, id } } });
  if (!unit) throw new NotFoundError('OrgUnit', id);
  assertVersion('OrgUnit', unit, version);
  if (options.parentId) {
    // Walk up from the new parent: meeting the unit itself would make a cycle.
    for (let at: string | null = options.parentId; at !== null; ) {
      if (at === id) throw new BadInputError('a unit cannot be placed under itself or one of its own units', { field: 'parentId' });
      const row: { parentId: string | null } | null = await tx.orgUnit.findUnique({ where: { chamberId_id: { chamberId, id: at } }, select: { parentId: true } });
      if (!row) throw new NotFoundError('OrgUnit', at);
      at = row.parentId;
    }
  }
  const result = await tx.orgUnit.updateMany({
    where: { chamberId, id, version },
    data: {
      ...(options.name != null ? { name: requiredText(options.name, 'name') } : {}),
      ...(options.kind != null ? { kind: options.kind } : {}),
      ...(options.parentId !== undefined ? { parentId: options.parentId } : {}),
    },
  });
  assertUpdated(result, 'OrgUnit', id, version);
}
