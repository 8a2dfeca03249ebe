// Generates the threshold cases of an indicator with explicit thresholds: at, just better than and just
// worse than the target and each threshold, with the score the step (or deadline) rule must give.
import type { Direction, IndicatorInput, Value } from '../src/types.js';

export type ThresholdCase = { name: string; value: Value; expected: number };

const shiftDate = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Cases for an indicator whose target has explicit thresholds (numbers or ISO dates). */
export function thresholdCases(indicator: IndicatorInput): ThresholdCase[] {
  const target = indicator.target;
  if (!target) return [];
  const direction: Direction = typeof target.value === 'string' ? 'lower-is-better' : indicator.direction;
  const levels = [
    { label: 'target', at: target.value, score: 100 },
    { label: 'threshold 80 %', at: target.threshold80, score: 80 },
    { label: 'threshold 60 %', at: target.threshold60, score: 60 },
  ].filter((l): l is { label: string; at: Value; score: number } => l.at !== undefined);
  const numbers = levels.map((l) => l.at).filter((v): v is number => typeof v === 'number');
  // "just" = a tenth of the smallest gap between levels (or of the target itself when there is one level).
  let gap = Infinity;
  for (let i = 1; i < numbers.length; i++) gap = Math.min(gap, Math.abs((numbers[i] as number) - (numbers[i - 1] as number)));
  if (!Number.isFinite(gap) || gap === 0) gap = Math.abs((numbers[0] as number) || 1);
  const delta = gap / 10;
  const better = (v: Value): Value =>
    typeof v === 'string' ? shiftDate(v, -1) : direction === 'higher-is-better' ? (v as number) + delta : (v as number) - delta;
  const worse = (v: Value): Value =>
    typeof v === 'string' ? shiftDate(v, 1) : direction === 'higher-is-better' ? (v as number) - delta : (v as number) + delta;
  const cases: ThresholdCase[] = [];
  levels.forEach((level, i) => {
    const below = levels[i + 1]?.score ?? 0;
    cases.push({ name: `at the ${level.label} (${String(level.at)}) → ${level.score}`, value: level.at, expected: level.score });
    cases.push({ name: `just better than the ${level.label} (${String(better(level.at))}) → ${level.score}`, value: better(level.at), expected: level.score });
    cases.push({ name: `just worse than the ${level.label} (${String(worse(level.at))}) → ${below}`, value: worse(level.at), expected: below });
  });
  return cases;
}
