import type { CatalogueFile } from '@albero/plan-format';
import type { Database } from './client.js';
import { Prisma } from './generated/prisma/client.js';
import { withUnitOfWork } from './unit-of-work.js';

export type CatalogueLoadResult = { file: string; year: number; created: number; updated: number; unchanged: number };

/**
 * Publishes a year's system objectives as Unioncamere (one unit of work, actor kind "unioncamere"): new codes
 * are created, changed ones updated, identical ones left alone (so that reloading writes nothing).
 */
export async function loadCatalogue(db: Pick<Database, 'prisma'>, catalogue: CatalogueFile, file: string): Promise<CatalogueLoadResult> {
  return withUnitOfWork(db, { chamberId: null, actor: { kind: 'unioncamere', subject: 'loader' } }, async (tx) => {
    const result: CatalogueLoadResult = { file, year: catalogue.year, created: 0, updated: 0, unchanged: 0 };
    const existing = new Map(
      (await tx.systemObjective.findMany({ where: { year: catalogue.year } })).map((row) => [row.code, row] as const),
    );
    for (const o of catalogue.objectives) {
      const data = {
        title: o.title,
        algorithm: o.algorithm ?? null,
        formula: o.formula ?? null,
        unit: o.unit ?? null,
        direction: o.direction === 'lower-is-better' ? ('lower_is_better' as const) : ('higher_is_better' as const),
        defaultTarget: o.defaultTarget === undefined ? null : new Prisma.Decimal(o.defaultTarget),
        normaliser: o.normaliser ?? null,
      };
      const row = existing.get(o.code);
      if (!row) {
        await tx.systemObjective.create({ data: { ...data, year: catalogue.year, code: o.code, publishedAt: new Date() } });
        result.created++;
        continue;
      }
      const same =
        row.title === data.title &&
        row.algorithm === data.algorithm &&
        row.formula === data.formula &&
        row.unit === data.unit &&
        row.direction === data.direction &&
        String(row.defaultTarget ?? '') === String(data.defaultTarget ?? '') &&
        row.normaliser === data.normaliser &&
        row.publishedAt !== null;
      if (same) {
        result.unchanged++;
      } else {
        await tx.systemObjective.update({ where: { id: row.id }, data: { ...data, publishedAt: row.publishedAt ?? new Date() } });
        result.updated++;
      }
    }
    return result;
  });
}
