// Numbers in form fields: written without grouping in the interface's language ("1234,5"), so that parseNumber
// (format/format.ts) reads them back; typed the Italian way ("1.234,56", "12,5") or the English way ("12.5").
import { parseNumber } from '../../format/format.js';

/** A number as it is typed in this locale, without grouping ("1234,5"); empty for none. */
export function numberText(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const text = String(value);
  return locale.startsWith('it') ? text.replace('.', ',') : text;
}

/** The number typed (null when empty or not a number). */
export function readNumber(text: string): number | null {
  return parseNumber(text);
}

export type NumberRule = { required?: boolean; min?: number; max?: number };

/** What is wrong with a typed number: 'required', 'invalid', 'range', or null when it is acceptable. */
export function numberProblem(text: string, rule: NumberRule = {}): 'required' | 'invalid' | 'range' | null {
  if (text.trim() === '') return rule.required ? 'required' : null;
  const value = parseNumber(text);
  if (value === null) return 'invalid';
  if ((rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max)) return 'range';
  return null;
}
