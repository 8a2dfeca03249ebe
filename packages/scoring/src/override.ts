import type { IndicatorExplanation, NodeExplanation, Override, OverrideExplanation } from './types.js';

/** Thrown for engine input that no rule can score (an override without a reason, a score outside 0–100). */
export class ScoringInputError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ScoringInputError';
    this.code = code;
  }
}

/** A justified score (OIV) replaces the computed one; the computed score and its explanation stay in the result. */
export function applyOverride(
  computed: number | null,
  computedExplanation: IndicatorExplanation | NodeExplanation,
  override: Override,
  code: string,
): OverrideExplanation {
  if (override.reason.trim() === '') throw new ScoringInputError('override-without-reason', `the override of ${code} has no reason`);
  if (!(override.score >= 0 && override.score <= 100)) {
    throw new ScoringInputError('override-out-of-range', `the override of ${code} is ${override.score}, outside 0-100`);
  }
  const explanation: OverrideExplanation = {
    rule: 'override',
    computed,
    computedExplanation,
    score: override.score,
    reason: override.reason,
    by: override.by,
  };
  if (override.date !== undefined) explanation.date = override.date;
  return explanation;
}
