import { describe, expect, it } from 'vitest';
import type { Band } from '../types.js';
import { scoreBands } from './bands.js';

const table: Band[] = [
  { minPercentOfTarget: 100, score: 100 },
  { minPercentOfTarget: 90, score: 90 },
  { minPercentOfTarget: 75, score: 70 },
  { minPercentOfTarget: 50, score: 40 },
];
const t = (value: number) => ({ operator: '>=' as const, value, source: 'original' as const });

describe('scoreBands', () => {
  it('picks the highest band the achievement ratio reaches', () => {
    expect(scoreBands(95, { kind: 'entered' }, t(100), 'higher-is-better', table)).toMatchObject({ score: 90, band: { minPercentOfTarget: 90 } });
    expect(scoreBands(75, { kind: 'entered' }, t(100), 'higher-is-better', table).score).toBe(70);
    expect(scoreBands(74.99, { kind: 'entered' }, t(100), 'higher-is-better', table).score).toBe(40);
  });

  it('scores 0 below every band', () => {
    expect(scoreBands(10, { kind: 'entered' }, t(100), 'higher-is-better', table)).toMatchObject({ score: 0, band: null });
  });

  it('uses target/value for lower-is-better', () => {
    // 27 / 30 = 90 %
    expect(scoreBands(30, { kind: 'entered' }, { ...t(27), operator: '<=' }, 'lower-is-better', table).score).toBe(90);
  });

  it('counts a value within tolerance as 100 % of the target', () => {
    const e = scoreBands(3.47, { kind: 'entered' }, t(3.5), 'higher-is-better', table, { absolute: 0.05, reason: 'r' });
    expect(e).toMatchObject({ score: 100, percentOfTarget: 100, met: true });
  });

  it('keeps a value on a band edge in the band despite binary noise (0.95 × 100 %)', () => {
    expect(scoreBands(0.9, { kind: 'entered' }, t(1), 'higher-is-better', table).score).toBe(90);
  });
});
