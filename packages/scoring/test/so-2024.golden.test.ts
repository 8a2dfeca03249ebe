// Golden test against the published Relazione sulla Performance 2024 of Sondrio (seed 001), through
// the demo data file data/demo/so-2024.yaml: the worked example asserted figure by figure, then every
// `published` figure of the file, data-driven.
import { fileURLToPath } from 'node:url';
import { readPlanFile } from '@albero/plan-format';
import { describe, expect, it } from 'vitest';
import { inputFromPlan } from '../src/from-plan.js';
import { scoreIndividual, scoreIndividualObjectives } from '../src/individual.js';
import { comparePublished } from '../src/published.js';
import { scoreTree } from '../src/tree.js';
import type { NodeResult } from '../src/types.js';

const file = fileURLToPath(new URL('../../../data/demo/so-2024.yaml', import.meta.url));
const plan = await readPlanFile(file);
const input = inputFromPlan(plan);
const scored = scoreTree({ config: input.config, tree: input.tree });
const individual = input.individualObjectives.map((io) => scoreIndividualObjectives(io.objectives, input.config));

const byCode = new Map<string, NodeResult>();
const index = (nodes: readonly NodeResult[]) =>
  nodes.forEach((n) => {
    byCode.set(n.code, n);
    index(n.children);
  });
index(scored.nodes);
const node = (code: string) => {
  const n = byCode.get(code);
  if (!n) throw new Error(`no node ${code} in ${file}`);
  return n;
};

describe('Sondrio 2024 (data/demo/so-2024.yaml) — worked example', () => {
  it('scores 2024 at period 2024-12-31 with the SMVP of the file', () => {
    expect(input).toMatchObject({ year: 2024, period: '2024-12-31', config: { defaultMethod: 'step', missingPolicy: 'not-computable', entityLevel: 'strategico' } });
  });

  it('operational 1.3 "Regolazione del mercato" = 80 % × 80 (211 against 220) + 20 % × 60 (1.3.2, OIV) = 76', () => {
    expect(node('1.3').result).toBe(76);
    expect(node('1.3.1').indicators[0]).toMatchObject({ value: 211, score: 80, explanation: { rule: 'step', met: 't80' } });
    expect(node('1.3.2').indicators[0]).toMatchObject({ score: 60, explanation: { rule: 'override', computed: 0, by: 'oiv' } });
  });

  it('strategic 1 = 97.60, strategic 2 = 98, strategic 3 = 97.60, strategic 5 = 88; all achieve 100, Eccellente', () => {
    expect(node('1').result).toBe(97.6);
    expect(node('2').result).toBe(98);
    expect(node('3').result).toBe(97.6);
    expect(node('5').result).toBe(88);
    for (const code of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) expect(node(code)).toMatchObject({ achievement: 100, rating: 'Eccellente' });
  });

  it('perspectives: Sviluppo 97.80, Processi 95.20, Innovazione 100, Economico-finanziaria 100', () => {
    expect([node('P1').result, node('P2').result, node('P3').result, node('P4').result]).toEqual([97.8, 95.2, 100, 100]);
  });

  it('operational results of the Allegato A: 2.1 = 96, 3.3 = 92, 3.4 = 98, 5.1 = 88, every other 100', () => {
    const operational = [...byCode.values()].filter((n) => n.level === 'operativo');
    expect(operational).toHaveLength(17);
    const expected: Record<string, number> = { '1.3': 76, '2.1': 96, '3.3': 92, '3.4': 98, '5.1': 88 };
    for (const n of operational) expect(n.result, n.code).toBe(expected[n.code] ?? 100);
  });

  it('the seed\'s non-100 actions: 1.3.1 → 80, 5.1.1 → 80, 3.3.1 (28.95 days vs 27) → 80, 3.4.5 → 80, 3.1.1 (−21.43 vs −12) → 100', () => {
    expect(node('1.3.1').result).toBe(80);
    expect(node('5.1.1').result).toBe(80);
    expect(node('3.3.1').indicators[0]).toMatchObject({ score: 80, explanation: { rule: 'step', met: 't80', source: { kind: 'formula' } } });
    expect(node('3.4.5').result).toBe(80);
    expect(node('3.1.1').indicators[0]).toMatchObject({ score: 100, explanation: { met: 'target', thresholds: { source: 'none', reason: 'non-positive-target' } } });
  });

  it('2.1.2: 3 of 8 questions (37.50 %) against 75 % computes 0, the OIV override makes it 60', () => {
    expect(node('2.1.2').indicators[0]).toMatchObject({
      value: 37.5,
      score: 60,
      explanation: { rule: 'override', computed: 0, computedExplanation: { rule: 'step', met: 'none', value: 37.5, source: { kind: 'formula', inputs: { risolti: 3, proposti: 8 } } } },
    });
  });

  it('1.1.1: 3.47 % against 3.50 % is 100 only through the tolerance recorded in the data', () => {
    expect(node('1.1.1').indicators[0]).toMatchObject({ score: 100, explanation: { rule: 'step', met: 'target', tolerance: { applied: true, absolute: 0.05 } } });
  });

  it('entity: mean of the nine strategic results 97.91, entity performance 100', () => {
    expect(scored.entity).toMatchObject({ meanOfResults: 97.91, performance: 100, rating: 'Eccellente' });
    expect(scored.entity?.codes).toHaveLength(9);
  });

  it('mean of the 25 system objectives = 97.6', () => {
    expect(scored.systemObjectives).toMatchObject({ count: 25, mean: 97.6 });
  });

  it('the Segretario Generale\'s four objectives score 100 each, 100 overall (30/30/10/30)', () => {
    expect(individual).toHaveLength(1);
    const sg = individual[0];
    expect(sg?.objectives.map((o) => [o.code, o.weight, o.result])).toEqual([
      ['SG.1', 30, 100],
      ['SG.2', 30, 100],
      ['SG.3', 10, 100],
      ['SG.4', 30, 100],
    ]);
    expect(sg?.result).toBe(100);
  });

  it('the Segretario Generale\'s scorecard (50/0/30/20) combines entity 100, objectives 100 and a behaviour score', () => {
    const weights = input.individualObjectives[0]?.roleWeights;
    expect(weights).toEqual({ role: 'Segretario Generale', entity: 50, unit: 0, individual: 30, behaviour: 20 });
    if (!weights || !sg()) return;
    const card = scoreIndividual(weights, { entity: scored.entity?.exactPerformance ?? null, unit: null, individual: sg().exactResult, behaviour: 90 }, input.config.rounding);
    expect(card.score).toBe(98);
  });

  it('raises no weight warning', () => {
    expect(scored.warnings).toEqual([]);
  });
});

function sg() {
  return individual[0] as NonNullable<(typeof individual)[0]>;
}

const checks = comparePublished(plan, scored, individual, input.config.rounding);

describe('Sondrio 2024 — every published figure of the data file', () => {
  it('has published figures to check (nodes, indicators, achievements, ratings, individual objectives, entity)', () => {
    expect(checks.length).toBeGreaterThanOrEqual(100);
    expect(new Set(checks.map((c) => c.field))).toEqual(
      new Set(['score', 'achievement', 'rating', 'meanOfResults', 'performance', 'systemObjectivesMean']),
    );
    expect(checks.filter((c) => c.kind === 'entity').map((c) => [c.field, c.published, c.computed])).toEqual([
      ['meanOfResults', 97.91, 97.91],
      ['performance', 100, 100],
      ['systemObjectivesMean', 97.6, 97.6],
    ]);
  });

  it.each(checks.map((c) => [`${c.kind} ${c.code} ${c.field} = ${c.published}`, c] as const))('reproduces %s', (_name, check) => {
    expect(check.computed).toEqual(check.published);
  });
});
