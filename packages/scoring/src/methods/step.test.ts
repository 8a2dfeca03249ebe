import { describe, expect, it } from 'vitest';
import type { Direction, Operator, TargetUsed, Tolerance } from '../types.js';
import { scoreStep } from './step.js';

const bands = { threshold80: 80, threshold60: 60 };
const step = (value: number, operator: Operator, t: number, direction: Direction, extra: Partial<TargetUsed> = {}, tolerance?: Tolerance) =>
  scoreStep(value, { kind: 'entered' }, { operator, value: t, source: 'original', ...extra }, direction, bands, tolerance);

describe('scoreStep', () => {
  it('scores 100 when the target is met', () => {
    expect(step(28, '>=', 18, 'higher-is-better').score).toBe(100);
    expect(step(18, '>=', 18, 'higher-is-better').met).toBe('target');
  });

  it('scores 80 when the value meets the 80 % band but not the target (Sondrio 1.3.1: 211 requests against 220)', () => {
    const e = step(211, '>=', 220, 'higher-is-better');
    expect(e).toMatchObject({ score: 80, met: 't80', thresholds: { t80: 176, t60: 132, source: 'bands' } });
  });

  it('scores 80 for a ratio 0.8 against 1 (Sondrio 5.1.1) and 22.46 % against 23 % (3.4.5)', () => {
    expect(step(0.8, '>=', 1, 'higher-is-better').score).toBe(80);
    expect(step(22.46, '>=', 23, 'higher-is-better').score).toBe(80);
  });

  it('scores 80 for a lower-is-better 28.95 days against 27 (ratio 27/28.95 = 93 %, Sondrio 3.3.1)', () => {
    expect(step(28.95, '<=', 27, 'lower-is-better')).toMatchObject({ score: 80, met: 't80', thresholds: { t80: 33.75, t60: 45 } });
  });

  it('scores 0 below the 60 % band (Sondrio 2.1.2: 37.5 % against 75 %, before the OIV override)', () => {
    expect(step(37.5, '>=', 75, 'higher-is-better')).toMatchObject({ score: 0, met: 'none' });
  });

  it('scores 60 in the 60 % band', () => {
    expect(step(45, '>=', 75, 'higher-is-better')).toMatchObject({ score: 60, met: 't60' });
  });

  it('scores a negative lower-is-better target on the target alone: −21.43 against −12 → 100 (Sondrio 3.1.1)', () => {
    expect(step(-21.43, '<=', -12, 'lower-is-better')).toMatchObject({ score: 100, thresholds: { source: 'none', reason: 'non-positive-target' } });
  });

  it('scores 0 when a non-positive target without explicit thresholds is missed, and says why', () => {
    expect(step(-11, '<=', -12, 'lower-is-better')).toMatchObject({ score: 0, met: 'none', thresholds: { reason: 'non-positive-target' } });
  });

  it('uses explicit thresholds of a non-positive target when the plan gives them', () => {
    expect(step(-10, '<=', -12, 'lower-is-better', { threshold80: -10, threshold60: -8 }).score).toBe(80);
  });

  it('scores 100 for 3.47 against 3.50 only through an explicit tolerance (Sondrio 1.1.1)', () => {
    expect(step(3.47, '>=', 3.5, 'higher-is-better').score).toBe(80);
    const e = step(3.47, '>=', 3.5, 'higher-is-better', {}, { absolute: 0.05, reason: 'published 100' });
    expect(e.score).toBe(100);
    expect(e.tolerance).toMatchObject({ applied: true, allowed: 0.05, reason: 'published 100' });
  });

  it('scores 0 under the explicit 60 % threshold even where the 60 % band would give 60 (Sondrio 1.3.2: 27.21 against 40, soglia 30)', () => {
    expect(step(27.21, '>=', 40, 'higher-is-better').score).toBe(60);
    expect(step(27.21, '>=', 40, 'higher-is-better', { threshold60: 30 }).score).toBe(0);
  });

  it('respects a strict operator for the target but reaches thresholds inclusively', () => {
    expect(step(10, '>', 10, 'higher-is-better', { threshold80: 10 })).toMatchObject({ score: 80, met: 't80' });
    expect(step(10.5, '>', 10, 'higher-is-better').score).toBe(100);
  });

  it('scores an equality target: met only at the value', () => {
    expect(step(100, '=', 100, 'higher-is-better').score).toBe(100);
    expect(step(95, '=', 100, 'higher-is-better').score).toBe(80);
  });
});
