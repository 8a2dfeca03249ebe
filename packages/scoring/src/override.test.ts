import { describe, expect, it } from 'vitest';
import { applyOverride, ScoringInputError } from './override.js';
import type { NotComputableExplanation } from './types.js';

const computed: NotComputableExplanation = { rule: 'not-computable', reason: 'missing-value', detail: { value: null } };

describe('applyOverride', () => {
  it('replaces the computed score and keeps it with its explanation, reason and author', () => {
    expect(applyOverride(0, computed, { score: 60, reason: 'parere OIV', by: 'oiv', date: '2025-06-01' }, '2.1.2')).toEqual({
      rule: 'override',
      computed: 0,
      computedExplanation: computed,
      score: 60,
      reason: 'parere OIV',
      by: 'oiv',
      date: '2025-06-01',
    });
  });

  it('refuses an override without a reason', () => {
    expect(() => applyOverride(0, computed, { score: 60, reason: '  ', by: 'oiv' }, '2.1.2')).toThrow(ScoringInputError);
  });

  it('refuses an override outside 0-100', () => {
    expect(() => applyOverride(0, computed, { score: 120, reason: 'r', by: 'oiv' }, 'x')).toThrow(/outside 0-100/);
  });
});
