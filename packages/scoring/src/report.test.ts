import { describe, expect, it } from 'vitest';
import { report } from './report.js';

describe('report', () => {
  it('rounds a reported figure with the configured rounding and leaves "not computable" null', () => {
    expect(report(97.91111111111111, { rounding: { decimals: 2, mode: 'half-up' } })).toBe(97.91);
    expect(report(97.605, { rounding: { decimals: 2, mode: 'half-up' } })).toBe(97.61);
    expect(report(97.65, { rounding: { decimals: 1, mode: 'half-even' } })).toBe(97.6);
    expect(report(null, { rounding: { decimals: 2, mode: 'half-up' } })).toBeNull();
  });
});
