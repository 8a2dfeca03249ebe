import type { Tx } from '@albero/db';
import { BadInputError, NotFoundError } from '../errors.js';
import { assertUpdated, assertVersion } from '../domain/guards.js';

/** Suspends a chamber's subscription: its users are refused until it is resumed; its data stays. */
export async function suspendChamber(options: { tx: Tx; id: string; version: number }): Promise<void> {
  const chamber = await options.tx.chamber.findUnique({ where: { id: options.id } });
  if (!chamber) throw new NotFoundError('Chamber', options.id);
  assertVersion('Chamber', chamber, options.version);
  if (chamber.subscriptionStatus === 'suspended') throw new BadInputError(`chamber ${chamber.code} is already suspended`);
  const result = await options.tx.chamber.updateMany({
    where: { id: options.id, version: options.version },
    data: { subscriptionStatus: 'suspended', suspendedAt: new Date() },
  });
  assertUpdated(result, 'Chamber', options.id, options.version);
}
