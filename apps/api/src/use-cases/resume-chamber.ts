import type { Tx } from '@albero/db';
import { BadInputError, NotFoundError } from '../errors.js';
import { assertUpdated, assertVersion } from '../domain/guards.js';

/** Resumes a suspended (or cancelled) chamber's subscription. */
export async function resumeChamber(options: { tx: Tx; id: string; version: number }): Promise<void> {
  const chamber = await options.tx.chamber.findUnique({ where: { id: options.id } });
  if (!chamber) throw new NotFoundError('Chamber', options.id);
  assertVersion('Chamber', chamber, options.version);
  if (chamber.subscriptionStatus === 'active' || chamber.subscriptionStatus === 'trial') throw new BadInputError(`chamber ${chamber.code} is already active`);
  const result = await options.tx.chamber.updateMany({
    where: { id: options.id, version: options.version },
    data: { subscriptionStatus: 'active', suspendedAt: null, subscribedAt: chamber.subscribedAt ?? new Date() },
  });
  assertUpdated(result, 'Chamber', options.id, options.version);
}
