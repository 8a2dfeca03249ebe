import { describe, expect, it } from 'vitest';
import { applyTolerance } from './tolerance.js';

describe('applyTolerance', () => {
  it('lets 3.47 meet a target of 3.50 with an absolute tolerance of 0.05 and records the reason (Sondrio 1.1.1)', () => {
    const used = applyTolerance(3.47, 3.5, { absolute: 0.05, reason: 'published as 100' }, false);
    expect(used.applied).toBe(true);
    expect(used.allowed).toBe(0.05);
    expect(used.distance).toBeCloseTo(0.03, 12);
    expect(used.absolute).toBe(0.05);
    expect(used.reason).toBe('published as 100');
  });

  it('does not apply when the value is farther than the tolerance', () => {
    expect(applyTolerance(3.44, 3.5, { absolute: 0.05, reason: 'r' }, false).applied).toBe(false);
  });

  it('counts a distance equal to the tolerance as within, despite binary noise', () => {
    expect(applyTolerance(3.45, 3.5, { absolute: 0.05, reason: 'r' }, false).applied).toBe(true);
    expect(applyTolerance(0.3, 0.35, { absolute: 0.05, reason: 'r' }, false).applied).toBe(true);
  });

  it('takes a relative tolerance as percent of the target', () => {
    const used = applyTolerance(198, 200, { relative: 1, reason: 'r' }, false);
    expect(used.allowed).toBe(2);
    expect(used.applied).toBe(true);
    expect(applyTolerance(197.9, 200, { relative: 1, reason: 'r' }, false).applied).toBe(false);
  });

  it('uses the larger allowance when both are given', () => {
    expect(applyTolerance(195, 200, { absolute: 1, relative: 2.5, reason: 'r' }, false).allowed).toBe(5);
  });

  it('is recorded as not applied when the operator alone was met', () => {
    expect(applyTolerance(3.5, 3.5, { absolute: 0.05, reason: 'r' }, true).applied).toBe(false);
  });
});
