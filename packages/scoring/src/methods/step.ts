import { compare } from '../compare.js';
import { meetsTarget } from '../meets-target.js';
import { resolveThresholds } from '../thresholds.js';
import type { Direction, StepExplanation, TargetUsed, Tolerance, ValueSource } from '../types.js';

/**
 * Step method (seed 002): 100 when the target is met (operator, tolerance), else 80 when the value reaches
 * the 80 % threshold, else 60 at the 60 % threshold, else 0. A threshold is reached when value >= it
 * (higher-is-better) or value <= it (lower-is-better), inclusive whatever the target's operator.
 */
export function scoreStep(
  value: number,
  source: ValueSource,
  target: TargetUsed,
  direction: Direction,
  stepBands: { threshold80: number; threshold60: number },
  tolerance?: Tolerance,
): StepExplanation {
  const check = meetsTarget(value, target, tolerance);
  const thresholds = resolveThresholds(target, direction, stepBands);
  const reach = direction === 'higher-is-better' ? '>=' : '<=';
  let met: StepExplanation['met'] = 'none';
  let score = 0;
  if (check.met) {
    met = 'target';
    score = 100;
  } else if (typeof thresholds.t80 === 'number' && compare(value, reach, thresholds.t80)) {
    met = 't80';
    score = 80;
  } else if (typeof thresholds.t60 === 'number' && compare(value, reach, thresholds.t60)) {
    met = 't60';
    score = 60;
  }
  const explanation: StepExplanation = { rule: 'step', value, source, target, thresholds, met, score };
  if (check.tolerance) explanation.tolerance = check.tolerance;
  return explanation;
}
