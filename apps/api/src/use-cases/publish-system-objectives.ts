import { Prisma, type Tx } from '@albero/db';
import type { ApiActor } from '../actor.js';
import { assertUpdated, assertVersion } from '../domain/guards.js';
import { BadInputError, ConflictError } from '../errors.js';
import { authorize } from '../policies.js';

export type SystemObjectiveInput = {
  code: string;
  title: string;
  algorithm?: string | null | undefined;
  formula?: string | null | undefined;
  unit?: string | null | undefined;
  direction?: 'higher_is_better' | 'lower_is_better' | null | undefined;
  defaultTarget?: number | null | undefined;
  normaliser?: 'active_firms' | null | undefined;
  /** The version read, for an objective already in the year's catalogue; absent for a new one. */
  version?: number | null | undefined;
};

/**
 * Publishes (part of) a year's catalogue of system objectives: each objective is created, or updated when
 * its year and code exist (the version read must match), and marked published now. The platform trail
 * records every row (trigger on system_objective).
 */
export async function publishSystemObjectives(options: { tx: Tx; actor: ApiActor; year: number; objectives: SystemObjectiveInput[] }): Promise<string[]> {
  const { tx, year, objectives } = options;
  authorize(options.actor, 'benchmark.publishCatalogue');
  if (objectives.length === 0) throw new BadInputError('at least one objective is required', { field: 'objectives' });
  const codes = objectives.map((o) => o.code);
  const repeated = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (repeated.length > 0) throw new BadInputError(`objective codes repeated: ${[...new Set(repeated)].join(', ')}`, { field: 'objectives', codes: repeated });

  const existing = new Map((await tx.systemObjective.findMany({ where: { year, code: { in: codes } } })).map((o) => [o.code, o]));
  const publishedAt = new Date();
  const ids: string[] = [];
  for (const o of objectives) {
    const data = {
      title: o.title,
      algorithm: o.algorithm ?? null,
      formula: o.formula ?? null,
      unit: o.unit ?? null,
      direction: o.direction ?? 'higher_is_better',
      defaultTarget: o.defaultTarget == null ? null : new Prisma.Decimal(o.defaultTarget),
      normaliser: o.normaliser ?? null,
      publishedAt,
    } as const;
    const row = existing.get(o.code);
    if (row) {
      if (o.version == null) {
        throw new ConflictError(`system objective ${o.code} of ${year} exists: send the version you read to update it`, { entity: 'SystemObjective', id: row.id, objective: o.code });
      }
      assertVersion('SystemObjective', row, o.version);
      assertUpdated(await tx.systemObjective.updateMany({ where: { id: row.id, version: o.version }, data }), 'SystemObjective', row.id, o.version);
      ids.push(row.id);
    } else {
      if (o.version != null) {
        throw new ConflictError(`system objective ${o.code} of ${year} does not exist (any more): publish it without a version`, { entity: 'SystemObjective', objective: o.code, version: o.version });
      }
      ids.push((await tx.systemObjective.create({ data: { year, code: o.code, ...data }, select: { id: true } })).id);
    }
  }
  return ids;
}
