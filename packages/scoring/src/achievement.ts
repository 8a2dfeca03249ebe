import { meetsTarget } from './meets-target.js';
import type { AchievementExplanation, TargetUsed, Tolerance } from './types.js';

/**
 * Achievement of a node against its own target (strategic objective: risultato misurato >= 80): 100 when
 * met; otherwise, with the default 'proportional' method, result/target × 100 (capped 0–100; 0 for a zero
 * or negative target), with 'binary' 0. Sondrio 2024: 97.60 against 80 → 100.
 */
export function scoreAchievement(
  result: number,
  target: TargetUsed,
  method: 'proportional' | 'binary',
  tolerance?: Tolerance,
): AchievementExplanation {
  const t = target.value;
  if (typeof t !== 'number') return { rule: 'not-computable', reason: 'invalid-value', detail: { value: t } };
  const check = meetsTarget(result, target, tolerance);
  let achievement = 100;
  if (!check.met) {
    achievement = method === 'binary' || !(t > 0) ? 0 : Math.min(100, Math.max(0, (result / t) * 100));
  }
  const explanation: AchievementExplanation = { rule: 'achievement', result, target, met: check.met, method, achievement };
  if (check.tolerance) explanation.tolerance = check.tolerance;
  return explanation;
}
