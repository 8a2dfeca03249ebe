import { compare } from './compare.js';
import type { Tolerance, ToleranceUsed } from './types.js';

/**
 * Whether a numeric value lies within the tolerance of the target: |value − target| ≤ allowed, where allowed
 * is the absolute tolerance or the relative one (percent of |target|), the larger when both are given.
 * `metWithout` says whether the operator alone was already met, so the explanation records whether the
 * tolerance decided the outcome.
 */
export function applyTolerance(value: number, target: number, tolerance: Tolerance, metWithout: boolean): ToleranceUsed {
  const absolute = tolerance.absolute ?? 0;
  const relative = tolerance.relative === undefined ? 0 : (Math.abs(target) * tolerance.relative) / 100;
  const allowed = Math.max(absolute, relative);
  const distance = Math.abs(value - target);
  const within = compare(distance, '<=', allowed);
  const used: ToleranceUsed = { allowed, distance, applied: !metWithout && within, reason: tolerance.reason };
  if (tolerance.absolute !== undefined) used.absolute = tolerance.absolute;
  if (tolerance.relative !== undefined) used.relative = tolerance.relative;
  return used;
}
