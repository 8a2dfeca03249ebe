import type { Tx } from '@albero/db';
import { BadInputError, ConflictError } from '../errors.js';
import { requiredText } from '../domain/guards.js';

/** Subscribes a new chamber (tenant) to the platform: active at once, with its code as organisation alias. */
export async function subscribeChamber(options: { tx: Tx; code: string; name: string; region?: string | null | undefined }): Promise<{ id: string }> {
  const code = options.code.trim().toUpperCase();
  // The code is the Keycloak Organization alias (lower case) of the chamber's users.
  if (!/^[A-Z][A-Z0-9]{1,5}$/.test(code)) throw new BadInputError('a chamber code is 2 to 6 letters or digits, starting with a letter', { field: 'code' });
  const existing = await options.tx.chamber.findFirst({ where: { code: { equals: code, mode: 'insensitive' } }, select: { id: true } });
  if (existing) throw new ConflictError(`chamber ${code} is already subscribed`, { id: existing.id });
  const chamber = await options.tx.chamber.create({
    data: { code, name: requiredText(options.name, 'name'), region: options.region?.trim() || null, subscriptionStatus: 'active', subscribedAt: new Date() },
    select: { id: true },
  });
  return chamber;
}
