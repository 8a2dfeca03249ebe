// The editable fields of an indicator, shared by its create and update use cases.
import { Prisma } from '@albero/db';
import { BadInputError } from '../errors.js';

export type IndicatorFields = {
  code?: string | null | undefined;
  algorithm?: string | null | undefined;
  formula?: string | null | undefined;
  rollupChildren?: boolean | null | undefined;
  unit?: string | null | undefined;
  valueType?: 'number' | 'date' | 'boolean' | 'qualitative' | null | undefined;
  typology?: string | null | undefined;
  direction?: 'higher_is_better' | 'lower_is_better' | null | undefined;
  scoringMethod?: 'step' | 'proportional' | 'binary' | 'deadline' | 'bands' | 'qualitative' | null | undefined;
  scoringBands?: { minPercentOfTarget: number; score: number }[] | null | undefined;
  toleranceAbsolute?: number | null | undefined;
  toleranceRelative?: number | null | undefined;
  toleranceReason?: string | null | undefined;
  weight?: number | null | undefined;
  dataSource?: string | null | undefined;
  frequency?: 'annual' | 'semiannual' | 'quarterly' | 'monthly' | null | undefined;
  responsible?: string | null | undefined;
  baselineNumber?: number | null | undefined;
  baselineDate?: Date | null | undefined;
  baselineBoolean?: boolean | null | undefined;
  baselineYear?: number | null | undefined;
  baselineLabel?: string | null | undefined;
  note?: string | null | undefined;
};

/** The fields that change how an indicator is scored: fixed once the plan is approved. */
export const SCORING_FIELDS = [
  'formula',
  'rollupChildren',
  'valueType',
  'direction',
  'scoringMethod',
  'scoringBands',
  'toleranceAbsolute',
  'toleranceRelative',
  'weight',
  'baselineNumber',
  'baselineDate',
  'baselineBoolean',
] as const satisfies readonly (keyof IndicatorFields)[];

const text = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() || null);

/** The update data for the given fields (absent fields untouched, null clears where a field may be empty). */
export function indicatorData(f: IndicatorFields): Prisma.IndicatorUpdateManyMutationInput {
  if (f.weight != null && !(f.weight >= 0 && f.weight <= 100)) throw new BadInputError('a weight is between 0 and 100', { field: 'weight' });
  if ((f.toleranceAbsolute != null || f.toleranceRelative != null) && !f.toleranceReason?.trim()) {
    throw new BadInputError('a tolerance needs its reason', { field: 'toleranceReason' });
  }
  if (f.scoringBands?.some((b) => !(b.score >= 0 && b.score <= 100) || !Number.isFinite(b.minPercentOfTarget))) {
    throw new BadInputError('a band gives a score between 0 and 100 from a percentage of the target', { field: 'scoringBands' });
  }
  const data: Prisma.IndicatorUpdateManyMutationInput = {
    code: text(f.code),
    algorithm: text(f.algorithm),
    formula: text(f.formula),
    unit: text(f.unit),
    typology: text(f.typology),
    dataSource: text(f.dataSource),
    responsible: text(f.responsible),
    toleranceReason: text(f.toleranceReason),
    baselineLabel: text(f.baselineLabel),
    note: text(f.note),
    rollupChildren: f.rollupChildren ?? undefined,
    valueType: f.valueType ?? undefined,
    direction: f.direction ?? undefined,
    scoringMethod: f.scoringMethod,
    scoringBands: f.scoringBands === undefined ? undefined : f.scoringBands === null ? Prisma.DbNull : f.scoringBands,
    toleranceAbsolute: f.toleranceAbsolute,
    toleranceRelative: f.toleranceRelative,
    weight: f.weight ?? undefined,
    frequency: f.frequency,
    baselineNumber: f.baselineNumber,
    baselineDate: f.baselineDate,
    baselineBoolean: f.baselineBoolean,
    baselineYear: f.baselineYear,
  };
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}
