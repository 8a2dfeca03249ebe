import { BadInputError, ConflictError } from '../errors.js';
import { authorizeInChamber, requiredText } from '../domain/guards.js';
import type { TenantScope } from '../tenant.js';

/** Declares a chamber variable shared by indicators' formulas (imprese attive al 31/12). */
export async function createVariable(options: TenantScope & { key: string; name: string; unit?: string | null | undefined }): Promise<{ id: string }> {
  const { tx, chamberId } = options;
  authorizeInChamber(options, 'variable.manage');
  const key = options.key.trim();
  // Formulas name variables by key: it must be an identifier of the formula language.
  if (!/^[a-z][a-z0-9_]*$/.test(key)) throw new BadInputError('a variable key is lower snake_case', { field: 'key' });
  if (await tx.variable.findUnique({ where: { chamberId_key: { chamberId, key } }, select: { id: true } })) throw new ConflictError(`variable ${key} exists`, { field: 'key' });
  return tx.variable.create({ data: { chamberId, key, name: requiredText(options.name, 'name'), unit: options.unit?.trim() || null }, select: { id: true } });
}
