import type { Prisma, Tx } from '@albero/db';
import type { ApiActor } from '../actor.js';
import { sqlState } from '../domain/sql-state.js';
import { BadInputError, ForbiddenError } from '../errors.js';
import { authorize } from '../policies.js';

export type BenchmarkKind = 'system_objective' | 'financial_ratio';

/** The longest comparison the API answers (the database refuses more than 30 years). */
export const MAX_BENCHMARK_YEARS = 10;

export type BenchmarkQuery = {
  kind: BenchmarkKind;
  /** One indicator, or every indicator of the kind (the heat map). */
  code?: string | null | undefined;
  fromYear: number;
  toYear: number;
  sizeClass?: string | null | undefined;
  region?: string | null | undefined;
};

export type BenchmarkChamber = {
  id: string | null;
  code: string | null;
  name: string | null;
  label: string;
  isSelf: boolean;
  named: boolean;
  synthetic: boolean;
  region: string | null;
  sizeClass: string | null;
  activeFirms: number | null;
};

export type BenchmarkEntry = {
  chamber: BenchmarkChamber;
  value: number | null;
  valuePer1000Firms: number | null;
  rank: number | null;
  percentile: number | null;
};

export type BenchmarkStats = { n: number; minimum: number | null; q1: number | null; median: number | null; q3: number | null; maximum: number | null };

/** One indicator in one year: its description, the statistics of the compared set and every chamber's entry. */
export type BenchmarkSeries = {
  kind: BenchmarkKind;
  code: string;
  year: number;
  title: string;
  unit: string | null;
  direction: 'higher_is_better' | 'lower_is_better';
  normaliser: 'active_firms' | null;
  stats: BenchmarkStats;
  entries: BenchmarkEntry[];
};

// The columns of benchmark_compare (migration 20261122100000_benchmarking).
type Row = {
  kind: BenchmarkKind;
  code: string;
  year: number;
  title: string | null;
  unit: string | null;
  direction: 'higher_is_better' | 'lower_is_better';
  normaliser: 'active_firms' | null;
  chamber_id: string | null;
  chamber_code: string | null;
  chamber_name: string | null;
  label: string;
  is_self: boolean;
  named: boolean;
  synthetic: boolean;
  region: string | null;
  size_class: string | null;
  active_firms: number | null;
  value: Prisma.Decimal | null;
  value_per_1000_firms: Prisma.Decimal | null;
  rank: number | null;
  percentile: Prisma.Decimal | null;
  n: number;
  minimum: Prisma.Decimal | null;
  q1: Prisma.Decimal | null;
  median: Prisma.Decimal | null;
  q3: Prisma.Decimal | null;
  maximum: Prisma.Decimal | null;
};

const num = (d: Prisma.Decimal | number | null): number | null => (d === null ? null : Number(d));

/** Checks the request's shape: years in order, at most MAX_BENCHMARK_YEARS of them. */
export function validateBenchmarkQuery(q: BenchmarkQuery): void {
  if (q.toYear < q.fromYear) throw new BadInputError('toYear must not precede fromYear', { field: 'toYear' });
  if (q.toYear - q.fromYear + 1 > MAX_BENCHMARK_YEARS) {
    throw new BadInputError(`a comparison spans at most ${MAX_BENCHMARK_YEARS} years`, { field: 'toYear', limit: MAX_BENCHMARK_YEARS });
  }
}

/**
 * Runs benchmark_compare in the unit of work: the database decides from the unit of work's actor who is
 * named and refuses actors that may not compare (42501, answered FORBIDDEN). No API rule is consulted here.
 */
export async function queryBenchmark(tx: Tx, q: BenchmarkQuery): Promise<BenchmarkSeries[]> {
  validateBenchmarkQuery(q);
  let rows: Row[];
  try {
    rows = await tx.$queryRaw<Row[]>`
      SELECT * FROM benchmark_compare(${q.kind}::benchmark_kind, ${q.code ?? null}::text, ${q.fromYear}::int, ${q.toYear}::int,
                                      ${q.sizeClass ?? null}::text, ${q.region ?? null}::text)`;
  } catch (error) {
    const state = sqlState(error);
    if (state === '42501') throw new ForbiddenError('benchmark values are for Unioncamere and for the chambers', { action: 'benchmark.read' });
    if (state === '22023') throw new BadInputError('the comparison spans too many years', { field: 'toYear' });
    throw error;
  }
  const series: BenchmarkSeries[] = [];
  let current: BenchmarkSeries | undefined;
  for (const r of rows) {
    if (current?.kind !== r.kind || current.code !== r.code || current.year !== r.year) {
      current = {
        kind: r.kind,
        code: r.code,
        year: r.year,
        title: r.title ?? r.code,
        unit: r.unit,
        direction: r.direction,
        normaliser: r.normaliser,
        stats: { n: r.n, minimum: num(r.minimum), q1: num(r.q1), median: num(r.median), q3: num(r.q3), maximum: num(r.maximum) },
        entries: [],
      };
      series.push(current);
    }
    current.entries.push({
      chamber: {
        id: r.chamber_id,
        code: r.chamber_code,
        name: r.chamber_name,
        label: r.label,
        isSelf: r.is_self,
        named: r.named,
        synthetic: r.synthetic,
        region: r.region,
        sizeClass: r.size_class,
        activeFirms: r.active_firms,
      },
      value: num(r.value),
      valuePer1000Firms: num(r.value_per_1000_firms),
      rank: r.rank,
      percentile: num(r.percentile),
    });
  }
  return series;
}

/** The comparison as the caller may ask it: the API's rule first, then the database's. */
export async function compareBenchmark(options: { tx: Tx; actor: ApiActor } & BenchmarkQuery): Promise<BenchmarkSeries[]> {
  authorize(options.actor, 'benchmark.read');
  return queryBenchmark(options.tx, options);
}
