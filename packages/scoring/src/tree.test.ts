import { describe, expect, it } from 'vitest';
import { action, buildConfig, buildIndicator, node } from '../test/factories.js';
import { sondrio2024Tree } from '../test/sondrio-2024-fixture.js';
import { scoreTree } from './tree.js';
import type { NodeResult, ScoredTree } from './types.js';

function find(tree: ScoredTree, code: string): NodeResult {
  const stack = [...tree.nodes];
  while (stack.length > 0) {
    const n = stack.pop() as NodeResult;
    if (n.code === code) return n;
    stack.push(...n.children);
  }
  throw new Error(`no node ${code}`);
}

describe('scoreTree on the worked example (Sondrio 2024, built by hand)', () => {
  const scored = scoreTree({ config: buildConfig(), tree: sondrio2024Tree() });

  it('operational 1.3 = 80 % × 80 + 20 % × 60 (OIV override) = 76', () => {
    const n = find(scored, '1.3');
    expect(n.result).toBe(76);
    expect(n.explanation).toMatchObject({
      rule: 'weighted-mean',
      basis: 'children',
      terms: [
        { code: '1.3.1', weight: 80, score: 80, contribution: 64 },
        { code: '1.3.2', weight: 20, score: 60, contribution: 12 },
      ],
    });
    expect(find(scored, '1.3.2').indicators[0]?.explanation).toMatchObject({ rule: 'override', computed: 0, score: 60 });
  });

  it('strategic 1 = 20 % × 100 + 30 % × 100 + 10 % × 76 + 40 % × 100 = 97.60, achievement 100, Eccellente', () => {
    const n = find(scored, '1');
    expect(n).toMatchObject({ result: 97.6, achievement: 100, rating: 'Eccellente' });
    expect(n.achievementExplanation).toMatchObject({ rule: 'achievement', result: 97.6, met: true, target: { value: 80 } });
  });

  it('strategic 2 = 50 % × 96 + 50 % × 100 = 98', () => {
    expect(find(scored, '2.1').result).toBe(96);
    expect(find(scored, '2').result).toBe(98);
  });

  it('Processi = mean(97.60; 100; 88) = 95.20, operational 3.3 = 92, 3.4 = 98, 5.1 = 88', () => {
    expect(find(scored, '3.3').result).toBe(92);
    expect(find(scored, '3.4').result).toBe(98);
    expect(find(scored, '3').result).toBe(97.6);
    expect(find(scored, '5.1').result).toBe(88);
    expect(find(scored, 'P2')).toMatchObject({ result: 95.2, explanation: { rule: 'simple-mean' } });
    expect(find(scored, 'P1').result).toBe(97.8);
  });

  it('action 1.1.1 scores 100 only through the tolerance in the data', () => {
    expect(find(scored, '1.1.1').indicators[0]?.explanation).toMatchObject({ rule: 'step', met: 'target', tolerance: { applied: true } });
  });

  it('entity: mean of the nine strategic results 97.91, performance (mean of achievements) 100', () => {
    expect(scored.entity).toMatchObject({ level: 'strategico', meanOfResults: 97.91, performance: 100, rating: 'Eccellente' });
    expect(scored.entity?.codes).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(scored.entity?.exactMeanOfResults).toBeCloseTo(881.2 / 9, 12);
  });

  it('mean of the 25 system objectives = (23 × 100 + 60 + 80) / 25 = 97.6', () => {
    expect(scored.systemObjectives).toMatchObject({ count: 25, mean: 97.6 });
  });

  it('aggregating rounded children gives the same published figures', () => {
    const rounded = scoreTree({ config: buildConfig({ rollupFrom: 'rounded' }), tree: sondrio2024Tree() });
    for (const code of ['1.3', '1', '2', '3', 'P1', 'P2']) expect(find(rounded, code).result).toBe(find(scored, code).result);
    expect(rounded.entity?.meanOfResults).toBe(97.91);
  });

  it('raises no warning on weights summing to 100', () => {
    expect(scored.warnings).toEqual([]);
  });
});

describe('scoreTree rules', () => {
  const tree = (missingPolicy: 'exclude-and-reweight' | 'count-as-zero' | 'not-computable') =>
    scoreTree({
      config: buildConfig({ missingPolicy }),
      tree: [node('1', 'operativo', 100, [action('a', 50, 100, 100), action('b', 50, null, 100)])],
    }).nodes[0] as NodeResult;

  it('applies the missing-value policy to a node and says which policy and which children', () => {
    expect(tree('exclude-and-reweight')).toMatchObject({ result: 100, explanation: { missingPolicy: 'exclude-and-reweight', missing: ['b'] } });
    expect(tree('count-as-zero')).toMatchObject({ result: 50, explanation: { missingPolicy: 'count-as-zero', missing: ['b'] } });
    expect(tree('not-computable')).toMatchObject({ result: null, explanation: { rule: 'not-computable', reason: 'missing-children', detail: { missing: ['b'] } } });
  });

  it('propagates not computable up the tree under the not-computable policy', () => {
    const scored = scoreTree({
      config: buildConfig(),
      tree: [node('S', 'strategico', 100, [node('1', 'operativo', 100, [action('b', 100, null, 100)])], { achievementTarget: { operator: '>=', value: 80 } })],
    });
    expect(scored.nodes[0]).toMatchObject({ result: null, achievement: null, rating: null });
    expect(scored.entity).toMatchObject({ meanOfResults: null, performance: null });
  });

  it('replaces a node\'s computed result with its override and keeps both', () => {
    const scored = scoreTree({
      config: buildConfig(),
      tree: [node('1', 'operativo', 100, [action('a', 100, 50, 100)], { override: { score: 70, reason: 'parere OIV', by: 'oiv' } })],
    });
    expect(scored.nodes[0]).toMatchObject({
      result: 70,
      overridden: true,
      explanation: { rule: 'override', computed: 0, score: 70, computedExplanation: { rule: 'weighted-mean', score: 0 } },
    });
  });

  it('scores a node with indicators on its indicators, not on its children', () => {
    const n = node('1', 'operativo', 100, [action('a', 100, 0, 100)], { indicators: [buildIndicator({ code: 'k', value: 100 })] });
    expect(scoreTree({ config: buildConfig(), tree: [n] }).nodes[0]).toMatchObject({ result: 100, explanation: { basis: 'indicators' } });
  });

  it('scores a roll-up indicator on the mean of the children ("ponderazione" against 80 %)', () => {
    const n = node('S', 'strategico', 100, [action('a', 50, 100, 100), action('b', 50, 50, 100)], {
      indicators: [buildIndicator({ code: 'S.k', rollup: 'children', value: undefined, target: { operator: '>=', value: 80 } })],
    });
    const r = scoreTree({ config: buildConfig(), tree: [n] }).nodes[0] as NodeResult;
    // children: 100 and 0 (50 is below 60 % of 100) → mean 50 → 50 / 80 = 62.5 % → 60
    expect(r.indicators[0]).toMatchObject({ value: 50, score: 60, explanation: { rule: 'step', value: 50, source: { kind: 'rollup', mean: { rule: 'weighted-mean', score: 50 } } } });
  });

  it('warns on weights that do not sum to 100 and still computes the mean correctly', () => {
    const scored = scoreTree({ config: buildConfig(), tree: [node('1', 'operativo', 100, [action('a', 30, 100, 100), action('b', 30, 0, 100)])] });
    expect(scored.nodes[0]?.result).toBe(50);
    expect(scored.warnings).toEqual([{ kind: 'weights-do-not-sum-to-100', code: '1', declaredSum: 60 }]);
  });

  it('scores an unmet strategic target proportionally and rates the achievement', () => {
    const scored = scoreTree({
      config: buildConfig(),
      tree: [node('S', 'strategico', 100, [action('a', 60, 100, 100), action('b', 40, 0, 100)], { achievementTarget: { operator: '>=', value: 80 } })],
    });
    expect(scored.nodes[0]).toMatchObject({ result: 60, achievement: 75, rating: 'Buono' });
  });

  it('reports every figure rounded by the configured rounding and keeps the exact one', () => {
    const scored = scoreTree({
      config: buildConfig({ rounding: { decimals: 1, mode: 'half-up' } }),
      tree: [node('1', 'operativo', 100, [action('a', 1, 100, 100), action('b', 1, 100, 100), action('c', 1, 0, 100)])],
    });
    expect(scored.nodes[0]).toMatchObject({ result: 66.7 });
    expect(scored.nodes[0]?.exactResult).toBeCloseTo(200 / 3, 12);
  });

  it('warns on weights even when values are missing (a plan at approval time)', () => {
    const scored = scoreTree({ config: buildConfig(), tree: [node('1', 'operativo', 100, [action('a', 30, null, 100), action('b', 30, null, 100)])] });
    expect(scored.nodes[0]?.result).toBeNull();
    expect(scored.warnings).toEqual([{ kind: 'weights-do-not-sum-to-100', code: '1', declaredSum: 60 }]);
  });

  it('warns about a level the configuration does not know', () => {
    const scored = scoreTree({ config: buildConfig(), tree: [node('1', 'mystery', 100, [action('a', 100, 100, 100)])] });
    expect(scored.warnings).toContainEqual({ kind: 'unknown-level', code: '1', level: 'mystery' });
  });
});
