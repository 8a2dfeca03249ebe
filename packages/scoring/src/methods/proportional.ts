import { meetsTarget } from '../meets-target.js';
import type { Direction, ProportionalExplanation, TargetUsed, Tolerance, ValueSource } from '../types.js';

/**
 * Proportional method: 100 when the target is met (also through tolerance), else the achievement ratio
 * value/target (higher-is-better) or target/value (lower-is-better) × 100, capped to 0–100. The ratio of a
 * zero or negative target is undefined: then the target alone decides (met → 100, else 0).
 */
export function scoreProportional(
  value: number,
  source: ValueSource,
  target: TargetUsed & { value: number },
  direction: Direction,
  tolerance?: Tolerance,
): ProportionalExplanation {
  const t = target.value;
  const check = meetsTarget(value, target, tolerance);
  let ratio: number | null = null;
  let fallback: ProportionalExplanation['fallback'];
  if (t > 0) {
    if (direction === 'higher-is-better') ratio = value / t;
    else ratio = value > 0 ? t / value : null; // a value <= 0 against a positive target meets any lower-is-better target
  } else {
    fallback = 'non-positive-target';
  }
  let score: number;
  let capped = false;
  if (check.met) {
    score = 100;
    capped = ratio !== null && ratio > 1;
  } else if (ratio === null) {
    score = 0;
  } else {
    score = ratio * 100;
    if (score > 100) {
      score = 100;
      capped = true;
    } else if (score < 0) score = 0;
  }
  const explanation: ProportionalExplanation = { rule: 'proportional', value, source, target, ratio, met: check.met, capped, score };
  if (fallback) explanation.fallback = fallback;
  if (check.tolerance) explanation.tolerance = check.tolerance;
  return explanation;
}
