import type { NotComputableExplanation, Target, TargetUsed, Value } from './types.js';

/**
 * Resolves the target to score against: the revised target when there is one (the original kept in
 * `original`), and for a target relative to the baseline the absolute value baseline × (1 + change/100):
 * ">= +15 %" on a baseline of 200 means value >= 230. Explicit thresholds of a relative target are
 * percent changes too. A revision brings its own thresholds (or none: then bands of the revised target apply).
 */
export function resolveTarget(target: Target, baseline: Value | null | undefined): TargetUsed | NotComputableExplanation {
  const revised = target.revised;
  const value = revised ? revised.value : target.value;
  // A revision replaces the thresholds too: the planned ones belonged to the old target, so a revision
  // without thresholds falls back to the SMVP's bands of the revised target.
  const threshold80 = revised ? revised.threshold80 : target.threshold80;
  const threshold60 = revised ? revised.threshold60 : target.threshold60;
  const used: TargetUsed = { operator: target.operator, value, source: revised ? 'revised' : 'original' };
  if (revised) {
    used.original = { value: target.value };
    if (target.threshold80 !== undefined) used.original.threshold80 = target.threshold80;
    if (target.threshold60 !== undefined) used.original.threshold60 = target.threshold60;
    used.revision = { date: revised.date, reason: revised.reason };
  }
  if (target.label !== undefined) used.label = target.label;
  if (target.relativeToBaseline) {
    if (typeof baseline !== 'number' || !Number.isFinite(baseline)) {
      return { rule: 'not-computable', reason: 'no-baseline', detail: { value: baseline ?? null } };
    }
    if (typeof value !== 'number') return { rule: 'not-computable', reason: 'invalid-value', detail: { value } };
    used.source = 'relative-to-baseline';
    used.baseline = baseline;
    used.relativeChange = value;
    used.value = applyChange(baseline, value);
    if (typeof threshold80 === 'number') used.threshold80 = applyChange(baseline, threshold80);
    if (typeof threshold60 === 'number') used.threshold60 = applyChange(baseline, threshold60);
    return used;
  }
  if (threshold80 !== undefined) used.threshold80 = threshold80;
  if (threshold60 !== undefined) used.threshold60 = threshold60;
  return used;
}

// baseline × (100 + change) / 100 rather than baseline × 1.15: 200 × 115 / 100 = 230 exactly.
function applyChange(baseline: number, percentChange: number): number {
  return (baseline * (100 + percentChange)) / 100;
}
