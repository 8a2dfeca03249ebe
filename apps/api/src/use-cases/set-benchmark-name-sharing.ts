import { assertVersion, authorizeInChamber } from '../domain/guards.js';
import { sqlState } from '../domain/sql-state.js';
import { ForbiddenError, NotFoundError, staleVersion } from '../errors.js';
import type { TenantScope } from '../tenant.js';

/**
 * Whether the chamber's peers see its name in benchmarks. The chamber row is the platform's: the one column
 * a chamber may set is written by the database function set_benchmark_name_sharing (migration
 * 20261122120000_benchmark_sharing), which acts on the unit of work's own chamber only.
 */
export async function setBenchmarkNameSharing(options: TenantScope & { share: boolean; version: number }): Promise<number> {
  const { tx, chamberId, version } = options;
  authorizeInChamber(options, 'benchmark.shareName');
  const chamber = await tx.chamber.findUnique({ where: { id: chamberId }, select: { id: true, version: true } });
  if (!chamber) throw new NotFoundError('Chamber', chamberId);
  assertVersion('Chamber', chamber, version);
  try {
    const rows = await tx.$queryRaw<{ version: number }[]>`SELECT set_benchmark_name_sharing(${options.share}::boolean, ${version}::int) AS version`;
    return rows[0]!.version;
  } catch (error) {
    const state = sqlState(error);
    if (state === '40001') throw staleVersion('Chamber', chamberId, version);
    if (state === '42501') throw new ForbiddenError('only a chamber user may share its name', { action: 'benchmark.shareName' });
    throw error;
  }
}
