// Typed values of targets and measurements: a number, a date or a yes/no, matching the indicator's value type.
import { BadInputError } from '../errors.js';

type ValueType = 'number' | 'date' | 'boolean' | 'qualitative';
type Operator = 'gte' | 'gt' | 'lte' | 'lt' | 'eq';

export type ValueInput = { valueNumber?: number | null | undefined; valueDate?: Date | null | undefined; valueBoolean?: boolean | null | undefined };

export type TargetValueInput = ValueInput & {
  operator?: Operator | null | undefined;
  threshold80Number?: number | null | undefined;
  threshold80Date?: Date | null | undefined;
  threshold60Number?: number | null | undefined;
  threshold60Date?: Date | null | undefined;
};

const given = (v: unknown) => v !== null && v !== undefined;

function finite(n: number | null | undefined, field: string): number | null {
  if (n === null || n === undefined) return null;
  if (!Number.isFinite(n)) throw new BadInputError(`${field} must be a finite number`, { field });
  return n;
}

/** A measured value for the indicator's type; all three absent means "reported as missing" (---). */
export function measurementValues(input: ValueInput, valueType: ValueType) {
  const kinds = [given(input.valueNumber), given(input.valueDate), given(input.valueBoolean)].filter(Boolean).length;
  if (kinds > 1) throw new BadInputError('give one value: a number, a date or a yes/no', { field: 'value' });
  const expected = valueType === 'date' ? 'valueDate' : valueType === 'boolean' ? 'valueBoolean' : 'valueNumber';
  if (kinds === 1 && !given(input[expected])) throw new BadInputError(`this indicator takes ${expected}`, { field: expected });
  const n = input.valueNumber;
  if (valueType === 'qualitative' && n !== null && n !== undefined && !(n >= 0 && n <= 100)) {
    throw new BadInputError('a qualitative score is between 0 and 100', { field: 'valueNumber' });
  }
  return { valueNumber: finite(input.valueNumber, 'valueNumber'), valueDate: input.valueDate ?? null, valueBoolean: input.valueBoolean ?? null };
}

/** A target's value and thresholds for the indicator's type (thresholds only for numbers and dates). */
export function targetValues(input: TargetValueInput, valueType: ValueType) {
  const value = measurementValues(input, valueType);
  if (!given(value.valueNumber) && !given(value.valueDate) && !given(value.valueBoolean)) throw new BadInputError('a target needs a value', { field: 'value' });
  const numeric = valueType === 'number' || valueType === 'qualitative';
  if (!numeric && (given(input.threshold80Number) || given(input.threshold60Number))) throw new BadInputError('numeric thresholds need a numeric indicator', { field: 'threshold80Number' });
  if (valueType !== 'date' && (given(input.threshold80Date) || given(input.threshold60Date))) throw new BadInputError('date thresholds need a date indicator', { field: 'threshold80Date' });
  return {
    ...value,
    threshold80Number: finite(input.threshold80Number, 'threshold80Number'),
    threshold80Date: input.threshold80Date ?? null,
    threshold60Number: finite(input.threshold60Number, 'threshold60Number'),
    threshold60Date: input.threshold60Date ?? null,
  };
}
