import type { Operator, Value } from './types.js';

// Two numbers closer than this (relative to their size, at least 1) are equal. Formula results carry
// binary noise (0.29 * 100 = 28.999999999999996, 200 * 1.15 = 229.99999999999997) that must not decide
// whether a target is met; no target of the chambers is stated to more than 9 significant digits.
const RELATIVE_EPSILON = 1e-9;

/** Whether two numbers are equal up to binary floating-point noise (1e-9 relative). */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Applies a target operator (>=, >, <=, <, =) to a value and a reference of the same kind; numbers compare up to noise, ISO dates chronologically. */
export function compare(value: Value, operator: Operator, reference: Value): boolean {
  if (typeof value === 'number' && typeof reference === 'number') {
    const equal = nearlyEqual(value, reference);
    switch (operator) {
      case '>=':
        return equal || value > reference;
      case '>':
        return !equal && value > reference;
      case '<=':
        return equal || value < reference;
      case '<':
        return !equal && value < reference;
      case '=':
        return equal;
    }
  }
  if (typeof value === 'string' && typeof reference === 'string') {
    // ISO dates (YYYY-MM-DD) order lexicographically as they do chronologically.
    switch (operator) {
      case '>=':
        return value >= reference;
      case '>':
        return value > reference;
      case '<=':
        return value <= reference;
      case '<':
        return value < reference;
      case '=':
        return value === reference;
    }
  }
  if (typeof value === 'boolean' && typeof reference === 'boolean') {
    // A yes/no target is met by the same answer, whatever operator the plan wrote.
    return value === reference;
  }
  return false;
}
