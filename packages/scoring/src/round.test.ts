import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { round } from './round.js';

const r2 = (value: number, mode: 'half-up' | 'half-even' | 'down' | 'up' = 'half-up') => round(value, { decimals: 2, mode });

describe('round', () => {
  it('rounds decimal ties half-up on the decimal the value stands for, despite binary floating point', () => {
    expect(r2(97.605)).toBe(97.61); // stored as 97.60499999999999687…
    expect(r2(1.005)).toBe(1.01); // stored as 1.00499999999999989…
    expect(r2(2.675)).toBe(2.68);
    expect(r2(8.345)).toBe(8.35);
    expect(round(0.5, { decimals: 0, mode: 'half-up' })).toBe(1);
    expect(round(2.5, { decimals: 0, mode: 'half-up' })).toBe(3);
  });

  it('treats a computed value one ulp off a tie as the tie, as a spreadsheet working to 15 digits does', () => {
    expect(r2(97.60499999999999)).toBe(97.61);
    expect(r2(0.1 * 3 * 100 + 0.005)).toBe(30.01);
  });

  it('rounds away from zero for negative ties in half-up mode', () => {
    expect(r2(-97.605)).toBe(-97.61);
    expect(r2(-21.435)).toBe(-21.44);
  });

  it('rounds ties to the even digit in half-even mode', () => {
    expect(r2(2.665, 'half-even')).toBe(2.66);
    expect(r2(2.675, 'half-even')).toBe(2.68);
    expect(r2(0.125, 'half-even')).toBe(0.12);
    expect(r2(0.135, 'half-even')).toBe(0.14);
    expect(round(2.5, { decimals: 0, mode: 'half-even' })).toBe(2);
    expect(round(-1.5, { decimals: 0, mode: 'half-even' })).toBe(-2);
    expect(r2(2.6651, 'half-even')).toBe(2.67);
  });

  it('truncates towards zero in down mode without losing a value that binary noise put just below an integer', () => {
    expect(round(0.29 * 100, { decimals: 0, mode: 'down' })).toBe(29); // 28.999999999999996
    expect(r2(97.919, 'down')).toBe(97.91);
    expect(r2(-97.919, 'down')).toBe(-97.91);
  });

  it('rounds away from zero in up mode without raising a value that binary noise put just above', () => {
    expect(r2(97.911, 'up')).toBe(97.92);
    expect(round(0.1 + 0.2, { decimals: 1, mode: 'up' })).toBe(0.3); // 0.30000000000000004
    expect(r2(-97.911, 'up')).toBe(-97.92);
  });

  it('reproduces the Sondrio 2024 figures: 881.2 / 9 → 97.91, 9760 / 100 → 97.6', () => {
    expect(r2((97.6 + 98 + 97.6 + 100 + 88 + 100 + 100 + 100 + 100) / 9)).toBe(97.91);
    expect(r2(0.2 * 100 + 0.3 * 100 + 0.1 * 76 + 0.4 * 100)).toBe(97.6);
  });

  it('handles large and tiny magnitudes and zero', () => {
    expect(r2(123456789.125)).toBe(123456789.13);
    expect(r2(0.001)).toBe(0);
    expect(r2(0.005)).toBe(0.01);
    expect(r2(-0.001)).toBe(0);
    expect(Object.is(r2(-0.001), 0)).toBe(true);
    expect(r2(0)).toBe(0);
    expect(round(1e-20, { decimals: 6, mode: 'up' })).toBe(0.000001);
  });

  it('rejects decimals outside 0-15', () => {
    expect(() => round(1, { decimals: 16, mode: 'half-up' })).toThrow(RangeError);
    expect(() => round(1, { decimals: 1.5, mode: 'half-up' })).toThrow(RangeError);
  });

  it('property: the rounded value is within half a unit of the last decimal and rounding twice changes nothing', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, decimals) => {
        const once = round(x, { decimals, mode: 'half-up' });
        expect(Math.abs(once - x)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
        expect(round(once, { decimals, mode: 'half-up' })).toBe(once);
      }),
    );
  });

  it('property: a value written with d+1 decimals ending in 5 rounds half-up away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (n) => {
        // n.5 hundredths: e.g. 9760.5 / 100 = 97.605 → 97.61
        const text = `${n < 0 ? '-' : ''}${Math.floor(Math.abs(n) / 100)}.${String(Math.abs(n) % 100).padStart(2, '0')}5`;
        const expected = Number(`${n < 0 ? '-' : ''}${Math.abs(n) + 1}e-2`);
        expect(r2(Number(text))).toBe(expected);
      }),
    );
  });
});
