// Seed 002 (Sondrio, Piano 2020): every action with explicit thresholds, scored at, just above and just
// below the target and each threshold, higher- and lower-is-better and deadlines. The fixture below is
// transcribed from the seed; when data/demo/so-2020.yaml exists, every action of the file is checked too.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPlanFile } from '@albero/plan-format';
import { describe, expect, it } from 'vitest';
import { inputFromPlan } from '../src/from-plan.js';
import { scoreIndicator } from '../src/indicator.js';
import type { IndicatorInput, NodeInput, Value } from '../src/types.js';
import { buildConfig, buildIndicator } from './factories.js';
import { thresholdCases } from './thresholds.js';

const config = buildConfig();

const seed = (code: string, direction: IndicatorInput['direction'], target: Value, t80?: Value, t60?: Value): IndicatorInput =>
  buildIndicator({
    code,
    direction,
    valueType: typeof target === 'string' ? 'date' : 'number',
    target: {
      operator: typeof target === 'string' || direction === 'lower-is-better' ? '<=' : '>=',
      value: target,
      ...(t80 === undefined ? {} : { threshold80: t80 }),
      ...(t60 === undefined ? {} : { threshold60: t60 }),
    },
  });

// Seed 002 actions with their target and the soglie 80 % / 60 % as printed (months as their last day).
const fixture: IndicatorInput[] = [
  seed('1.1.1', 'higher-is-better', 4, 3, 2),
  seed('1.1.2', 'higher-is-better', 880, 704, 528),
  seed('1.2.1', 'higher-is-better', 6, 4),
  seed('1.2.2', 'higher-is-better', 60, 45, 30),
  seed('1.4.1', 'higher-is-better', 170, 150, 120),
  seed('1.4.2', 'higher-is-better', 50, 40, 30),
  seed('2.3.2', 'higher-is-better', 2, 1),
  seed('2.4.2', 'higher-is-better', 1400, 1000, 600),
  seed('3.1.1', 'lower-is-better', 28, 29, 30),
  seed('3.2.1', 'lower-is-better', 4, 4.5, 5),
  seed('3.3.2', 'lower-is-better', 8, 10, 12),
  seed('3.3.3', 'lower-is-better', 50, 55),
  seed('3.3.4', 'lower-is-better', 180, 210, 240),
  seed('3.5.1', 'lower-is-better', '2020-07-31', '2020-09-30', '2020-10-31'),
  seed('3.5.2', 'lower-is-better', '2020-09-30', '2020-10-31', '2020-11-30'),
  seed('4.1.1', 'lower-is-better', '2020-07-31', '2020-09-30', '2020-11-30'),
  seed('4.1.2', 'higher-is-better', 10, 8, 6),
  seed('6.1.1', 'higher-is-better', 70, 65, 50),
  seed('7.1.1', 'higher-is-better', 20, 16, 12),
  seed('8.1.1', 'lower-is-better', 95, 98, 100),
  seed('8.1.2', 'lower-is-better', 30, 32, 34),
  seed('8.1.3', 'higher-is-better', 50, 45, 36),
  seed('9.1.3', 'higher-is-better', 80, 60, 50),
];

function check(indicator: IndicatorInput) {
  const cases = thresholdCases(indicator);
  it.each(cases.map((c) => [c.name, c] as const))(`${indicator.code} (${indicator.direction}) scores %s`, (_name, c) => {
    const scored = scoreIndicator({ ...indicator, value: c.value, formula: undefined, inputs: undefined, override: undefined, tolerance: undefined }, config);
    expect(scored.score).toBe(c.expected);
  });
}

describe('seed 002 thresholds (fixture transcribed from the seed)', () => {
  it('generates 3 cases per level: 1.1.2 at 880, 880.0+, 879.9-, 704…', () => {
    expect(thresholdCases(fixture[1] as IndicatorInput).map((c) => [c.value, c.expected])).toEqual([
      [880, 100],
      [897.6, 100],
      [862.4, 80],
      [704, 80],
      [721.6, 80],
      [686.4, 60],
      [528, 60],
      [545.6, 60],
      [510.4, 0],
    ]);
  });
  for (const indicator of fixture) describe(indicator.code, () => check(indicator));
});

const so2020 = fileURLToPath(new URL('../../../data/demo/so-2020.yaml', import.meta.url));

describe.runIf(existsSync(so2020))('seed 002 thresholds (every action of data/demo/so-2020.yaml with explicit thresholds)', async () => {
  const input = inputFromPlan(await readPlanFile(so2020));
  const withThresholds: IndicatorInput[] = [];
  const walk = (nodes: NodeInput[]) =>
    nodes.forEach((n) => {
      for (const ind of n.indicators) {
        const t = ind.target;
        if (t && (t.threshold80 !== undefined || t.threshold60 !== undefined) && ind.method !== 'qualitative' && ind.valueType !== 'qualitative') withThresholds.push(ind);
      }
      walk(n.children);
    });
  walk(input.tree);
  it('finds the actions with explicit thresholds', () => {
    expect(withThresholds.length).toBeGreaterThanOrEqual(20);
  });
  for (const indicator of withThresholds) describe(indicator.code, () => check(indicator));
});
