import { parsePlan } from '@albero/plan-format';
import { describe, expect, it } from 'vitest';
import { configFromPlan, defaultPeriod, inputFromPlan } from '../src/from-plan.js';
import { scoreTree } from '../src/tree.js';

const yaml = `
formatVersion: 1
chamber: { code: XX, name: Camera di prova }
cycle: { year: 2024, horizon: [2024, 2026], periods: ['2024-06-30', '2024-12-31'] }
smvp:
  missingPolicy: exclude-and-reweight
  rounding: { decimals: 1, mode: half-even }
  entityLevel: s
  individualWeights: [{ role: Segretario Generale, entity: 50, unit: 0, individual: 30, behaviour: 20 }]
levels:
  - { key: s, name: Strategico, kind: strategic }
  - { key: a, name: Azione, kind: action }
people:
  - { username: sg, name: SG, position: segretario generale }
variables:
  - key: attive
    name: imprese attive
    values: [{ period: '2024-12-31', value: 10000 }]
tree:
  - code: S1
    title: Strategico
    achievementTarget: { year: 2024, value: 80 }
    children:
      - code: A1
        title: Formula from variables and measurement inputs
        weight: 50
        indicators:
          - name: aderenti
            formula: aderenti / attive * 100
            targets: [{ year: 2024, value: 50 }, { year: 2025, value: 60 }]
            measurements:
              - { period: '2024-06-30', value: 10 }
              - { period: '2024-12-31', value: null, inputs: { aderenti: 5500 } }
      - code: A2
        title: Entered value wins over a formula without inputs
        weight: 50
        indicators:
          - name: first
            formula: attive / 1000
            targets: [{ year: 2024, value: 10 }]
            measurements: [{ period: '2024-12-31', value: 9 }]
          - name: second
            code: A2-bis
            targets: [{ year: 2024, value: 10 }]
            measurements: [{ period: '2024-12-31', value: 10 }]
individualObjectives:
  - person: sg
    objectives:
      - code: SG1
        title: Obiettivo
        level: a
        indicators: [{ name: k, targets: [{ year: 2024, value: 1 }], measurements: [{ period: '2024-12-31', value: 1 }] }]
`;
const plan = parsePlan(yaml, 'test.yaml');

describe('inputFromPlan', () => {
  it('maps the SMVP to the engine configuration', () => {
    expect(configFromPlan(plan)).toMatchObject({
      defaultMethod: 'step',
      missingPolicy: 'exclude-and-reweight',
      rounding: { decimals: 1, mode: 'half-even' },
      rollupFrom: 'unrounded',
      achievementMethod: 'proportional',
      entityLevel: 's',
      levels: { s: { aggregation: 'weighted-mean', kind: 'strategic' } },
    });
  });

  it('defaults to the cycle year and its last monitoring period', () => {
    expect(defaultPeriod(plan, 2024)).toBe('2024-12-31');
    expect(defaultPeriod(plan, 2025)).toBe('2025-12-31');
    const input = inputFromPlan(plan);
    expect([input.year, input.period]).toEqual([2024, '2024-12-31']);
  });

  it('takes the target of the year and the measurement of the period', () => {
    const a1 = inputFromPlan(plan).tree[0]?.children[0]?.indicators[0];
    expect(a1).toMatchObject({ code: 'A1', target: { value: 50 }, value: null, inputs: { attive: 10000, aderenti: 5500 } });
    const mid = inputFromPlan(plan, { period: '2024-06-30' }).tree[0]?.children[0]?.indicators[0];
    expect(mid).toMatchObject({ value: 10 });
    expect(mid?.inputs).toBeUndefined();
    expect(inputFromPlan(plan, { year: 2025 }).tree[0]?.children[0]?.indicators[0]?.target).toMatchObject({ value: 60 });
  });

  it('names indicators after their node ("A2", then "A2#2") unless they have a code', () => {
    const a2 = inputFromPlan(plan).tree[0]?.children[1];
    expect(a2?.indicators.map((i) => i.code)).toEqual(['A2', 'A2-bis']);
    expect(a2?.indicators[0]?.inputs).toBeUndefined();
  });

  it('matches a person\'s position to the SMVP role, ignoring case', () => {
    expect(inputFromPlan(plan).individualObjectives[0]).toMatchObject({
      person: 'sg',
      position: 'segretario generale',
      roleWeights: { role: 'Segretario Generale', entity: 50, individual: 30, behaviour: 20 },
    });
  });

  it('gives a node without an explicit level the level at its depth, as the database loader does', () => {
    const input = inputFromPlan(plan);
    expect(input.tree[0]?.level).toBe('s');
    expect(input.tree[0]?.children.map((c) => c.level)).toEqual(['a', 'a']);
    expect(input.individualObjectives[0]?.objectives[0]?.level).toBe('a');
  });

  it("applies a level's simple mean to nodes that do not name their level: no weights, no warning for them", () => {
    const unweighted = (aggregation: string) =>
      parsePlan(
        yaml
          .replace('  - { key: s, name: Strategico, kind: strategic }', `  - { key: s, name: Strategico, kind: strategic, aggregation: ${aggregation} }`)
          .replaceAll('        weight: 50\n', ''),
        'test.yaml',
      );
    const simple = inputFromPlan(unweighted('simple-mean'));
    const simpleScored = scoreTree({ config: simple.config, tree: simple.tree });
    // (A2's own two indicators carry no weights either: that warning is the action level's, weighted.)
    expect(simpleScored.warnings).toEqual([{ kind: 'weights-do-not-sum-to-100', code: 'A2', declaredSum: 200 }]);
    expect(simpleScored.nodes[0]).toMatchObject({ result: 95, explanation: { rule: 'simple-mean' } });
    const weighted = inputFromPlan(unweighted('weighted-mean'));
    expect(scoreTree({ config: weighted.config, tree: weighted.tree }).warnings).toEqual([
      { kind: 'weights-do-not-sum-to-100', code: 'A2', declaredSum: 200 },
      { kind: 'weights-do-not-sum-to-100', code: 'S1', declaredSum: 200 },
    ]);
  });

  it('scores the mapped tree: formula 55 % against 50 → 100; entered 9 against 10 → 80', () => {
    const input = inputFromPlan(plan);
    const scored = scoreTree({ config: input.config, tree: input.tree });
    const [a1, a2] = scored.nodes[0]?.children ?? [];
    expect(a1?.indicators[0]).toMatchObject({ score: 100, explanation: { source: { kind: 'formula', inputs: { aderenti: 5500, attive: 10000 } } } });
    expect(a1?.indicators[0]?.value).toBeCloseTo(55, 12);
    expect(a2?.indicators.map((i) => i.score)).toEqual([80, 100]);
    expect(scored.nodes[0]).toMatchObject({ result: 95, achievement: 100 });
  });
});
