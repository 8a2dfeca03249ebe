import { round } from './round.js';
import type { ScoringConfig } from './types.js';

/** The one place where a reported figure is rounded (config.rounding); the engine computes with exact values. */
export function report(value: number | null, config: Pick<ScoringConfig, 'rounding'>): number | null {
  return value === null ? null : round(value, config.rounding);
}
