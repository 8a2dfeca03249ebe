import { describe, expect, it } from 'vitest';
import { resolveTarget } from './target.js';

describe('resolveTarget', () => {
  it('uses the planned target with its explicit thresholds', () => {
    expect(resolveTarget({ operator: '>=', value: 880, threshold80: 704, threshold60: 528 }, undefined)).toEqual({
      operator: '>=',
      value: 880,
      source: 'original',
      threshold80: 704,
      threshold60: 528,
    });
  });

  it('resolves ">= +15 %" on a baseline of 200 to value >= 230, exactly', () => {
    const t = resolveTarget({ operator: '>=', value: 15, relativeToBaseline: true, label: '>= +15 %' }, 200);
    expect(t).toEqual({ operator: '>=', value: 230, source: 'relative-to-baseline', baseline: 200, relativeChange: 15, label: '>= +15 %' });
  });

  it('resolves relative thresholds on the baseline too', () => {
    const t = resolveTarget({ operator: '>=', value: 15, relativeToBaseline: true, threshold80: 10, threshold60: 5 }, 200);
    expect(t).toMatchObject({ value: 230, threshold80: 220, threshold60: 210 });
  });

  it('is not computable without a numeric baseline for a relative target', () => {
    expect(resolveTarget({ operator: '>=', value: 15, relativeToBaseline: true }, null)).toEqual({
      rule: 'not-computable',
      reason: 'no-baseline',
      detail: { value: null },
    });
  });

  it('uses the revised target and keeps the original in the explanation', () => {
    const t = resolveTarget(
      {
        operator: '>=',
        value: 15,
        threshold80: 12,
        revised: { value: 23, threshold80: 20, date: '2024-07-15', reason: 'rimodulazione' },
      },
      undefined,
    );
    expect(t).toEqual({
      operator: '>=',
      value: 23,
      source: 'revised',
      original: { value: 15, threshold80: 12 },
      revision: { date: '2024-07-15', reason: 'rimodulazione' },
      threshold80: 20,
    });
  });

  it('drops the original thresholds when a revision sets none (they belonged to the old target)', () => {
    const t = resolveTarget({ operator: '>=', value: 15, threshold80: 12, revised: { value: 23, date: '2024-07-15', reason: 'r' } }, undefined);
    expect(t).not.toHaveProperty('threshold80');
  });
});
