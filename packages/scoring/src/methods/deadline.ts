import type { DeadlineExplanation, TargetUsed, ThresholdsUsed, ValueSource } from '../types.js';

/**
 * Deadline method ("Entro 31/12/2023"; seed 002: luglio / settembre / ottobre): 100 when the date is on or
 * before the target date ('<' strictly before, '=' that very day), else 80 on or before the 80 % threshold
 * date, else 60 on or before the 60 % threshold date, else 0. A deadline is always "by": the operators '>='
 * and '>' (the plan format's default is '>=') are read as "on or before", since a later date is never better.
 */
export function scoreDeadline(date: string, source: ValueSource, target: TargetUsed & { value: string }): DeadlineExplanation {
  const deadline = target.value;
  const thresholds: ThresholdsUsed =
    target.threshold80 !== undefined || target.threshold60 !== undefined
      ? { t80: target.threshold80 ?? null, t60: target.threshold60 ?? null, source: 'explicit' }
      : { t80: null, t60: null, source: 'none', reason: 'non-numeric-target' };
  const onTime = target.operator === '<' ? date < deadline : target.operator === '=' ? date === deadline : date <= deadline;
  let met: DeadlineExplanation['met'] = 'none';
  let score = 0;
  if (onTime) {
    met = 'target';
    score = 100;
  } else if (typeof thresholds.t80 === 'string' && date <= thresholds.t80) {
    met = 't80';
    score = 80;
  } else if (typeof thresholds.t60 === 'string' && date <= thresholds.t60) {
    met = 't60';
    score = 60;
  }
  return { rule: 'deadline', value: date, source, target, thresholds, met, score };
}
