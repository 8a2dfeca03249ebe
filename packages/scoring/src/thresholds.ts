import type { Direction, ThresholdsUsed, TargetUsed } from './types.js';

// Shared, frozen results where no band can be derived, so the common paths allocate nothing extra.
const NON_NUMERIC: ThresholdsUsed = Object.freeze({ t80: null, t60: null, source: 'none', reason: 'non-numeric-target' });
const NON_POSITIVE: ThresholdsUsed = Object.freeze({ t80: null, t60: null, source: 'none', reason: 'non-positive-target' });

/**
 * The 80 % and 60 % thresholds of a step rule, as values on the indicator's scale. Explicit thresholds
 * (seed 002: 880 / 704 / 528; days 28 / 29 / 30) are used as written; a threshold the plan leaves blank
 * is absent (no such step). Without explicit thresholds they are bands of the target: the achievement
 * ratio value/target (higher-is-better) or target/value (lower-is-better) must reach 80 % or 60 %, i.e.
 * value >= 0.8 × target, or value <= target / 0.8. A percentage of a zero or negative target (the payment
 * timeliness index −12) or of a date is undefined: then there are no thresholds and only the target counts.
 */
export function resolveThresholds(
  target: TargetUsed,
  direction: Direction,
  stepBands: { threshold80: number; threshold60: number },
): ThresholdsUsed {
  if (target.threshold80 !== undefined || target.threshold60 !== undefined) {
    return { t80: target.threshold80 ?? null, t60: target.threshold60 ?? null, source: 'explicit' };
  }
  const t = target.value;
  if (typeof t !== 'number') return NON_NUMERIC;
  if (!(t > 0)) return NON_POSITIVE;
  // The configured bands object itself, not a copy: every explanation of a cycle shares it.
  const bands = stepBands;
  if (direction === 'higher-is-better') {
    return { t80: (t * bands.threshold80) / 100, t60: (t * bands.threshold60) / 100, source: 'bands', bands };
  }
  return { t80: (t * 100) / bands.threshold80, t60: (t * 100) / bands.threshold60, source: 'bands', bands };
}
