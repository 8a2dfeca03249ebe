import { compare } from './compare.js';
import { applyTolerance } from './tolerance.js';
import type { TargetUsed, Tolerance, ToleranceUsed, Value } from './types.js';

export type TargetCheck = { met: boolean; tolerance?: ToleranceUsed };

// Shared results for the common case without tolerance: scoring allocates nothing to say met / not met.
const MET: TargetCheck = Object.freeze({ met: true });
const NOT_MET: TargetCheck = Object.freeze({ met: false });

/** Whether a value meets the target under its operator, or (numbers only) within the tolerance. */
export function meetsTarget(value: Value, target: TargetUsed, tolerance: Tolerance | undefined): TargetCheck {
  const met = compare(value, target.operator, target.value);
  if (tolerance === undefined || typeof value !== 'number' || typeof target.value !== 'number') return met ? MET : NOT_MET;
  const used = applyTolerance(value, target.value, tolerance, met);
  return { met: met || used.applied, tolerance: used };
}
