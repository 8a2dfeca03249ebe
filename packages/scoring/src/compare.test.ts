import { describe, expect, it } from 'vitest';
import { compare, nearlyEqual } from './compare.js';

describe('compare', () => {
  it('applies each operator to numbers', () => {
    expect(compare(5, '>=', 5)).toBe(true);
    expect(compare(4.99, '>=', 5)).toBe(false);
    expect(compare(5, '>', 5)).toBe(false);
    expect(compare(5.01, '>', 5)).toBe(true);
    expect(compare(5, '<=', 5)).toBe(true);
    expect(compare(5.01, '<=', 5)).toBe(false);
    expect(compare(5, '<', 5)).toBe(false);
    expect(compare(4.99, '<', 5)).toBe(true);
    expect(compare(5, '=', 5)).toBe(true);
    expect(compare(5.01, '=', 5)).toBe(false);
  });

  it('treats binary noise of a formula as equality: 24.000000000000004 meets <= 24 and is not > 24', () => {
    const noisy = 24 + 4e-15; // 24.000000000000004, as a formula may produce
    expect(noisy).not.toBe(24);
    expect(compare(noisy, '<=', 24)).toBe(true);
    expect(compare(noisy, '>', 24)).toBe(false);
    expect(compare(0.29 * 100, '>=', 29)).toBe(true);
    expect(compare((200 * 115) / 100 - 1e-13, '>=', 230)).toBe(true);
  });

  it('still separates values that differ by a hundredth', () => {
    expect(compare(879.99, '>=', 880)).toBe(false);
    expect(compare(0.01, '>', 0)).toBe(true);
    expect(nearlyEqual(1e-10, 0)).toBe(true);
    expect(nearlyEqual(1e-6, 0)).toBe(false);
  });

  it('orders ISO dates chronologically', () => {
    expect(compare('2020-07-31', '<=', '2020-07-31')).toBe(true);
    expect(compare('2020-08-01', '<=', '2020-07-31')).toBe(false);
    expect(compare('2020-07-30', '<', '2020-07-31')).toBe(true);
    expect(compare('2020-07-31', '=', '2020-07-31')).toBe(true);
  });

  it('meets a yes/no target only with the same answer', () => {
    expect(compare(true, '=', true)).toBe(true);
    expect(compare(false, '>=', true)).toBe(false);
  });

  it('never meets a target of another kind', () => {
    expect(compare(1, '>=', '2020-01-01')).toBe(false);
    expect(compare(true, '>=', 1)).toBe(false);
  });
});
