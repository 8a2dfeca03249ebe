import { describe, expect, it } from 'vitest';
import type { Direction, Operator, Tolerance } from '../types.js';
import { scoreProportional } from './proportional.js';

const prop = (value: number, operator: Operator, t: number, direction: Direction, tolerance?: Tolerance) =>
  scoreProportional(value, { kind: 'entered' }, { operator, value: t, source: 'original' }, direction, tolerance);

describe('scoreProportional', () => {
  it('scores value/target × 100 for higher-is-better', () => {
    const e = prop(211, '>=', 220, 'higher-is-better');
    expect(e.score).toBeCloseTo((211 / 220) * 100, 12);
    expect(e).toMatchObject({ met: false, capped: false });
  });

  it('scores target/value × 100 for lower-is-better', () => {
    expect(prop(28.95, '<=', 27, 'lower-is-better').score).toBeCloseTo((27 / 28.95) * 100, 12);
  });

  it('caps at 100 when the target is exceeded', () => {
    expect(prop(911, '>=', 200, 'higher-is-better')).toMatchObject({ score: 100, capped: true, met: true });
  });

  it('never goes below 0', () => {
    expect(prop(-5, '>=', 10, 'higher-is-better').score).toBe(0);
  });

  it('scores a negative target on the target alone (ratio undefined) and says so', () => {
    expect(prop(-21.43, '<=', -12, 'lower-is-better')).toMatchObject({ score: 100, ratio: null, fallback: 'non-positive-target' });
    expect(prop(-5, '<=', -12, 'lower-is-better')).toMatchObject({ score: 0, ratio: null, fallback: 'non-positive-target' });
  });

  it('scores 100 when the tolerance meets the target', () => {
    expect(prop(3.47, '>=', 3.5, 'higher-is-better', { absolute: 0.05, reason: 'r' })).toMatchObject({ score: 100, met: true });
  });

  it('scores a lower-is-better zero value against a positive target as met', () => {
    expect(prop(0, '<=', 5, 'lower-is-better')).toMatchObject({ score: 100, met: true });
  });
});
