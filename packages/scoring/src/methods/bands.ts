import { compare } from '../compare.js';
import { meetsTarget } from '../meets-target.js';
import type { Band, BandsExplanation, Direction, TargetUsed, Tolerance, ValueSource } from '../types.js';

/**
 * Chamber band table: the achievement ratio in percent of the target (value/target, or target/value for
 * lower-is-better; 100 when the target is met, also through tolerance) selects the band with the highest
 * minPercentOfTarget it reaches; below every band the score is 0. A zero or negative target has no ratio:
 * the target alone decides (met → the score of the 100 % band, else 0).
 */
export function scoreBands(
  value: number,
  source: ValueSource,
  target: TargetUsed & { value: number },
  direction: Direction,
  bands: Band[],
  tolerance?: Tolerance,
): BandsExplanation {
  const t = target.value;
  const check = meetsTarget(value, target, tolerance);
  let percent: number | null = null;
  let fallback: BandsExplanation['fallback'];
  if (t > 0) {
    if (direction === 'higher-is-better') percent = (value / t) * 100;
    else percent = value > 0 ? (t / value) * 100 : 100;
  } else fallback = 'non-positive-target';
  if (check.met) percent = percent === null ? 100 : Math.max(percent, 100);
  let band: Band | null = null;
  if (percent !== null) {
    for (const b of bands) {
      if (compare(percent, '>=', b.minPercentOfTarget) && (band === null || b.minPercentOfTarget > band.minPercentOfTarget)) band = b;
    }
  }
  const explanation: BandsExplanation = {
    rule: 'bands',
    value,
    source,
    target,
    percentOfTarget: percent,
    bands,
    band,
    met: check.met,
    score: band === null ? 0 : band.score,
  };
  if (fallback) explanation.fallback = fallback;
  if (check.tolerance) explanation.tolerance = check.tolerance;
  return explanation;
}
