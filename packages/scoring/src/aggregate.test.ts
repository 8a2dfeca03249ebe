import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregate.js';

describe('aggregate', () => {
  it('computes the weighted mean with each term\'s contribution (Sondrio 1.3: 80 % × 80 + 20 % × 60 = 76)', () => {
    const e = aggregate(
      [
        { code: '1.3.1', weight: 80, score: 80 },
        { code: '1.3.2', weight: 20, score: 60 },
      ],
      'weighted-mean',
      'not-computable',
      'children',
    );
    expect(e).toEqual({
      rule: 'weighted-mean',
      basis: 'children',
      terms: [
        { code: '1.3.1', weight: 80, score: 80, contribution: 64 },
        { code: '1.3.2', weight: 20, score: 60, contribution: 12 },
      ],
      weightSum: 100,
      missingPolicy: 'not-computable',
      missing: [],
      score: 76,
    });
  });

  it('accepts 33.33 / 33.33 / 33.34 without a warning', () => {
    const e = aggregate(
      [
        { code: 'a', weight: 33.33, score: 90 },
        { code: 'b', weight: 33.33, score: 60 },
        { code: 'c', weight: 33.34, score: 30 },
      ],
      'weighted-mean',
      'not-computable',
      'children',
    );
    expect(e.rule).toBe('weighted-mean');
    if (e.rule !== 'weighted-mean') return;
    expect(e.warning).toBeUndefined();
    expect(e.score).toBeCloseTo((33.33 * 90 + 33.33 * 60 + 33.34 * 30) / 100, 12);
  });

  it('warns when weights do not sum to 100 and still divides by their sum', () => {
    const e = aggregate(
      [
        { code: 'a', weight: 30, score: 100 },
        { code: 'b', weight: 30, score: 50 },
      ],
      'weighted-mean',
      'not-computable',
      'children',
    );
    expect(e).toMatchObject({ score: 75, weightSum: 60, warning: { kind: 'weights-do-not-sum-to-100', declaredSum: 60 } });
  });

  it('computes the plain mean on a simple-mean level (Processi: mean(97.6; 100; 88) = 95.2)', () => {
    const e = aggregate(
      [
        { code: '3', weight: 100, score: 97.6 },
        { code: '4', weight: 100, score: 100 },
        { code: '5', weight: 100, score: 88 },
      ],
      'simple-mean',
      'not-computable',
      'children',
    );
    expect(e.rule).toBe('simple-mean');
    expect(e.rule !== 'not-computable' && e.score).toBeCloseTo(95.2, 12);
    expect(e.rule !== 'not-computable' && e.terms.map((t) => t.weight)).toEqual([1, 1, 1]);
  });

  const withMissing = [
    { code: 'a', weight: 50, score: 100 },
    { code: 'b', weight: 30, score: null },
    { code: 'c', weight: 20, score: 50 },
  ];

  it('excludes a missing term and re-weights the rest under exclude-and-reweight, and says so', () => {
    const e = aggregate(withMissing, 'weighted-mean', 'exclude-and-reweight', 'children');
    expect(e).toMatchObject({ score: (50 * 100 + 20 * 50) / 70, weightSum: 70, missingPolicy: 'exclude-and-reweight', missing: ['b'] });
    expect(e.rule !== 'not-computable' && e.terms[1]).toEqual({ code: 'b', weight: 30, score: null, contribution: null });
  });

  it('counts a missing term as 0 under count-as-zero, and says so', () => {
    const e = aggregate(withMissing, 'weighted-mean', 'count-as-zero', 'children');
    expect(e).toMatchObject({ score: 60, weightSum: 100, missingPolicy: 'count-as-zero', missing: ['b'] });
    expect(e.rule !== 'not-computable' && e.terms[1]).toEqual({ code: 'b', weight: 30, score: 0, contribution: 0 });
  });

  it('makes the mean not computable under not-computable, naming the missing terms', () => {
    expect(aggregate(withMissing, 'weighted-mean', 'not-computable', 'children')).toEqual({
      rule: 'not-computable',
      reason: 'missing-children',
      detail: { missing: ['b'], missingPolicy: 'not-computable' },
    });
  });

  it('is not computable when every term is missing, even under exclude-and-reweight', () => {
    expect(aggregate([{ code: 'a', weight: 1, score: null }], 'weighted-mean', 'exclude-and-reweight', 'children')).toMatchObject({
      rule: 'not-computable',
      reason: 'missing-children',
    });
  });

  it('is not computable without terms or with zero weights', () => {
    expect(aggregate([], 'weighted-mean', 'not-computable', 'children')).toMatchObject({ reason: 'no-children' });
    expect(aggregate([{ code: 'a', weight: 0, score: 50 }], 'weighted-mean', 'not-computable', 'children')).toMatchObject({ reason: 'zero-weights' });
  });

  it('never exceeds the largest term through floating-point noise', () => {
    const e = aggregate(
      [
        { code: 'a', weight: 33.33, score: 100 },
        { code: 'b', weight: 33.33, score: 100 },
        { code: 'c', weight: 33.34, score: 100 },
      ],
      'weighted-mean',
      'not-computable',
      'children',
    );
    expect(e.rule !== 'not-computable' && e.score).toBe(100);
  });
});
