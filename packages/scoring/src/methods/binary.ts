import { meetsTarget } from '../meets-target.js';
import type { BinaryExplanation, TargetUsed, Tolerance, Value, ValueSource } from '../types.js';

/** Binary method (yes/no, "SI"): 100 when the target is met (operator, tolerance), else 0. */
export function scoreBinary(value: Value, source: ValueSource, target: TargetUsed, tolerance?: Tolerance): BinaryExplanation {
  const check = meetsTarget(value, target, tolerance);
  const explanation: BinaryExplanation = { rule: 'binary', value, source, target, met: check.met, score: check.met ? 100 : 0 };
  if (check.tolerance) explanation.tolerance = check.tolerance;
  return explanation;
}
