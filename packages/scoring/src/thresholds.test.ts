import { describe, expect, it } from 'vitest';
import { resolveThresholds } from './thresholds.js';
import type { TargetUsed } from './types.js';

const bands = { threshold80: 80, threshold60: 60 };
const target = (value: number, extra: Partial<TargetUsed> = {}): TargetUsed => ({ operator: '>=', value, source: 'original', ...extra });

describe('resolveThresholds', () => {
  it('uses explicit thresholds as written (seed 002: 880 / 704 / 528)', () => {
    expect(resolveThresholds(target(880, { threshold80: 704, threshold60: 528 }), 'higher-is-better', bands)).toEqual({
      t80: 704,
      t60: 528,
      source: 'explicit',
    });
  });

  it('leaves out a threshold the plan leaves blank (Sondrio 1.3.2: only the 60 % threshold, 30 %)', () => {
    expect(resolveThresholds(target(40, { threshold60: 30 }), 'higher-is-better', bands)).toEqual({ t80: null, t60: 30, source: 'explicit' });
  });

  it('derives bands as 80 % and 60 % of a higher-is-better target', () => {
    expect(resolveThresholds(target(220), 'higher-is-better', bands)).toEqual({ t80: 176, t60: 132, source: 'bands', bands });
  });

  it('derives bands of a lower-is-better target from the ratio target/value: 27 days → 33.75 and 45', () => {
    expect(resolveThresholds(target(27, { operator: '<=' }), 'lower-is-better', bands)).toEqual({ t80: 33.75, t60: 45, source: 'bands', bands });
  });

  it('derives no band from a zero or negative target (payment timeliness index −12)', () => {
    expect(resolveThresholds(target(-12, { operator: '<=' }), 'lower-is-better', bands)).toEqual({
      t80: null,
      t60: null,
      source: 'none',
      reason: 'non-positive-target',
    });
    expect(resolveThresholds(target(0), 'higher-is-better', bands).reason).toBe('non-positive-target');
  });

  it('derives no band from a date', () => {
    expect(resolveThresholds({ operator: '<=', value: '2020-07-31', source: 'original' }, 'lower-is-better', bands).reason).toBe('non-numeric-target');
  });
});
