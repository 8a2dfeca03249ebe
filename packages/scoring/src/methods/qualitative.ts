import type { NotComputableExplanation, QualitativeExplanation, ValueSource } from '../types.js';

/** Qualitative method: the evaluator's entered assessment (0–100) is the score; outside 0–100 it is not computable. */
export function scoreQualitative(value: number, source: ValueSource): QualitativeExplanation | NotComputableExplanation {
  if (!(value >= 0 && value <= 100)) return { rule: 'not-computable', reason: 'out-of-range', detail: { value } };
  return { rule: 'qualitative', value, source, score: value };
}
