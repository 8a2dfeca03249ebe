import { describe, expect, it } from 'vitest';
import { buildConfig, buildIndicator } from '../test/factories.js';
import { methodOf, resolveValue, scoreIndicator } from './indicator.js';

const config = buildConfig();

describe('resolveValue', () => {
  it('takes the entered value', () => {
    expect(resolveValue(buildIndicator({ value: 28 }), undefined)).toEqual({ value: 28, source: { kind: 'entered' } });
  });

  it('evaluates the formula when inputs are given, with the inputs in the explanation', () => {
    expect(resolveValue(buildIndicator({ value: 37.5, formula: 'risolti / proposti * 100', inputs: { risolti: 3, proposti: 8 } }), undefined)).toEqual({
      value: 37.5,
      source: { kind: 'formula', formula: 'risolti / proposti * 100', inputs: { risolti: 3, proposti: 8 } },
    });
  });

  it('reports a missing value ("---") as not computable, never as 0', () => {
    expect(resolveValue(buildIndicator({ value: null }), undefined)).toMatchObject({ rule: 'not-computable', reason: 'missing-value' });
    expect(resolveValue(buildIndicator({ value: undefined }), undefined)).toMatchObject({ rule: 'not-computable', reason: 'missing-value' });
  });

  it('passes a formula\'s not-computable reason through', () => {
    expect(resolveValue(buildIndicator({ formula: 'a / b', inputs: { a: 1, b: 0 } }), undefined)).toMatchObject({ reason: 'division-by-zero' });
  });
});

describe('methodOf', () => {
  it('follows the indicator, then the value type, then the SMVP default', () => {
    expect(methodOf(buildIndicator({ method: 'proportional' }), config)).toBe('proportional');
    expect(methodOf(buildIndicator({ valueType: 'date' }), config)).toBe('deadline');
    expect(methodOf(buildIndicator({ valueType: 'boolean' }), config)).toBe('binary');
    expect(methodOf(buildIndicator({ valueType: 'qualitative' }), config)).toBe('qualitative');
    expect(methodOf(buildIndicator(), { defaultMethod: 'proportional' })).toBe('proportional');
  });
});

describe('scoreIndicator', () => {
  it('scores a formula value with the step method (Sondrio 3.4.5: 190 / 846 = 22.46 % against 23 % → 80)', () => {
    const r = scoreIndicator(
      buildIndicator({ formula: 'a_distanza / totale * 100', inputs: { a_distanza: 190, totale: 846 }, target: { operator: '>=', value: 23 } }),
      config,
    );
    expect(r.score).toBe(80);
    expect(r.value).toBeCloseTo(22.4586, 4);
    expect(r.explanation).toMatchObject({ rule: 'step', met: 't80', source: { kind: 'formula', inputs: { a_distanza: 190, totale: 846 } } });
  });

  it('keeps the computed score beside an OIV override (Sondrio 2.1.2: computed 0, published 60)', () => {
    const r = scoreIndicator(
      buildIndicator({ value: 37.5, target: { operator: '>=', value: 75 }, override: { score: 60, reason: 'parere OIV', by: 'oiv' } }),
      config,
    );
    expect(r.score).toBe(60);
    expect(r.explanation).toMatchObject({ rule: 'override', computed: 0, score: 60, reason: 'parere OIV', by: 'oiv', computedExplanation: { rule: 'step', score: 0 } });
  });

  it('overrides a missing value with a justified score, the computed one staying null (Sondrio 5.1.3)', () => {
    const r = scoreIndicator(buildIndicator({ value: null, override: { score: 100, reason: 'cella illeggibile', by: 'chamber-admin' } }), config);
    expect(r.score).toBe(100);
    expect(r.explanation).toMatchObject({ rule: 'override', computed: null, computedExplanation: { reason: 'missing-value' } });
  });

  it('is not computable without a target for the year', () => {
    expect(scoreIndicator(buildIndicator({ target: undefined }), config)).toMatchObject({ score: null, explanation: { reason: 'no-target' } });
  });

  it('scores a qualitative indicator without a target', () => {
    expect(scoreIndicator(buildIndicator({ valueType: 'qualitative', value: 70, target: undefined }), config).score).toBe(70);
  });

  it('scores a date target as a deadline', () => {
    const r = scoreIndicator(
      buildIndicator({ valueType: 'date', value: '2020-09-15', target: { operator: '<=', value: '2020-07-31', threshold80: '2020-09-30' } }),
      config,
    );
    expect(r).toMatchObject({ score: 80, explanation: { rule: 'deadline', met: 't80' } });
  });

  it('scores a yes/no target as binary', () => {
    expect(scoreIndicator(buildIndicator({ valueType: 'boolean', value: true, target: { operator: '=', value: true } }), config).score).toBe(100);
  });

  it('is not computable when the value does not match the target kind', () => {
    expect(scoreIndicator(buildIndicator({ value: '2020-01-01' }), config)).toMatchObject({ score: null, explanation: { reason: 'invalid-value' } });
    expect(scoreIndicator(buildIndicator({ valueType: 'date', value: 5, target: { operator: '<=', value: '2020-07-31' } }), config)).toMatchObject({
      explanation: { reason: 'invalid-value' },
    });
  });

  it('scores a relative target on the baseline: 230 against ">= +15 %" of 200 → 100, 229 → 80', () => {
    const ind = (value: number) => buildIndicator({ value, baseline: 200, target: { operator: '>=', value: 15, relativeToBaseline: true } });
    expect(scoreIndicator(ind(230), config)).toMatchObject({ score: 100, explanation: { target: { value: 230, source: 'relative-to-baseline', baseline: 200 } } });
    expect(scoreIndicator(ind(229), config).score).toBe(80);
  });

  it('scores with the revised target and keeps the original', () => {
    const r = scoreIndicator(
      buildIndicator({ value: 20, target: { operator: '>=', value: 15, revised: { value: 23, date: '2024-07-15', reason: 'rimodulazione' } } }),
      config,
    );
    expect(r).toMatchObject({ score: 80, explanation: { target: { value: 23, source: 'revised', original: { value: 15 } } } });
  });

  it('uses a chamber band table', () => {
    const r = scoreIndicator(buildIndicator({ value: 92, method: 'bands', bands: [{ minPercentOfTarget: 90, score: 95 }] }), config);
    expect(r.score).toBe(95);
    expect(scoreIndicator(buildIndicator({ value: 92, method: 'bands' }), config).explanation).toMatchObject({ reason: 'invalid-value' });
  });
});
