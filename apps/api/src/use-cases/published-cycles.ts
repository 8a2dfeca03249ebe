import { setScope, withUnitOfWork, type Database } from '@albero/db';
import { NotFoundError } from '../errors.js';

export type PublicCycle = {
  year: number;
  title: string;
  horizonStart: number;
  horizonEnd: number;
  resolutionNumber: string | null;
  resolutionDate: Date | null;
  publishedAt: Date | null;
};

/**
 * The published cycles of a chamber, latest first, for its public page: like publicReport, in a unit of work
 * of its own scoped to the chamber named and acting as the public; only cycles in state `published` (an
 * unknown chamber: NOT_FOUND). Years, titles and dates only: no id, person, workflow or audit field.
 */
export async function publishedCycles(options: { db: Pick<Database, 'prisma'>; chamberCode: string }): Promise<PublicCycle[]> {
  return withUnitOfWork(options.db, { chamberId: null, actor: { kind: 'public', subject: null } }, async (tx) => {
    const chamber = await tx.chamber.findFirst({ where: { code: { equals: options.chamberCode.trim(), mode: 'insensitive' } }, select: { id: true } });
    if (!chamber) throw new NotFoundError('Chamber', options.chamberCode);
    await setScope(tx, { chamberId: chamber.id, actor: { kind: 'public', subject: null } });
    const cycles = await tx.cycle.findMany({
      where: { chamberId: chamber.id, state: 'published' },
      orderBy: { year: 'desc' },
      select: { year: true, horizonStart: true, horizonEnd: true, resolutionNumber: true, resolutionDate: true, reports: { where: { kind: 'relazione' }, select: { publishedAt: true } } },
    });
    return cycles.map((c) => ({
      year: c.year,
      title: `Relazione sulla performance ${c.year}`,
      horizonStart: c.horizonStart,
      horizonEnd: c.horizonEnd,
      resolutionNumber: c.resolutionNumber,
      resolutionDate: c.resolutionDate,
      publishedAt: c.reports[0]?.publishedAt ?? null,
    }));
  });
}
