// Properties of the engine, checked with fast-check over generated indicators and sibling sets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, type MeanInput } from '../src/aggregate.js';
import { scoreIndicator } from '../src/indicator.js';
import { scoreTree } from '../src/tree.js';
import type { Direction, IndicatorInput, NodeResult, ScoringMethod } from '../src/types.js';
import { action, buildConfig, buildIndicator, node } from './factories.js';

const config = buildConfig();
const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

const methodArb = fc.constantFrom<ScoringMethod>('step', 'proportional', 'binary', 'bands');
const directionArb = fc.constantFrom<Direction>('higher-is-better', 'lower-is-better');

/** An indicator with a consistent target: thresholds (when explicit) on the worse side of the target, in order. */
const indicatorArb = fc
  .record({
    method: methodArb,
    direction: directionArb,
    target: fc.oneof(finite(0.01, 10_000), finite(-1_000, 0)),
    strict: fc.boolean(),
    explicit: fc.boolean(),
    f80: finite(0.01, 0.5),
    f60: finite(0.01, 0.5),
    tolerance: fc.option(finite(0, 5), { nil: undefined }),
  })
  .map(({ method, direction, target, strict, explicit, f80, f60, tolerance }): IndicatorInput => {
    const worse = direction === 'higher-is-better' ? -1 : 1;
    const span = Math.abs(target) + 1;
    const t80 = target + worse * f80 * span;
    const t60 = t80 + worse * f60 * span;
    const operator = direction === 'higher-is-better' ? (strict ? '>' : '>=') : strict ? '<' : '<=';
    return buildIndicator({
      method,
      direction,
      bands: [
        { minPercentOfTarget: 100, score: 100 },
        { minPercentOfTarget: 80, score: 75 },
        { minPercentOfTarget: 50, score: 30 },
      ],
      tolerance: tolerance === undefined ? undefined : { absolute: tolerance, reason: 'generated' },
      target: { operator, value: target, ...(explicit ? { threshold80: t80, threshold60: t60 } : {}) },
    });
  });

describe('properties', () => {
  it('every indicator score lies within 0-100 (or is not computable), whatever the value', () => {
    fc.assert(
      fc.property(indicatorArb, finite(-1e6, 1e6), (indicator, value) => {
        const s = scoreIndicator({ ...indicator, value }, config).score;
        expect(s === null || (s >= 0 && s <= 100)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('every node result lies within 0-100 for any weights and scores of its children', () => {
    const term = fc.record({ weight: finite(0.01, 100), score: fc.option(finite(0, 100), { nil: null }) });
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 12 }), fc.constantFrom('exclude-and-reweight', 'count-as-zero', 'not-computable' as const), (terms, policy) => {
        const e = aggregate(
          terms.map((t, i) => ({ code: String(i), ...t })),
          'weighted-mean',
          policy,
          'children',
        );
        if (e.rule !== 'not-computable') {
          expect(e.score).toBeGreaterThanOrEqual(0);
          expect(e.score).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('the score is monotonic in the value: never lower for a better value, for a fixed direction', () => {
    fc.assert(
      fc.property(indicatorArb, finite(-1e5, 1e5), finite(-1e5, 1e5), (indicator, a, b) => {
        const [worse, better] = indicator.direction === 'higher-is-better' ? [Math.min(a, b), Math.max(a, b)] : [Math.max(a, b), Math.min(a, b)];
        const sWorse = scoreIndicator({ ...indicator, value: worse }, config).score;
        const sBetter = scoreIndicator({ ...indicator, value: better }, config).score;
        expect(sWorse).not.toBeNull();
        expect(sBetter as number).toBeGreaterThanOrEqual(sWorse as number);
      }),
      { numRuns: 2000 },
    );
  });

  const siblings = fc.array(fc.record({ weight: finite(0.01, 100), score: finite(0, 100) }), { minLength: 1, maxLength: 10 });
  const mean = (terms: MeanInput[]) => {
    const e = aggregate(terms, 'weighted-mean', 'not-computable', 'children');
    if (e.rule === 'not-computable') throw new Error('unexpected');
    return e.score;
  };

  it('the weighted mean is invariant to scaling all sibling weights by the same factor', () => {
    fc.assert(
      fc.property(siblings, finite(0.001, 1000), (terms, k) => {
        const base = terms.map((t, i) => ({ code: String(i), ...t }));
        const scaled = base.map((t) => ({ ...t, weight: t.weight * k }));
        expect(mean(scaled)).toBeCloseTo(mean(base), 9);
      }),
    );
  });

  it('the weighted mean is invariant to the order of siblings', () => {
    fc.assert(
      fc.property(
        siblings.chain((terms) => fc.tuple(fc.constant(terms), fc.shuffledSubarray(terms.map((_, i) => i), { minLength: terms.length, maxLength: terms.length }))),
        ([terms, order]) => {
          const base = terms.map((t, i) => ({ code: String(i), ...t }));
          const permuted = order.map((i) => base[i] as MeanInput);
          expect(mean(permuted)).toBeCloseTo(mean(base), 9);
        },
      ),
    );
  });

  it('a scored tree is invariant to the order of siblings and to scaling their weights (reported figures)', () => {
    const actions = fc.array(fc.record({ weight: fc.integer({ min: 1, max: 50 }), value: finite(0, 200) }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(actions, fc.integer({ min: 2, max: 10 }), (list, k) => {
        const build = (items: typeof list, factor: number) => [
          node(
            'op',
            'operativo',
            100,
            items.map((a, i) => action(`a${i}`, a.weight * factor, a.value, 100)),
          ),
        ];
        const score = (items: typeof list, factor: number) => (scoreTree({ config, tree: build(items, factor) }).nodes[0] as NodeResult).exactResult as number;
        expect(score([...list].reverse(), 1)).toBeCloseTo(score(list, 1), 9);
        expect(score(list, k)).toBeCloseTo(score(list, 1), 9);
      }),
    );
  });
});
